import { addDays } from '../dates/add-days'
import { requireDayNumber } from '../dates/day-number'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { DatedBasis } from '../types'

/**
 * Last day to submit a claim. WH 第十八条: within 120 days of first diagnosis or death, the event
 * day being day 1 ([I-4]: event + 119). TZ: the scheme's claims cutoff (一(一)/(二)).
 *
 * @example claimDeadline('wh-2020', '2021-03-01') // { date: '2021-06-28', basis: '第十八条 [I-4]' }
 * @example claimDeadline('tz-2021', '2021-05-03') // { date: '2022-03-31', … }
 */
export function claimDeadline(scheme: SchemeRef, eventDate: string): DatedBasis {
  const s = resolveScheme(scheme)
  if (s.family === 'TZ') {
    requireDayNumber(eventDate, 'eventDate')
    return { date: s.claims.to, basis: s.claims.basis }
  }
  return { date: addDays(eventDate, s.claimDeadline.days - 1), basis: s.claimDeadline.basis }
}
