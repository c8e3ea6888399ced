// Pages of the office subpackage (互助办: scheme versions, fee announcements, reminders, payment accounts); app.config.ts builds
// `subPackages` from this list.
export default {
  root: 'packages/office',
  pages: ['schemes/index', 'scheme-fees/index', 'scheme-edit/index', 'scheme-preview/index', 'reminders/index', 'payment-settings/index'],
}
