/**
 * Subscribe-message template ids for the weapp host: the same ids go into the weapp build (TARO_APP_TEMPLATE_*, so
 * the app asks for them) and into the emulator's functions (SUBSCRIBE_TEMPLATES, so they send with them).
 *
 *   eval "$(npx tsx test/weapp/template-ids.ts)"   # exports TARO_APP_TEMPLATE_* for `npm run build:weapp` (.ci/run)
 */
export const HOST_TEMPLATE_IDS = {
  enrolmentReviewed: 'host-tmpl-enrolment-reviewed',
  enrolmentPaid: 'host-tmpl-enrolment-paid',
  coverageStarted: 'host-tmpl-coverage-started',
  unitChangedLate: 'host-tmpl-unit-changed-late',
  claimReceived: 'host-tmpl-claim-received',
  claimNeedsMaterials: 'host-tmpl-claim-needs-materials',
  claimDecided: 'host-tmpl-claim-decided',
} as const

/** `claimNeedsMaterials` → `TARO_APP_TEMPLATE_CLAIM_NEEDS_MATERIALS` (config/index.ts reads these at build time). */
export function buildEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(HOST_TEMPLATE_IDS).map(([key, id]) => [`TARO_APP_TEMPLATE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, id]),
  )
}

if (require.main === module) {
  for (const [k, v] of Object.entries(buildEnv())) console.log(`export ${k}=${v}`)
}
