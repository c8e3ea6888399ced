import { formatDayNumber, parseDayNumber, requireDayNumber } from '../dates/day-number'
import { resolveScheme, type SchemeRef } from '../schemes/registry'

/**
 * First covered day after the unit pays: 00:00 of the next day (WH 第三条; TZ [I-12]), never before
 * the activity period (TZ) or the rules' effective date (WH).
 *
 * @example coverageStartAfterPayment('wh-2020', '2021-03-09') // '2021-03-10'
 * @example coverageStartAfterPayment('tz-2022', '2021-11-02') // '2022-01-01'
 */
export function coverageStartAfterPayment(scheme: SchemeRef, paidOn: string): string {
  const s = resolveScheme(scheme)
  const next = requireDayNumber(paidOn, 'paidOn') + 1
  const floor = parseDayNumber(s.family === 'TZ' ? s.activity.from : s.effectiveFrom)
  return formatDayNumber(Math.max(next, floor))
}
