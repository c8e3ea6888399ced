/**
 * Subscribe-message template ids for the weapp host: the same ids go into the weapp build (TARO_APP_TEMPLATE_*, so
 * the app asks for them) and into the emulator's functions (SUBSCRIBE_TEMPLATES, so they send with them).
 *
 *   eval "$(npx tsx test/weapp/template-ids.ts)"   # exports TARO_APP_TEMPLATE_* for `npm run build:weapp` (.ci/run)
 */
import { TEMPLATE_KEYS, type TemplateKey } from '@mutual-aid/contracts'

/** One id per template the functions send (`claimNeedsMaterials` → `host-tmpl-claim-needs-materials`). */
export const HOST_TEMPLATE_IDS = Object.fromEntries(
  TEMPLATE_KEYS.map((key) => [key, `host-tmpl-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`]),
) as Record<TemplateKey, string>

/** `claimNeedsMaterials` → `TARO_APP_TEMPLATE_CLAIM_NEEDS_MATERIALS` (config/index.ts reads these at build time). */
export function buildEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(HOST_TEMPLATE_IDS).map(([key, id]) => [`TARO_APP_TEMPLATE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, id]),
  )
}

if (require.main === module) {
  for (const [k, v] of Object.entries(buildEnv())) console.log(`export ${k}=${v}`)
}
