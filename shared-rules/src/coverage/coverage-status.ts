import { formatDayNumber, parseDayNumber, requireDayNumber } from '../dates/day-number'
import { BENEFIT_LABELS } from '../benefit-labels'
import { formatYuanShort } from '../money/format-yuan'
import { resolveScheme, type SchemeRef } from '../schemes/registry'
import type { TzScheme, WhScheme } from '../schemes/types'
import type { Product } from '../types'
import { periodEndDay } from './period'

/** Phase of a participant's coverage on a given day. */
export type CoveragePhase = 'not_started' | 'waiting' | 'consolation_1' | 'consolation_2' | 'full' | 'ended'

/** A benefit window in calendar dates (both ends inclusive). `benefit: 'none'` = nothing payable. */
export interface CoverageWindow {
  from: string
  to: string
  benefit: string
  /** Amount in fen for the participant's shares (TZ inpatient allowance: per day). */
  amountFen: number
  basis: string
}

/** Result of {@link coverageStatus}. */
export interface CoverageStatus {
  /** Coverage day of `today` (start = day 1, [I-1]); ≤ 0 before the start. */
  dayNumber: number
  active: boolean
  phase: CoveragePhase
  claimableNow: { benefit: string; amountFen: number; basis: string } | null
  /** First day of the full benefit (WH first-time: day 91), `null` if it falls after the period. */
  fullFrom: string | null
  windows: CoverageWindow[]
  /** One Chinese sentence for the worker. */
  summary: string
}

/** Input of {@link coverageStatus}. */
export interface CoverageStatusInput {
  scheme: SchemeRef
  product: Product
  firstTime: boolean
  coverageStart: string
  shares?: number
  /** Today's date in China Standard Time, supplied by the caller (rules never read the clock). */
  today: string
  /** Coverage already ended by a payout or by fraud (第七条、第八条、第十条、第十五条). */
  ended?: boolean
}

function whWindows(s: WhScheme, firstTime: boolean, start: number, end: number, shares: number): CoverageWindow[] {
  const out: CoverageWindow[] = []
  if (firstTime) {
    out.push({ from: formatDayNumber(start), to: formatDayNumber(Math.min(end, start + s.waitingThroughDay - 1)), benefit: 'none', amountFen: 0, basis: s.waitingBasis })
  }
  for (const w of firstTime ? s.illnessFirstTime : s.illnessRenewing) {
    const from = start + w.fromDay - 1
    if (from > end) continue
    const to = w.toDay === null ? end : Math.min(end, start + w.toDay - 1)
    out.push({ from: formatDayNumber(from), to: formatDayNumber(to), benefit: w.benefit, amountFen: w.perShareFen * shares, basis: w.basis })
  }
  return out
}

function tzWindow(s: TzScheme, product: Product, start: number, end: number): CoverageWindow {
  const from = formatDayNumber(start)
  const to = formatDayNumber(end)
  if (product === 'inpatient') return { from, to, benefit: 'inpatient_allowance', amountFen: s.inpatient.allowancePerDayFen, basis: s.inpatient.allowanceBasis }
  if (product === 'female') return { from, to, benefit: 'female_cancer', amountFen: s.female.fen, basis: s.female.basis }
  return { from, to, benefit: 'critical', amountFen: s.critical.severeFen, basis: s.critical.basis }
}

function tzSentence(s: TzScheme, product: Product, day: number): string {
  if (product === 'inpatient') {
    const percent = s.inpatient.subsidyPercent
    return `保障期第 ${day} 天：住院可领取住院津贴每天 ${formatYuanShort(s.inpatient.allowancePerDayFen)}（每期最多 ${s.inpatient.allowanceMaxDays} 天），指定医院住院的医保自负部分按 ${percent.employee}%（职工医保）或 ${percent.resident}%（城乡居民医保）补助。`
  }
  if (product === 'female') return `保障期第 ${day} 天：首次确诊原发性女性特有癌症（原位癌除外）可领取 ${formatYuanShort(s.female.fen)}。`
  return `保障期第 ${day} 天：首次确诊重大疾病可领取 ${formatYuanShort(s.critical.severeFen)}，轻度情形 ${formatYuanShort(s.critical.mildFen)}。`
}

/**
 * Where a participant stands on `today`: coverage day, phase, what a diagnosis today would pay,
 * when the full benefit starts, all benefit windows, and a Chinese summary, e.g.
 * `观察期第 45 天：此时确诊可申请慰问金 1,000 元/份；2021-06-30 起享受医疗互助金 10,000 元/份。`
 */
export function coverageStatus(i: CoverageStatusInput): CoverageStatus {
  const s = resolveScheme(i.scheme)
  const shares = i.shares ?? 1
  const today = requireDayNumber(i.today, 'today')
  let start = requireDayNumber(i.coverageStart, 'coverageStart')
  if (s.family === 'TZ') start = Math.max(start, parseDayNumber(s.activity.from))
  const end = periodEndDay(s, start)
  const dayNumber = today - start + 1
  const firstTime = s.family === 'WH' && i.firstTime
  const windows = s.family === 'WH' ? whWindows(s, firstTime, start, end, shares) : [tzWindow(s, i.product, start, end)]
  const fullWindow = windows.find((w) => w.benefit !== 'none' && w.benefit !== 'consolation')
  const fullFrom = fullWindow ? fullWindow.from : null

  let phase: CoveragePhase
  if (today < start) phase = 'not_started'
  else if (today > end || i.ended) phase = 'ended'
  else if (!firstTime) phase = 'full'
  else if (s.family === 'WH' && dayNumber <= s.waitingThroughDay) phase = 'waiting'
  else if (s.family === 'WH' && dayNumber <= s.illnessFirstTime[0].toDay!) phase = 'consolation_1'
  else if (s.family === 'WH' && dayNumber <= s.observationDays) phase = 'consolation_2'
  else phase = 'full'

  const active = phase !== 'not_started' && phase !== 'ended'
  const current = active ? windows.find((w) => w.benefit !== 'none' && parseDayNumber(w.from) <= today && today <= parseDayNumber(w.to)) : undefined
  const claimableNow = current ? { benefit: current.benefit, amountFen: current.amountFen, basis: current.basis } : null

  let summary: string
  const perShare = (fen: number): string => `${formatYuanShort(fen / shares)}/份`
  if (phase === 'not_started') summary = `保障将于 ${formatDayNumber(start)} 开始，到 ${formatDayNumber(end)} 结束。`
  else if (phase === 'ended') summary = i.ended && today <= end ? '本期互助责任已终止，不再受理本期新的给付申请。' : `本期保障已于 ${formatDayNumber(end)} 结束。`
  else if (s.family === 'TZ') summary = tzSentence(s, i.product, dayNumber)
  else if (phase === 'waiting') {
    const next = windows.find((w) => w.benefit === 'consolation')
    summary = `观察期第 ${dayNumber} 天：参加之日起 ${s.waitingThroughDay} 天内确诊不予给付` +
      (next ? `；${next.from} 起确诊可申请慰问金 ${perShare(next.amountFen)}` : '') +
      (fullWindow ? `；${fullWindow.from} 起享受医疗互助金 ${perShare(fullWindow.amountFen)}。` : '。')
  } else if (phase === 'consolation_1' || phase === 'consolation_2') {
    summary = `观察期第 ${dayNumber} 天：此时确诊可申请慰问金 ${claimableNow ? perShare(claimableNow.amountFen) : ''}` +
      (fullWindow ? `；${fullWindow.from} 起享受医疗互助金 ${perShare(fullWindow.amountFen)}。` : '。')
  } else {
    const name = claimableNow ? BENEFIT_LABELS[claimableNow.benefit as keyof typeof BENEFIT_LABELS] ?? claimableNow.benefit : '互助金'
    summary = `保障期第 ${dayNumber} 天：首次确诊可申请${name} ${claimableNow ? perShare(claimableNow.amountFen) : ''}（共 ${shares} 份${claimableNow ? `，${formatYuanShort(claimableNow.amountFen)}` : ''}），保障到 ${formatDayNumber(end)}。`
  }
  return { dayNumber, active, phase, claimableNow, fullFrom, windows, summary }
}
