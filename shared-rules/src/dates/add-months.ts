import { civilToDayNumber, daysInMonth, formatDayNumber, parseDayNumber, dayNumberToCivil } from './day-number'

/**
 * Add `n` calendar months to a date, keeping the day of month; when the target month is shorter,
 * the result is that month's last day (PRC Civil Code 第二百零三条: 没有对应日的，月末日为期间的最后一日).
 *
 * @example addMonths('2021-12-31', 2) // '2022-02-28'
 */
export function addMonths(date: string, n: number): string {
  const dn = parseDayNumber(date)
  if (Number.isNaN(dn)) throw new RangeError(`date must be YYYY-MM-DD, got ${JSON.stringify(date)}`)
  if (!Number.isInteger(n)) throw new RangeError(`months must be an integer, got ${n}`)
  const { year, month, day } = dayNumberToCivil(dn)
  const index = year * 12 + (month - 1) + n
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return formatDayNumber(civilToDayNumber(y, m, Math.min(day, daysInMonth(y, m))))
}

/** Calendar months from the month of `from` to the month of `to`, both inclusive (2021-03-10 → 2021-12-31: 10). */
export function monthsInclusive(from: string, to: string): number {
  const a = dayNumberToCivil(parseDayNumber(from))
  const b = dayNumberToCivil(parseDayNumber(to))
  return (b.year - a.year) * 12 + (b.month - a.month) + 1
}
