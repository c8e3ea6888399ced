/**
 * The emulator's clock for timer triggers: real time, or — when `MUTUAL_AID_TODAY=YYYY-MM-DD` is set, as `npm start`
 * and tests do — the same instant moved by whole days so that the China Standard Time date is that day while the
 * time of day keeps running. This is exactly how the functions' own clock reads the variable
 * (cloudfunctions/_shared/src/clock.ts), so a trigger at `0 0 9 * * * *` fires at 09:00 of the business date the
 * functions see. Production never sets the variable.
 */

const DAY_MS = 24 * 60 * 60 * 1000
/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** `YYYY-MM-DD` of an instant in China Standard Time. */
export function cstDateOf(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** A clock answering the business instant in ms; `pinned` is the value of MUTUAL_AID_TODAY, if any. */
export function businessClock(pinned: string | undefined, realNow: () => number = Date.now): () => number {
  if (!pinned) return realNow
  if (!DATE.test(pinned) || Number.isNaN(Date.parse(`${pinned}T00:00:00Z`))) {
    throw new Error(`MUTUAL_AID_TODAY 无效："${pinned}"（应为 YYYY-MM-DD，例如 2021-06-15）`)
  }
  const pinnedDay = Date.parse(`${pinned}T00:00:00Z`)
  return () => {
    const real = realNow()
    const shiftDays = Math.round((pinnedDay - Date.parse(`${cstDateOf(real)}T00:00:00Z`)) / DAY_MS)
    return real + shiftDays * DAY_MS
  }
}
