import { cstDate } from './time'

const DAY_MS = 24 * 60 * 60 * 1000

/** Time source for handlers. */
export interface Clock {
  now(): Date
  /** Today's date in China Standard Time, YYYY-MM-DD. */
  today(): string
}

/**
 * The real clock, or a shifted one when `MUTUAL_AID_TODAY=YYYY-MM-DD` is set: the business date is then that day
 * while the time of day keeps running, so events still order correctly. The local demo uses it to stand inside
 * the seeded schemes' periods (TZ has data for 2021–2022 only); production never sets it.
 */
export function systemClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const pinned = env.MUTUAL_AID_TODAY
  const now = (): Date => {
    const real = new Date()
    if (!pinned || !/^\d{4}-\d{2}-\d{2}$/.test(pinned)) return real
    const shiftDays = Math.round((Date.parse(`${pinned}T00:00:00Z`) - Date.parse(`${cstDate(real)}T00:00:00Z`)) / DAY_MS)
    return new Date(real.getTime() + shiftDays * DAY_MS)
  }
  return { now, today: () => cstDate(now()) }
}
