import { periodCoverage } from '../coverage/period-coverage'
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
 * the next version to open its window; `undefined` when the family has none of these. A period whose last day is today
 * gives way to the next one: a fee paid today buys no day of it (WH 第三条, coverage from the next day), so a WH unit
 * declaring on 31 December declares for next year.
 *
 * @example enrolmentPeriodOn(BUILT_IN_REGISTRY, 'TZ', '2021-10-15') // { scheme: tz-2022, year: 2022 }
 * @example enrolmentPeriodOn(BUILT_IN_REGISTRY, 'WH', '2021-06-15') // { scheme: wh-2020, year: 2021 }
 * @example enrolmentPeriodOn(BUILT_IN_REGISTRY, 'WH', '2021-12-31') // { scheme: wh-2020, year: 2022 }
 */
export function enrolmentPeriodOn(registry: SchemeRegistry, family: Family, today: string): { scheme: Scheme; year: number } | undefined {
  const day = requireDayNumber(today, 'today')
  const scheme =
    registry.forDate(family, today, 'enrolment') ??
    registry.schemes.find((s) => s.family === family && (enrolmentSpan(s)?.from ?? -Infinity) > day)
  if (!scheme) return undefined
  const year = periodYear(scheme, today)
  const next = periodCoverage(scheme, year, today).ok ? undefined : registry.forYear(family, year + 1)
  return next ? { scheme: next, year: year + 1 } : { scheme, year }
}
