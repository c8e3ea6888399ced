/**
 * Which native tdesign-miniprogram components a page declares (its `usingComponents`), named by the UI kit parts the
 * page renders. Declared per page rather than in app.json: with `lazyCodeLoading: "requiredComponents"` WeChat injects
 * every globally declared component into every page, so global declarations cost every page their code.
 *
 *   export default definePageConfig({ navigationBarTitleText: '…', usingComponents: usingKit('Button', 'PageState') })
 *
 * Page configs are read by Taro at build time, outside the app bundle, so import this file by a relative path.
 * The weapp host (test/weapp) fails a page that renders a component it has not declared, and reports declarations
 * no run rendered.
 */

/** Tag → the component's path in the tdesign-miniprogram package (Taro copies it to dist/weapp/npm). */
export const TDESIGN_COMPONENTS = {
  't-button': 'tdesign-miniprogram/miniprogram_dist/button/button',
  't-cell': 'tdesign-miniprogram/miniprogram_dist/cell/cell',
  't-cell-group': 'tdesign-miniprogram/miniprogram_dist/cell-group/cell-group',
  't-input': 'tdesign-miniprogram/miniprogram_dist/input/input',
  't-textarea': 'tdesign-miniprogram/miniprogram_dist/textarea/textarea',
  't-tag': 'tdesign-miniprogram/miniprogram_dist/tag/tag',
  't-empty': 'tdesign-miniprogram/miniprogram_dist/empty/empty',
  't-loading': 'tdesign-miniprogram/miniprogram_dist/loading/loading',
  't-steps': 'tdesign-miniprogram/miniprogram_dist/steps/steps',
  't-step-item': 'tdesign-miniprogram/miniprogram_dist/step-item/step-item',
  't-tabs': 'tdesign-miniprogram/miniprogram_dist/tabs/tabs',
  't-tab-panel': 'tdesign-miniprogram/miniprogram_dist/tab-panel/tab-panel',
  't-search': 'tdesign-miniprogram/miniprogram_dist/search/search',
  't-checkbox': 'tdesign-miniprogram/miniprogram_dist/checkbox/checkbox',
  't-radio': 'tdesign-miniprogram/miniprogram_dist/radio/radio',
  't-stepper': 'tdesign-miniprogram/miniprogram_dist/stepper/stepper',
  't-icon': 'tdesign-miniprogram/miniprogram_dist/icon/icon',
} as const

export type NativeTag = keyof typeof TDESIGN_COMPONENTS

/** The native components each part of the kit (and the shared PageState) renders on weapp. */
const KIT_PARTS = {
  Button: ['t-button'],
  Cell: ['t-cell'],
  CellGroup: ['t-cell-group'],
  Tag: ['t-tag'],
  Empty: ['t-empty'],
  Loading: ['t-loading'],
  Steps: ['t-steps', 't-step-item'],
  Tabs: ['t-tabs', 't-tab-panel'],
  Icon: ['t-icon'],
  Input: ['t-input'],
  Textarea: ['t-textarea'],
  Search: ['t-search'],
  Checkbox: ['t-checkbox'],
  RadioGroup: ['t-radio'],
  Stepper: ['t-stepper'],
  // The pickers are the platform's own picker around a t-cell.
  Picker: ['t-cell'],
  DatePicker: ['t-cell'],
  // components/page-state.tsx: loading, error (icon + retry button) and empty states.
  PageState: ['t-loading', 't-icon', 't-button', 't-empty'],
} as const satisfies Record<string, readonly NativeTag[]>

export type KitPart = keyof typeof KIT_PARTS

/** `usingComponents` for a page that renders these kit parts (weapp); nothing on other platforms. */
export function usingKit(...parts: KitPart[]): Record<string, string> {
  if (process.env.TARO_ENV !== 'weapp') return {}
  const tags = new Set<NativeTag>(parts.flatMap((p) => KIT_PARTS[p]))
  return Object.fromEntries([...tags].sort().map((tag) => [tag, TDESIGN_COMPONENTS[tag]]))
}
