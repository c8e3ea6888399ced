/**
 * Every icon the mini-program can show — the glyphs of the subset icon font that replaces TDesign's CDN font
 * (scripts/weapp-icon-font). A name missing here has no glyph: `npm run check:weapp` finds the names the build ships
 * (scripts/weapp-icon-font/shipped-icons.ts) and fails on any that is not in this list.
 *
 * How the lists were found:
 *  - APP_ICONS: the `IconName` union in src/components/ui/display.types.ts (everything the kit's <Icon> takes) and the
 *    icon names written literally on TDesign elements in src/**\/*.weapp.tsx (t-empty's `icon`).
 *  - TDESIGN_ICONS: for each tdesign-miniprogram component that Taro copies into dist/weapp/npm (the components the
 *    pages declare, plus the ones those use), its node_modules/tdesign-miniprogram/miniprogram_dist/<component>/*.wxml
 *    (`<t-icon name="…">`, literal or inside the `{{ }}` expression) and *.js (defaults given to `calcIcon`/`setIcon`,
 *    and `…Icon` property defaults). Components with no icon of their own (badge, button, cell-group, common,
 *    empty, loading, steps, sticky, tab-panel, tabs, textarea) are not listed.
 *  - DYNAMIC_ICONS: names a component builds at run time from a property, which no scan can read off; each entry
 *    quotes the expression (the check fails on a shipped expression that is not acknowledged here) and lists every
 *    name it can produce.
 */

/** The app's own icons. */
export const APP_ICONS = [
  // IconName (src/components/ui/display.types.ts)
  'secured',
  'add-circle',
  'file-paste',
  'notification',
  'usergroup',
  'edit-1',
  'view-list',
  'certificate',
  'city',
  'task-checked',
  'user-add',
  'wallet',
  'chart-bar',
  'chevron-right',
  'user',
  'swap',
  'error-circle',
  'check-circle',
  'info-circle',
  'help-circle',
  'setting',
  'alarm',
  // <t-empty icon="info-circle-filled"> (src/components/ui/display.weapp.tsx)
  'info-circle-filled',
] as const

/** Icons TDesign's shipped components show by themselves, by component. */
export const TDESIGN_ICONS: Readonly<Record<string, readonly string[]>> = {
  cell: ['chevron-right'], // the arrow: setIcon("_arrow", arrow, "chevron-right")
  checkbox: ['check'], // icon "line", checked
  image: ['close'], // load failure
  input: ['close-circle-filled'], // clearable
  radio: ['check-circle-filled', 'check'], // icon "circle" / "line", checked
  search: ['search', 'close-circle-filled'], // leftIcon default, clear button
  'step-item': ['check', 'close'], // finished / failed step
  stepper: ['remove', 'add'],
  tag: ['close'], // closable
}

/** Names built at run time: the component, the expression as shipped, and every name it can produce. */
export const DYNAMIC_ICONS: ReadonlyArray<{ component: string; expression: string; names: readonly string[] }> = [
  {
    // cell.js: setIcon(key, value, fallback) → calcIcon(value, fallback); the fallbacks are '' (left/right icon:
    // nothing unless the page gives one, and ours give none) and 'chevron-right' (the arrow).
    component: 'cell',
    expression: 'calcIcon(t,s)',
    names: ['chevron-right'],
  },
  {
    // `icon` is the box style ('circle' | 'rectangle' here); indeterminate shows minus-…, checked check-….
    component: 'checkbox',
    expression: "indeterminate ? ('minus-' + icon + '-filled') : ('check-' + icon + '-filled')",
    names: ['minus-circle-filled', 'check-circle-filled', 'minus-rectangle-filled', 'check-rectangle-filled'],
  },
  {
    // icon "line": indeterminate builds 'minus-line-filled', which TDesign's icon set does not have (TDesign shows
    // nothing there either); checked shows 'check', listed above.
    component: 'checkbox',
    expression: "indeterminate ? ('minus-' + icon + '-filled') : 'check'",
    names: ['check'],
  },
]

/** The whole subset, sorted and without repeats. */
export function iconFontNames(): string[] {
  const names = new Set<string>([...APP_ICONS, ...Object.values(TDESIGN_ICONS).flat(), ...DYNAMIC_ICONS.flatMap((d) => d.names)])
  return [...names].sort()
}
