import { parseDayNumber } from './day-number'

/**
 * Whether `s` is a real calendar date written `YYYY-MM-DD` (e.g. `2021-02-29` is not).
 *
 * @example isValidDate('2024-02-29') // true
 */
export function isValidDate(s: string): boolean {
  return !Number.isNaN(parseDayNumber(s))
}
