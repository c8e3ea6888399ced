import { formatDayNumber, requireDayNumber } from '../dates/day-number'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import { periodEndDay } from './period'

/**
 * Last covered day of the period starting on `start`: 31 December of that year (WH 第三条) or the
 * end of the TZ activity period.
 *
 * @example coverageEnd('wh-2020', '2021-03-10') // '2021-12-31'
 */
export function coverageEnd(scheme: SchemeRef, start: string): string {
  return formatDayNumber(periodEndDay(resolveScheme(scheme), requireDayNumber(start, 'start')))
}
