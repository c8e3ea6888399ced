// Pages of the settlements subpackage (免申即享: the office's and agents' import); app.config.ts builds `subPackages` from this list.
export default {
  root: 'packages/settle',
  pages: ['import/index'],
}
