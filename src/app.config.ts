import enrolRoutes from './packages/enrol/routes'
import claimsRoutes from './packages/claims/routes'

// Main package holds only the entry and the role homes; every feature page lives in a subpackage so the
// main package stays far below WeChat's 2 MB per-package limit.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/home/index'],
  subPackages: [enrolRoutes, claimsRoutes],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f3f3f3',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '职工医疗互助',
    navigationBarTextStyle: 'black',
  },
  // Native TDesign components for the weapp UI kit (src/components/ui/*.weapp.tsx). Declared once here so
  // every page and subpackage can use them; Taro copies them from node_modules into dist/weapp/npm.
  usingComponents: process.env.TARO_ENV === 'weapp' ? {
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
  } : {},
})
