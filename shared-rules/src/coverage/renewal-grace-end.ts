import { addDays } from '../dates/add-days'
import { resolveScheme, type SchemeRef } from '../schemes/registry'

/**
 * Last day a renewal still counts as continuous (WH 第十二条, [I-3]: "within 30 days after the
 * end" → the previous period end + 30 days, i.e. 30 January). TZ has no grace: the period end itself.
 *
 * @example renewalGraceEnd('wh-2020', '2020-12-31') // '2021-01-30'
 */
export function renewalGraceEnd(scheme: SchemeRef, previousPeriodEnd: string): string {
  const s = resolveScheme(scheme)
  return addDays(previousPeriodEnd, s.family === 'WH' ? s.continuity.graceDays : 0)
}
