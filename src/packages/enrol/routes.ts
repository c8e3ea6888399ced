// Pages of the enrolment subpackage; app.config.ts builds `subPackages` from this list.
export default {
  root: 'packages/enrol',
  pages: [
    'units/index',
    'unit-edit/index',
    'roster/index',
    'declare/index',
    'declarations/index',
    'declaration/index',
    'certificate/index',
    'bind/index',
    'coverage/index',
  ],
}
