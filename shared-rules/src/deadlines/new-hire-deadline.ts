import { addMonths } from '../dates/add-months'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import { WH_2020 } from '../schemes/wh-2020'
import type { DatedBasis } from '../types'

/**
 * Last day to enrol a new hire: within 2 months of joining the unit (WH 第十三条; the number of
 * months is scheme data). End-of-month handling follows PRC Civil Code 第二百零三条: the same day of
 * the month two months later; when that month has no such day, its last day (hired 2021-12-31 →
 * 2022-02-28). TZ states no new-hire rule, so the WH rule is used unless a WH scheme is given.
 *
 * @example newHireDeadline('2021-03-15') // { date: '2021-05-15', basis: '第十三条；《民法典》第二百零三条' }
 */
export function newHireDeadline(hireDate: string, scheme: SchemeRef = 'wh-2020'): DatedBasis {
  const s = resolveScheme(scheme)
  const rule = s.family === 'WH' ? s.newHire : WH_2020.newHire
  return { date: addMonths(hireDate, rule.months), basis: `${rule.basis}；《民法典》第二百零三条` }
}
