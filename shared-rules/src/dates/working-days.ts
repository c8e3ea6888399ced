import calendar from 'chinese-days/dist/chinese-days.json'
import { formatDayNumber, requireDayNumber, weekday } from './day-number'

/*
 * Only the data of `chinese-days` is used (State Council holidays and adjusted working days by
 * date). Its functions parse dates through the process time zone and shift by a day west of UTC,
 * so the weekday comes from our own integer day numbers instead.
 */
const HOLIDAYS: Readonly<Record<string, string>> = calendar.holidays
const ADJUSTED_WORKDAYS: Readonly<Record<string, string>> = calendar.workdays

function isWorkingDayNumber(dayNumber: number): boolean {
  const date = formatDayNumber(dayNumber)
  if (ADJUSTED_WORKDAYS[date] !== undefined) return true
  const wd = weekday(dayNumber)
  return wd >= 1 && wd <= 5 && HOLIDAYS[date] === undefined
}

/**
 * Whether a date is a working day under the PRC State Council holiday calendar, including the
 * adjusted working weekends (调休上班). Data from the `chinese-days` package; years it does not
 * know fall back to Monday–Friday.
 *
 * @example isWorkingDay('2021-10-09') // true — Saturday made a working day for National Day
 */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(requireDayNumber(date))
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
    if (isWorkingDayNumber(day)) counted += 1
  }
  return formatDayNumber(day)
}
