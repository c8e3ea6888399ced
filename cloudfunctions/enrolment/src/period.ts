import { checkEnrolmentDate, coverageStartAfterPayment, isContinuous, schemeForPeriod, type Scheme } from '@mutual-aid/shared-rules'
import { AppError } from '@cloud-shared/errors'
import type { ParticipationDoc } from './model'

/** The scheme of a unit's family for a period, or a refusal saying the period is not open. */
export function schemeFor(family: 'WH' | 'TZ', year: number): Scheme {
  const scheme = schemeForPeriod(family, year)
  if (!scheme) throw new AppError('NO_SCHEME', `${year} 年度的互助方案尚未发布，暂不能申报。请关注互助办通知。`)
  return scheme
}

/**
 * The period a clerk declares for by default: this year, or next year when this year's TZ window has closed and
 * next year's is open (TZ 2022 is declared from 2021-10-10).
 */
export function defaultYear(family: 'WH' | 'TZ', today: string): number {
  const year = Number(today.slice(0, 4))
  const next = schemeForPeriod(family, year + 1)
  if (family === 'TZ' && next && checkEnrolmentDate(next.id, today).ok) return year + 1
  return year
}

/** The declared period may only be this year or next year. */
export function assertDeclarableYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4))
  if (year < current || year > current + 1) throw new AppError('INVALID_YEAR', `只能申报 ${current} 年度或 ${current + 1} 年度。`)
}

/**
 * When coverage would start if the fee were paid today: the day after payment (WH Art. 3, TZ [I-12]), and never
 * before the declared period (a WH unit paying in December for next year starts on 1 January). Used for the quote.
 */
export function estimatedStart(scheme: Scheme, year: number, paidOn: string): string {
  const start = coverageStartAfterPayment(scheme.id, paidOn)
  const periodStart = `${year}-01-01`
  return start < periodStart ? periodStart : start
}

/**
 * First-time or continuous (Art. 12): continuous when the person had an active participation in the previous period
 * of the same scheme family and the renewal (`renewedOn`) falls within the grace after that period ended.
 */
export function isFirstTime(scheme: Scheme, year: number, previous: ParticipationDoc | undefined, renewedOn: string): boolean {
  if (!previous || previous.status !== 'active') return true
  return !isContinuous({ scheme: scheme.id, previousPeriodEnd: previous.coverageEnd ?? `${year - 1}-12-31`, renewedOn }).continuous
}
