import { addMonths } from '../dates/add-months'
import { BUILT_IN_REGISTRY, resolveScheme, schemeOn, type SchemeRef } from '../schemes/registry'
import type { DatedBasis } from '../types'

/**
 * Last day to enrol a new hire under a scheme that limits mid-period additions (WH 第十三条: within 2 months of joining;
 * the number of months is scheme data); `null` when the scheme sets no such limit (TZ: people are added inside the
 * enrolment window instead). End-of-month handling follows PRC Civil Code 第二百零三条: the same day of the month two
 * months later; when that month has no such day, its last day (hired 2021-12-31 → 2022-02-28).
 *
 * @example newHireLimit('wh-2020', '2021-03-15') // { date: '2021-05-15', basis: '第十三条；《民法典》第二百零三条' }
 * @example newHireLimit('tz-2021', '2021-05-10') // null
 */
export function newHireLimit(scheme: SchemeRef, hireDate: string): DatedBasis | null {
  const rule = resolveScheme(scheme).newHire
  return rule ? { date: addMonths(hireDate, rule.months), basis: `${rule.basis}；《民法典》第二百零三条` } : null
}

/**
 * The WH new-hire deadline (第十三条) for a hire date: under `scheme` when it sets one, otherwise under the WH version in
 * force on the hire date (TZ states no new-hire rule; callers that must know use {@link newHireLimit}).
 *
 * @example newHireDeadline('2021-03-15') // { date: '2021-05-15', basis: '第十三条；《民法典》第二百零三条' }
 */
export function newHireDeadline(hireDate: string, scheme?: SchemeRef): DatedBasis {
  const own = scheme === undefined ? null : newHireLimit(scheme, hireDate)
  if (own) return own
  const wh = schemeOn('WH', hireDate, 'period') ?? BUILT_IN_REGISTRY.latest('WH')
  const limit = wh && newHireLimit(wh, hireDate)
  if (!limit) throw new RangeError('no WH scheme version with a new-hire rule')
  return limit
}
