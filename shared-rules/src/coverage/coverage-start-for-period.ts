import { resolveScheme, type SchemeRef } from '../schemes/registry'
import { periodCoverage } from './period-coverage'

/**
 * When coverage starts for a declaration of the period `year` whose fee is paid on `paidOn`: the day after payment
 * (WH 第三条, TZ [I-12]), never before that period begins — a WH unit paying in December for next year starts on
 * 1 January, a TZ unit paying in the window before the activity year on its first day.
 *
 * A payment that leaves no day of the period is a caller's mistake (a `RangeError`): ask {@link periodCoverage} first,
 * which answers that case as a refusal.
 *
 * @example coverageStartForPeriod('wh-2020', 2022, '2021-12-20') // '2022-01-01'
 * @example coverageStartForPeriod('tz-2022', 2022, '2021-11-02') // '2022-01-01'
 */
export function coverageStartForPeriod(scheme: SchemeRef, year: number, paidOn: string): string {
  const coverage = periodCoverage(resolveScheme(scheme), year, paidOn)
  if (!coverage.ok) throw new RangeError(coverage.reason.message)
  return coverage.start
}
