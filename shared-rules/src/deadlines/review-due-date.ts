import { addWorkingDays } from '../dates/working-days'
import { BUILT_IN_REGISTRY } from '../schemes/registry'
import type { DatedBasis } from '../types'

/** Default review time limit: the newest WH version's (第十九条: 30 working days). */
export const DEFAULT_REVIEW_WORKING_DAYS: number = BUILT_IN_REGISTRY.latest('WH')?.review?.workingDays ?? 30

/**
 * Date by which the office must decide a claim: the `workingDays`-th PRC working day after the
 * day complete materials were received ([I-15]: counting starts the next day; public holidays are
 * skipped and adjusted working weekends count).
 *
 * @example reviewDueDate('2021-09-28') // { date: '2021-11-15', basis: '第十九条 [I-15]' }
 */
export function reviewDueDate(received: string, workingDays: number = DEFAULT_REVIEW_WORKING_DAYS): DatedBasis {
  return { date: addWorkingDays(received, workingDays), basis: '第十九条 [I-15]' }
}
