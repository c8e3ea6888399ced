/** China Standard Time is UTC+8 with no daylight saving: business dates are computed in it, whatever TZ the host has. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar date (YYYY-MM-DD) in China Standard Time at the instant `now`. */
export function cstDate(now: Date): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The calendar year in China Standard Time at the instant `now`. */
export function cstYear(now: Date): number {
  return Number(cstDate(now).slice(0, 4))
}
