import { formatDayNumber, requireDayNumber } from '../dates/day-number'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import { periodEndDayOfYear, periodStartDay } from '../schemes/spans'
import type { Reason } from '../types'
import { coverageStartAfterPayment } from './coverage-start-after-payment'

/** What a fee paid on a given day buys in one period: its first and last covered day, or why it buys none. */
export type PeriodCoverage = { ok: true; start: string; end: string } | { ok: false; reason: Reason }

/**
 * The coverage a declaration of the period `year` gets when its fee is paid on `paidOn`: from the day after payment
 * (WH 第三条, TZ [I-12]), never before the period begins, to the period's end — WH 24:00 on 31 December of that year
 * (第三条), TZ the end of the activity year (台总工〔2021〕8号 一). A fee paid on or after the period's last day buys
 * no day of it: that is refused, never turned into coverage of the next period, which is another period with its own
 * declaration and fee (第三条 "每年为一周期", 第六条 "每个互助期限内只能参加一次").
 *
 * @example periodCoverage('wh-2020', 2022, '2021-12-20') // { ok: true, start: '2022-01-01', end: '2022-12-31' }
 * @example periodCoverage('wh-2020', 2021, '2021-12-31') // { ok: false, reason: { code: 'PERIOD_OVER', basis: '第三条', … } }
 */
export function periodCoverage(scheme: SchemeRef, year: number, paidOn: string): PeriodCoverage {
  const s = resolveScheme(scheme)
  const afterPayment = requireDayNumber(coverageStartAfterPayment(s, paidOn), 'paidOn')
  const start = Math.max(afterPayment, periodStartDay(s, year))
  const end = periodEndDayOfYear(s, year)
  if (start > end) {
    const basis = s.family === 'TZ' ? s.activity.basis : s.periodBasis
    const message = `${year} 年度保障期到 ${formatDayNumber(end)} 止，保障自缴费次日零时起算，${paidOn} 缴费已没有可保障的日期。`
    return { ok: false, reason: { code: 'PERIOD_OVER', basis, message } }
  }
  return { ok: true, start: formatDayNumber(start), end: formatDayNumber(end) }
}
