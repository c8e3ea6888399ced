import { isWorkday } from 'chinese-days'
import { formatDayNumber, requireDayNumber } from './day-number'

/**
 * Whether a date is a working day under the PRC State Council holiday calendar, including the
 * adjusted working weekends (调休上班). Data from the `chinese-days` package (pure data; years it
 * does not know fall back to Monday–Friday).
 *
 * @example isWorkingDay('2021-10-09') // true — Saturday made a working day for National Day
 */
export function isWorkingDay(date: string): boolean {
  requireDayNumber(date)
  return isWorkday(date)
}

/**
 * The `n`-th working day after `date` (counting starts the day after, so `date` itself never counts).
 *
 * @example addWorkingDays('2021-09-28', 30) // '2021-11-15'
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`)
  let day = requireDayNumber(date)
  let counted = 0
  while (counted < n) {
    day += 1
    if (isWorkday(formatDayNumber(day))) counted += 1
  }
  return formatDayNumber(day)
}
