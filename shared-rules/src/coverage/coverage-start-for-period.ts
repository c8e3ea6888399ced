import { formatDayNumber, requireDayNumber } from '../dates/day-number'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import { periodStartDay } from '../schemes/spans'
import { coverageStartAfterPayment } from './coverage-start-after-payment'

/**
 * When coverage starts for a declaration of the period `year` whose fee is paid on `paidOn`: the day after payment
 * (WH 第三条, TZ [I-12]), never before that period begins — a WH unit paying in December for next year starts on
 * 1 January, a TZ unit paying in the window before the activity year on its first day.
 *
 * @example coverageStartForPeriod('wh-2020', 2022, '2021-12-20') // '2022-01-01'
 * @example coverageStartForPeriod('tz-2022', 2022, '2021-11-02') // '2022-01-01'
 */
export function coverageStartForPeriod(scheme: SchemeRef, year: number, paidOn: string): string {
  const s = resolveScheme(scheme)
  const afterPayment = requireDayNumber(coverageStartAfterPayment(s, paidOn), 'paidOn')
  return formatDayNumber(Math.max(afterPayment, periodStartDay(s, year)))
}
