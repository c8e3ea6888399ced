import { assess } from '../assess/assess'
import { BENEFIT_LABELS } from '../benefit-labels'
import { quote } from '../fees/quote'
import { formatYuan } from '../money/format-yuan'
import { reasonTitle } from '../reasons/reason-codes'
import type { BenefitCode } from '../types'
import { SEED_CASES, type SeedCase } from './seed-cases'
import type { Scheme } from './types'

/** What one seed case comes to under one version. */
export interface CaseOutcome {
  /** Pays (an assessment) or can be quoted (a fee). */
  ok: boolean
  amountFen: number
  /** One line in Chinese: `给付 2,000.00 元（慰问金）`, `不予给付：观察期内`, `应缴 1,260.00 元`. */
  summary: string
  /** Benefit lines or fee lines, with their amounts and articles. */
  lines: { label: string; amountFen: number; basis: string }[]
  /** Refusal codes (empty when it pays). */
  codes: string[]
}

export interface PreviewRow {
  id: string
  title: string
  source: string
  base: CaseOutcome
  draft: CaseOutcome
  /** The amount, the lines or the refusals differ between the two versions. */
  differs: boolean
}

function outcome(c: SeedCase, s: Scheme): CaseOutcome {
  let built: ReturnType<SeedCase['input']>
  try {
    built = c.input(s)
  } catch (err) {
    // A draft whose dates make the example impossible (e.g. no claim deadline) shows it instead of failing the preview.
    return { ok: false, amountFen: 0, summary: `无法测算：${(err as Error).message}`, lines: [], codes: ['INVALID_INPUT'] }
  }
  if (built.kind === 'quote') {
    const q = quote(built.input)
    if (!q.ok) return { ok: false, amountFen: 0, summary: q.message, lines: [], codes: [q.code] }
    return { ok: true, amountFen: q.totalFen, summary: `应缴 ${formatYuan(q.totalFen)}`, lines: q.lines.map((l) => ({ label: l.label, amountFen: l.amountFen, basis: l.basis })), codes: [] }
  }
  const a = assess(built.input)
  const lines = a.lines.map((l) => ({ label: BENEFIT_LABELS[l.benefit as BenefitCode] ?? l.benefit, amountFen: l.amountFen, basis: l.basis }))
  const codes = a.reasons.map((r) => r.code)
  const summary = a.payable
    ? `给付 ${formatYuan(a.amountFen)}（${lines.map((l) => l.label).join('、')}）`
    : `不予给付：${a.reasons.map((r) => reasonTitle(r.code)).join('、') || '无给付'}`
  return { ok: a.payable, amountFen: a.amountFen, summary, lines, codes }
}

const same = (a: CaseOutcome, b: CaseOutcome) =>
  a.ok === b.ok && a.amountFen === b.amountFen && JSON.stringify(a.codes) === JSON.stringify(b.codes) && JSON.stringify(a.lines.map((l) => [l.label, l.amountFen])) === JSON.stringify(b.lines.map((l) => [l.label, l.amountFen]))

/**
 * Runs the documents' examples and benefit-table rows (`SEED_CASES`) of the family against a draft version and the
 * version it was copied from, each case placed in that version's own period, and says which outcomes differ — what
 * the office sees before it publishes. Articles alone changing (a new document number) is not a difference.
 *
 * @example previewVersion(getScheme('tz-2021'), { ...getScheme('tz-2021'), critical: { ...…, severeFen: 600000 } })
 *   .filter((r) => r.differs).map((r) => r.id) // ['tz-critical']
 */
export function previewVersion(base: Scheme, draft: Scheme): PreviewRow[] {
  if (base.family !== draft.family) throw new RangeError(`cannot compare a ${draft.family} draft with a ${base.family} version`)
  return SEED_CASES.filter((c) => c.family === draft.family).map((c) => {
    const b = outcome(c, base)
    const d = outcome(c, draft)
    return { id: c.id, title: c.title, source: c.source, base: b, draft: d, differs: !same(b, d) }
  })
}
