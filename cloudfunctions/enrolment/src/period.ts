import { enrolmentPeriodOn, isContinuous, periodCoverage, type Family, type Scheme, type SchemeRegistry } from '@mutual-aid/shared-rules'
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
 * When coverage would start if the fee were paid today (rules: `periodCoverage`), for the quote of a declaration.
 * Refused when paying today buys no day of the period (WH 第三条: a 2021 declaration on 31 December), so nobody declares
 * and is quoted for a period that is over.
 */
export function estimatedStart(scheme: Scheme, year: number, today: string): string {
  const coverage = periodCoverage(scheme, year, today)
  if (!coverage.ok) throw AppError.fromRule(coverage.reason, `${coverage.reason.message}请改为申报 ${year + 1} 年度（${coverage.reason.basis}）。`)
  return coverage.start
}

/**
 * The coverage a fee received on `paidOn` starts for a declaration: from the next day to the end of its period. Refused
 * when no day of the period is left (WH 第三条, TZ 一): the money is not turned into coverage of the next period, which
 * needs its own declaration and fee.
 */
export function paidCoverage(scheme: Scheme, year: number, paidOn: string): { start: string; end: string } {
  const coverage = periodCoverage(scheme, year, paidOn)
  if (!coverage.ok) {
    throw AppError.fromRule(
      coverage.reason,
      `${coverage.reason.message}这笔申报不能按 ${year} 年度生效（${coverage.reason.basis}）。请与单位核对：款项退回单位，或由单位申报 ${year + 1} 年度后按新的应缴金额登记。`,
    )
  }
  return { start: coverage.start, end: coverage.end }
}

/**
 * First-time or continuous (Art. 12): continuous when the person had an active participation in the previous period
 * of the same scheme family and the renewal (`renewedOn`) falls within the grace after that period ended.
 */
export function isFirstTime(scheme: Scheme, year: number, previous: ParticipationDoc | undefined, renewedOn: string): boolean {
  if (!previous || previous.status !== 'active') return true
  return !isContinuous({ scheme, previousPeriodEnd: previous.coverageEnd ?? `${year - 1}-12-31`, renewedOn }).continuous
}
