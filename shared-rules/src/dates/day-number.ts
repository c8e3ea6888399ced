/**
 * Calendar arithmetic on integer day numbers (days since 1970-01-01), with no `Date` object,
 * so the result never depends on the process time zone. Algorithms: H. Hinnant, "chrono-compatible
 * low-level date algorithms" (days_from_civil / civil_from_days).
 */

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Inverse of {@link civilToDayNumber}. */
export function dayNumberToCivil(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/**
 * Parse `YYYY-MM-DD` into a day number; `NaN` when the text is not a real calendar date.
 * Hand-written (no regex, no `Date`) because it sits in the assessment hot path.
 */
export function parseDayNumber(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN
  const y0 = digit(s, 0), y1 = digit(s, 1), y2 = digit(s, 2), y3 = digit(s, 3)
  const m0 = digit(s, 5), m1 = digit(s, 6), d0 = digit(s, 8), d1 = digit(s, 9)
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
  const month = m0 * 10 + m1
  const day = d0 * 10 + d1
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN
  return civilToDayNumber(year, month, day)
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

/** Format a day number as `YYYY-MM-DD`. */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = dayNumberToCivil(dayNumber)
  const y = String(year)
  return (y.length >= 4 ? y : '0000'.slice(y.length) + y) + '-' + pad2(month) + '-' + pad2(day)
}

/** Parse a date that must be valid; throws `RangeError` otherwise (a programming error, not an outcome). */
export function requireDayNumber(s: string, what = 'date'): number {
  const n = parseDayNumber(s)
  if (Number.isNaN(n)) throw new RangeError(`${what} must be a YYYY-MM-DD calendar date, got ${JSON.stringify(s)}`)
  return n
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}
