import { civilToDayNumber, dayNumberToCivil } from '../dates/day-number'
import type { Scheme } from '../schemes/types'

/**
 * Last covered day (as a day number) of the period that starts on `startDay`.
 * WH 第三条: 24:00 on 31 December of the start year. TZ: the end of the activity period.
 */
export function periodEndDay(scheme: Scheme, startDay: number): number {
  if (scheme.family === 'TZ') {
    const [y, m, d] = scheme.activity.to.split('-').map(Number)
    return civilToDayNumber(y, m, d)
  }
  return civilToDayNumber(dayNumberToCivil(startDay).year, 12, 31)
}
