import type { Family, SchemeId } from '../types'

/** `wh-2020`, `tz-2023`, `wh-2024-rev1`: the family in lower case, then lower-case letters and digits in dashed parts. */
const SCHEME_ID = /^(wh|tz)-[0-9a-z]+(?:-[0-9a-z]+)*$/

/**
 * Whether `value` has the shape of a scheme id (`wh-…` / `tz-…`). Whether such a version exists is a registry's
 * answer (`SchemeRegistry.has`): versions the office publishes exist only at run time, so an answer that carries a
 * published id must still parse in the app.
 *
 * @example isSchemeIdShape('tz-2023') // true
 * @example isSchemeIdShape('TZ 2023') // false
 */
export function isSchemeIdShape(value: unknown): value is SchemeId {
  return typeof value === 'string' && value.length <= 40 && SCHEME_ID.test(value)
}

/** The family a scheme id names (`tz-2023` → `TZ`). */
export function familyOfId(id: SchemeId): Family {
  return id.startsWith('wh-') ? 'WH' : 'TZ'
}
