import enrolRoutes from './packages/enrol/routes'
import claimsRoutes from './packages/claims/routes'
import officeRoutes from './packages/office/routes'
import fundRoutes from './packages/fund/routes'
import settleRoutes from './packages/settle/routes'

// Main package holds only the entry and the role homes; every feature page lives in a subpackage so the
// main package stays far below WeChat's 2 MB per-package limit.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/home/index'],
  subPackages: [enrolRoutes, claimsRoutes, officeRoutes, fundRoutes, settleRoutes],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f3f3f3',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '职工医疗互助',
    navigationBarTextStyle: 'black',
  },
  // Inject only the code a page needs: its own components (declared per page with usingKit, not here) and itself.
  lazyCodeLoading: 'requiredComponents',
  // Download the feature subpackages while the user reads the page that leads into them: every role's home menu
  // opens the first two (the office's also its own), and a new WeChat user goes from the entry page to binding
  // (packages/enrol).
  preloadRule: {
    'pages/index/index': { network: 'all', packages: [enrolRoutes.root] },
    'pages/home/index': { network: 'all', packages: [enrolRoutes.root, claimsRoutes.root, officeRoutes.root] },
  },
})
