import { requireDayNumber } from './day-number'

/**
 * Calendar days from `a` to `b` (`b − a`); negative when `b` is earlier.
 *
 * @example daysBetween('2021-03-10', '2021-05-01') // 52 — so 2021-05-01 is coverage day 53
 */
export function daysBetween(a: string, b: string): number {
  return requireDayNumber(b, 'b') - requireDayNumber(a, 'a')
}
