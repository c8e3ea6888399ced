import { requireDayNumber } from '../dates/day-number'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import { renewalGraceEnd } from './renewal-grace-end'

/**
 * Whether a renewal keeps coverage continuous (no observation period, renewal fee): WH 第十二条
 * with [I-3] — paid on or before the previous period end + 30 days. TZ has no observation period
 * ([I-13]), so a TZ renewal is always treated as continuous.
 *
 * @example isContinuous({ scheme: 'wh-2020', previousPeriodEnd: '2020-12-31', renewedOn: '2021-01-30' }) // continuous
 */
export function isContinuous(i: { scheme: SchemeRef; previousPeriodEnd: string; renewedOn: string }): {
  continuous: boolean
  basis: string
} {
  const s = resolveScheme(i.scheme)
  if (s.family === 'TZ') return { continuous: true, basis: 'DOMAIN [I-13]' }
  const last = requireDayNumber(renewalGraceEnd(s, i.previousPeriodEnd))
  return { continuous: requireDayNumber(i.renewedOn, 'renewedOn') <= last, basis: s.continuity.basis }
}
