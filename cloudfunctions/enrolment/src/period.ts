import { coverageStartForPeriod, enrolmentPeriodOn, isContinuous, type Family, type Scheme, type SchemeRegistry } from '@mutual-aid/shared-rules'
import { AppError } from '@cloud-shared/errors'
import type { Schemes } from '@cloud-shared/schemes'
import type { ParticipationDoc } from './model'

/** The version governing a unit's period, ready to use, or a refusal saying the period is not published yet. */
export function schemeFor(schemes: Schemes, family: Family, year: number): Scheme {
  const scheme = schemes.registry.forYear(family, year)
  if (!scheme) throw new AppError('NO_SCHEME', `${year} 年度的互助方案尚未发布，暂不能申报。请关注互助办通知。`)
  return schemes.use(scheme)
}

/**
 * The period a clerk declares for by default: the one whose enrolment window is open today (TZ 2022 from 2021-10-10,
 * while 2021 still runs), else the one running today — the rules decide (`enrolmentPeriodOn`); this year when none.
 */
export function defaultYear(registry: SchemeRegistry, family: Family, today: string): number {
  return enrolmentPeriodOn(registry, family, today)?.year ?? Number(today.slice(0, 4))
}

/** The declared period may only be this year or next year. */
export function assertDeclarableYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4))
  if (year < current || year > current + 1) throw new AppError('INVALID_YEAR', `只能申报 ${current} 年度或 ${current + 1} 年度。`)
}

/**
 * When coverage would start if the fee were paid on `paidOn`: the day after payment, never before the declared period
 * (rules: `coverageStartForPeriod`). Used for the quote and, with the real payment date, for activation.
 */
export function estimatedStart(scheme: Scheme, year: number, paidOn: string): string {
  return coverageStartForPeriod(scheme, year, paidOn)
}

/**
 * First-time or continuous (Art. 12): continuous when the person had an active participation in the previous period
 * of the same scheme family and the renewal (`renewedOn`) falls within the grace after that period ended.
 */
export function isFirstTime(scheme: Scheme, year: number, previous: ParticipationDoc | undefined, renewedOn: string): boolean {
  if (!previous || previous.status !== 'active') return true
  return !isContinuous({ scheme, previousPeriodEnd: previous.coverageEnd ?? `${year - 1}-12-31`, renewedOn }).continuous
}
