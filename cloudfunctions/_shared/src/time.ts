/**
 * China Standard Time at the functions' edge: the clock gives instants, business dates are CST calendar days (UTC+8,
 * no daylight saving) whatever zone the host runs in. dayjs does the zone shift and the formatting; the rules then
 * count days on their own integer day numbers.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const CST_OFFSET_MINUTES = 8 * 60

const cst = (at: Date | number) => dayjs(at).utcOffset(CST_OFFSET_MINUTES)

/** The calendar date (YYYY-MM-DD) in China Standard Time at the instant `now`. */
export function cstDate(now: Date): string {
  return cst(now).format('YYYY-MM-DD')
}

/** The calendar year in China Standard Time at the instant `now`. */
export function cstYear(now: Date): number {
  return cst(now).year()
}

/** An instant as a person reads it in a message: "14:05" when it is today (CST), else "2021-06-16 14:05". */
export function cstClock(ms: number, now: Date): string {
  const at = cst(ms)
  return at.format('YYYY-MM-DD') === cstDate(now) ? at.format('HH:mm') : at.format('YYYY-MM-DD HH:mm')
}
