import { addMonths } from '../dates/add-months'
import type { DatedBasis } from '../types'

/** Months a new hire has to be enrolled (WH 第十三条). */
export const NEW_HIRE_MONTHS = 2

/**
 * Last day to enrol a new hire: within 2 months of joining the unit (WH 第十三条). End-of-month
 * handling follows PRC Civil Code 第二百零三条: the same day of the month two months later; when
 * that month has no such day, its last day (hired 2021-12-31 → 2022-02-28).
 *
 * @example newHireDeadline('2021-03-15') // { date: '2021-05-15', basis: '第十三条；《民法典》第二百零三条' }
 */
export function newHireDeadline(hireDate: string): DatedBasis {
  return { date: addMonths(hireDate, NEW_HIRE_MONTHS), basis: '第十三条；《民法典》第二百零三条' }
}
