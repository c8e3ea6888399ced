import { formatDayNumber, requireDayNumber } from './day-number'

/**
 * Add `n` calendar days (may be negative) to a `YYYY-MM-DD` date.
 * Calendar days, not 24-hour blocks: the result never depends on the process time zone.
 *
 * @example addDays('2021-03-01', 119) // '2021-06-28'
 * @throws RangeError when `date` is not a valid date or `n` is not an integer.
 */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`days must be an integer, got ${n}`)
  return formatDayNumber(requireDayNumber(date) + n)
}
