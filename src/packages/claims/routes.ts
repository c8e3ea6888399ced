// Pages of the claims subpackage; app.config.ts builds `subPackages` from this list.
export default {
  root: 'packages/claims',
  pages: ['new/index', 'list/index', 'detail/index', 'review/index', 'ledger/index', 'inbox/index', 'proposal/index'],
}
