import { requireDayNumber } from '../dates/day-number'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { Reason } from '../types'

/**
 * The enrolment window of a TZ year (late = refused); `null` for WH, whose renewal dates come from
 * each year's notice.
 *
 * @example enrolmentWindow('tz-2022') // { from: '2021-10-10', to: '2021-12-31', basis: '台总工〔2021〕8号 一(二)' }
 */
export function enrolmentWindow(scheme: SchemeRef): { from: string; to: string; basis: string } | null {
  const s = resolveScheme(scheme)
  return s.family === 'TZ' ? { ...s.enrolment } : null
}

/**
 * Whether a unit may enrol on `date`. TZ: only inside the window (both ends included). WH: always
 * (new hires have their own 2-month limit, see `newHireDeadline`).
 */
export function checkEnrolmentDate(scheme: SchemeRef, date: string): { ok: true } | { ok: false; reason: Reason } {
  const day = requireDayNumber(date)
  const window = enrolmentWindow(scheme)
  if (!window) return { ok: true }
  if (day < requireDayNumber(window.from)) {
    return {
      ok: false,
      reason: { code: 'ENROLMENT_NOT_OPEN', basis: window.basis, message: `本期参保时间为 ${window.from} 至 ${window.to}，尚未开始参保。` },
    }
  }
  if (day > requireDayNumber(window.to)) {
    return {
      ok: false,
      reason: { code: 'ENROLMENT_CLOSED', basis: window.basis, message: `本期参保时间为 ${window.from} 至 ${window.to}，已逾期，不予参保。` },
    }
  }
  return { ok: true }
}
