import { monthsInclusive } from '../dates/add-months'
import { formatDayNumber, parseDayNumber, requireDayNumber } from '../dates/day-number'
import { periodEndDay } from '../coverage/period'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { FeeRule } from '../schemes/types'
import type { ReasonCode } from '../reasons/reason-codes'
import type { Product, Sex, UnitType } from '../types'

/** Input of {@link quote}. */
export interface QuoteInput {
  scheme: SchemeRef
  unitType: UnitType
  /** Bank or insurer: TZ private-enterprise inpatient rate does not apply. */
  finance?: boolean
  /** First covered day; TZ dates before the activity period count from its first day. */
  coverageStart: string
  /** WH shares per person (1–3, the same for everyone in the unit). */
  shares?: number
  /** Products joined; empty for WH means its single product. */
  products: readonly Product[]
  participants: readonly { firstTime: boolean; sex: Sex }[]
}

/** One fee line: `persons` × `perPersonFen` = `amountFen`; `perPersonFen` = `unitFen` × shares × months. */
export interface QuoteLine {
  /** `fee_first_time`, `fee_renewal` (WH); `fee_inpatient`, `fee_critical`, `fee_female` (TZ). */
  benefit: string
  product: Product
  /** Chinese label for the line. */
  label: string
  persons: number
  /** Rate in fen (per share-month, person-month or person-period). */
  unitFen: number
  /** Covered months charged, `null` for flat per-period fees. */
  months: number | null
  shares: number | null
  perPersonFen: number
  amountFen: number
  basis: string
}

/** Result of {@link quote}. */
export type QuoteResult =
  | { ok: true; totalFen: number; lines: QuoteLine[]; perPerson: { index: number; amountFen: number }[] }
  | { ok: false; code: ReasonCode; message: string }

const PRODUCT_LABEL: Record<Product, string> = { critical: '重大疾病', inpatient: '住院医疗', female: '女职工特殊病' }

/**
 * The fee a unit pays for its participants, with a line per product and rate (per unit), and the
 * amount per person. WH 第六条: 5 / 4 yuan per share per month (first-time / renewing, [I-16]),
 * months from the start month to December ([I-5]). TZ 2021 四(一)1: inpatient per covered month
 * ([I-12]), critical and women's products flat. A scheme whose fees are not announced (TZ 2022)
 * answers `FEES_NOT_ANNOUNCED`.
 *
 * @example TZ 2021 private enterprise, 30 people, inpatient + critical from 2021-04-01 → 126,000 fen
 */
export function quote(i: QuoteInput): QuoteResult {
  const s = resolveScheme(i.scheme)
  if (!s.fees) {
    return { ok: false, code: 'FEES_NOT_ANNOUNCED', message: `${s.name}的缴费标准将另行通知，目前尚未公布，暂不能计算互助费；请等待互助办公布后再申报（${s.feesBasis}）。` }
  }
  // A single-product scheme (WH) needs no choice: its product is implied.
  const products: readonly Product[] = i.products.length > 0 ? i.products : s.products.length === 1 ? [s.products[0].id] : []
  if (products.length === 0) return { ok: false, code: 'NO_PRODUCT', message: '请至少选择一个保障项目。' }
  for (const p of products) {
    if (!s.products.some((x) => x.id === p)) {
      return { ok: false, code: 'PRODUCT_NOT_OFFERED', message: `${s.name}不包含“${PRODUCT_LABEL[p]}”项目。` }
    }
  }
  let startDay = requireDayNumber(i.coverageStart, 'coverageStart')
  if (s.family === 'TZ') {
    startDay = Math.max(startDay, parseDayNumber(s.activity.from))
    if (startDay > parseDayNumber(s.activity.to)) {
      return { ok: false, code: 'OUTSIDE_PERIOD', message: `保障开始日期晚于本年度活动结束日 ${s.activity.to}，无法参保。` }
    }
  }
  let shares: number | null = null
  if (s.shares) {
    shares = i.shares ?? 0
    if (!Number.isInteger(shares) || shares < s.shares.min || shares > s.shares.max) {
      return { ok: false, code: 'INVALID_SHARES', message: `每人参加份额为 ${s.shares.min} 至 ${s.shares.max} 份，单位内所有参加人须选定相同份额（${s.shares.basis}）。` }
    }
  }
  const months = monthsInclusive(formatDayNumber(startDay), formatDayNumber(periodEndDay(s, startDay)))
  const lines: QuoteLine[] = []
  const perPerson = i.participants.map((_, index) => ({ index, amountFen: 0 }))

  const addLine = (rule: FeeRule, benefit: string, label: string, unitFen: number, lineMonths: number | null, include: (p: { firstTime: boolean; sex: Sex }) => boolean): void => {
    const perPersonFen = unitFen * (shares ?? 1) * (lineMonths ?? 1)
    let persons = 0
    i.participants.forEach((p, index) => {
      if (!include(p)) return
      persons += 1
      perPerson[index].amountFen += perPersonFen
    })
    if (persons === 0) return
    lines.push({ benefit, product: rule.product, label, persons, unitFen, months: lineMonths, shares: rule.per === 'share_month' ? shares : null, perPersonFen, amountFen: perPersonFen * persons, basis: rule.basis })
  }

  for (const rule of s.fees) {
    if (!products.includes(rule.product)) continue
    if (rule.per === 'share_month') {
      addLine(rule, 'fee_first_time', `${PRODUCT_LABEL[rule.product]}互助费（首次参加）`, rule.firstTimeFen, months, (p) => p.firstTime)
      addLine(rule, 'fee_renewal', `${PRODUCT_LABEL[rule.product]}互助费（续保）`, rule.renewingFen, months, (p) => !p.firstTime)
    } else if (rule.per === 'person_month') {
      const rate = i.finance ? rule.financeFen : rule.byUnitType[i.unitType]
      addLine(rule, `fee_${rule.product}`, `${PRODUCT_LABEL[rule.product]}互助费`, rate, months, () => true)
    } else {
      const only = rule.onlySex
      addLine(rule, `fee_${rule.product}`, `${PRODUCT_LABEL[rule.product]}互助费`, rule.fen, null, (p) => !only || p.sex === only)
    }
  }
  let totalFen = 0
  for (const l of lines) totalFen += l.amountFen
  return { ok: true, totalFen, lines, perPerson }
}
