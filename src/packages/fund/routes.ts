// Pages of the fund subpackage (reports, bank batches); app.config.ts builds `subPackages` from this list.
export default {
  root: 'packages/fund',
  pages: ['report/index', 'batches/index', 'batch/index'],
}
