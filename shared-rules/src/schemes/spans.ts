import { civilToDayNumber, parseDayNumber } from '../dates/day-number'
import type { Scheme } from './types'

/** A closed range of day numbers; `to` is `Infinity` when open-ended. */
export interface DaySpan {
  from: number
  to: number
}

/**
 * The days whose periods a version governs: a TZ version its activity year; a WH version every calendar-year period
 * that begins on or after its effective date (第三条、第二十八条), until a later WH version takes over — the registry
 * picks the latest one in force, so the span itself is open-ended.
 */
export function periodSpan(s: Scheme): DaySpan {
  if (s.family === 'TZ') return { from: parseDayNumber(s.activity.from), to: parseDayNumber(s.activity.to) }
  return { from: parseDayNumber(s.effectiveFrom), to: Infinity }
}

/** The enrolment window (late = refused) of a version that has one (TZ), else `null` (WH: per each year's notice). */
export function enrolmentSpan(s: Scheme): DaySpan | null {
  if (s.family === 'TZ') return { from: parseDayNumber(s.enrolment.from), to: parseDayNumber(s.enrolment.to) }
  return null
}

/** Whether a version can govern the period of `year`: a TZ version its own year, a WH version any year from its effective date's. */
export function coversYear(s: Scheme, year: number): boolean {
  if (s.family === 'TZ') return s.year === year
  return Number(s.effectiveFrom.slice(0, 4)) <= year
}

/**
 * First day of the period of `year` under a version: the TZ activity start; for WH 1 January of that year (a calendar
 * year, 第三条), never before the version's effective date.
 */
export function periodStartDay(s: Scheme, year: number): number {
  if (s.family === 'TZ') return parseDayNumber(s.activity.from)
  return Math.max(civilToDayNumber(year, 1, 1), parseDayNumber(s.effectiveFrom))
}

/**
 * Last day of the period of `year` under a version: the TZ activity end; for WH 31 December of that year (第三条:
 * "到当年 12 月 31 日 24 时止").
 */
export function periodEndDayOfYear(s: Scheme, year: number): number {
  if (s.family === 'TZ') return parseDayNumber(s.activity.to)
  return civilToDayNumber(year, 12, 31)
}
