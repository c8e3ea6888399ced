import { requireDayNumber } from '../dates/day-number'
import type { Family } from '../types'
import type { SchemeRegistry } from './registry'
import { enrolmentSpan } from './spans'
import type { Scheme } from './types'

/**
 * The period a scheme version's period-year is, for a date: a TZ version's own activity year; for WH the calendar year
 * of the date (WH periods end on 31 December, 第三条).
 */
export function periodYear(s: Scheme, date: string): number {
  return s.family === 'TZ' ? s.year : Number(date.slice(0, 4))
}

/**
 * Which period a unit declares for on `today` by default, and under which version: the version whose enrolment window
 * is open (TZ 2022 from 2021-10-10, although 2021 is still running), else the version whose period contains today, else
 * the next version to open its window; `undefined` when the family has none of these.
 *
 * @example enrolmentPeriodOn(BUILT_IN_REGISTRY, 'TZ', '2021-10-15') // { scheme: tz-2022, year: 2022 }
 * @example enrolmentPeriodOn(BUILT_IN_REGISTRY, 'WH', '2021-06-15') // { scheme: wh-2020, year: 2021 }
 */
export function enrolmentPeriodOn(registry: SchemeRegistry, family: Family, today: string): { scheme: Scheme; year: number } | undefined {
  const day = requireDayNumber(today, 'today')
  const scheme =
    registry.forDate(family, today, 'enrolment') ??
    registry.schemes.find((s) => s.family === family && (enrolmentSpan(s)?.from ?? -Infinity) > day)
  return scheme ? { scheme, year: periodYear(scheme, today) } : undefined
}
