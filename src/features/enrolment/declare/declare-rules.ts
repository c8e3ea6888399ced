/**
 * What the declare page derives from `enrolment.prepare` and the clerk's choices: who may be declared, the tags on
 * each person, the live ratio and quote with what blocks submitting, and the checks of a replacement. Pure: the same
 * rules the function applies (`@mutual-aid/shared-rules`, on the version it quotes with), no calls, no React.
 */
import { checkParticipation, newHireLimit, quote, type Product } from '@mutual-aid/shared-rules'
import type { PreparedDeclaration, PreparedPerson } from '@mutual-aid/contracts'

export type Enrolment = PreparedDeclaration['enrolments'][number]
export type TagTheme = 'primary' | 'warning' | 'danger' | 'success' | 'default'
export interface PersonTag {
  text: string
  theme?: TagTheme
}

/** Whether a person can be declared now: in service and not holding a place in this period (Art. 6). */
export function declarable(p: PreparedPerson, returnedId?: string): boolean {
  return p.status === 'in_service' && (!p.current || (p.current.here && p.current.enrolmentId === returnedId))
}

/** Why a person cannot be declared, in the scheme's own words (its article for retirees). */
export function whyNotDeclarable(p: PreparedPerson, rules: PreparedDeclaration['rules']): string {
  if (p.status === 'retired') return `退休人员不能参加（${rules.retired.basis}）`
  if (p.status === 'left') return '已离职人员不能参加'
  return '此人本期已在其他单位参加（第六条）'
}

/** A person's standing for an annual declaration: retired / left, this and last period. */
export function renewalTags(p: PreparedPerson): PersonTag[] {
  const tags: PersonTag[] = []
  if (p.status === 'retired') tags.push({ text: '退休（不能参加）', theme: 'danger' })
  else if (p.status === 'left') tags.push({ text: '已离职', theme: 'warning' })
  if (p.current && !p.current.here) tags.push({ text: '本期已在其他单位参加', theme: 'danger' })
  else if (p.current?.here && p.current.status !== 'pending') tags.push({ text: '本期已参加', theme: 'success' })
  if (p.previous && p.status !== 'in_service') tags.push({ text: '上期参加', theme: 'warning' })
  else if (p.previous) tags.push({ text: p.firstTime ? '上期参加·已断保' : '续保', theme: 'primary' })
  else if (p.status === 'in_service') tags.push({ text: '新增', theme: 'success' })
  return tags
}

/** A new hire's deadline tag (WH 第十三条: two months from the hire date); none where the scheme sets none. */
export function newHireTags(p: PreparedPerson, prepared: Pick<PreparedDeclaration, 'rules' | 'today'>): PersonTag[] {
  const limit = newHireLimit(prepared.rules, p.hireDate)
  if (!limit) return []
  return [prepared.today > limit.date ? { text: `已超期（应于 ${limit.date} 前）`, theme: 'danger' } : { text: `${limit.date} 前可增员`, theme: 'success' }]
}

/** The annual declaration being resubmitted: the returned one of this period, or the one named in the link. */
export function returnedDeclaration(prepared: PreparedDeclaration, linkedId?: string): Enrolment | undefined {
  const annual = prepared.enrolments.find((e) => e.kind === 'annual')
  if (annual && annual.status === 'returned') return annual
  return linkedId ? prepared.enrolments.find((e) => e._id === linkedId) : undefined
}

/**
 * Who is ticked when the form opens: those of a returned declaration still declarable; otherwise every declarable
 * person (a renewal starts from last period's in-service people).
 */
export function initialSelection(prepared: PreparedDeclaration, returned?: Enrolment): Set<string> {
  const again = prepared.people.filter((p) => declarable(p, returned?._id) && (!returned || p.current?.here))
  if (again.length) return new Set(again.map((p) => p._id))
  return new Set(prepared.people.filter((p) => declarable(p)).map((p) => p._id))
}

/** The plan the form opens with: a returned declaration's, else last period's, else the scheme's defaults. */
export function initialPlan(prepared: PreparedDeclaration, returned?: Enrolment): { shares: number; products: Product[] } {
  const { scheme } = prepared
  const plan = returned ?? prepared.previousPlan
  return {
    shares: plan?.shares ?? scheme.shares?.min ?? 1,
    products: (plan?.products ?? scheme.products.map((p) => p.id)).filter((p) => scheme.products.some((x) => x.id === p)),
  }
}

export interface AnnualChoice {
  selected: ReadonlySet<string>
  shares: number
  products: readonly Product[]
}

/** The live figures of an annual declaration and everything that blocks submitting it, in words with articles. */
export function annualSummary(prepared: PreparedDeclaration, choice: AnnualChoice) {
  const { unit, people, scheme } = prepared
  const inService = people.filter((p) => p.status === 'in_service').length
  const staff = prepared.firstTimeUnit ? Math.max(inService, unit.staffReport?.headcount ?? 0) : inService
  const chosen = people.filter((p) => choice.selected.has(p._id))
  const ratio = checkParticipation({ scheme: prepared.rules, unitType: unit.unitType, finance: unit.finance, staff, participants: chosen.length })
  // The version as the enrolment function uses it (fees the office announced included), so the live quote is the real one.
  const priced = quote({
    scheme: prepared.rules,
    unitType: unit.unitType,
    finance: unit.finance,
    coverageStart: prepared.coverageStartEstimate,
    shares: scheme.shares ? choice.shares : undefined,
    products: [...choice.products],
    participants: chosen.map((p) => ({ firstTime: p.firstTime, sex: p.sex })),
  })
  const blockers: string[] = []
  if (!prepared.window.ok) blockers.push(`${prepared.window.message ?? '不在参保时间内'}（${prepared.window.basis ?? ''}）`)
  if (prepared.firstTimeUnit && !unit.staffReport) blockers.push('首次参加的单位须先填报上月职工月报（第五条）：请到“职工名册 → 填报职工月报”。')
  if (!ratio.ok) blockers.push(...ratio.reasons.map((r) => `${r.message}（${r.basis}）`))
  if (!priced.ok) blockers.push(priced.message)
  if (!chosen.length) blockers.push('请至少选择一名参加人。')
  const percent = staff ? Math.round((chosen.length / staff) * 1000) / 10 : 0
  return { chosen, staff, ratio, priced, blockers, percent }
}

/** What is wrong with a replacement: more than the scheme allows, or not one for one. */
export function replacementProblems(outs: number, ins: number, max: number, maxPercent: number): string[] {
  const problems: string[] = []
  if (outs > max) problems.push(`最多可替换 ${max} 人（参加人数的 ${maxPercent}%），已选 ${outs} 人。`)
  if (outs !== ins) problems.push(`须一人换一人：换出 ${outs} 人，换入 ${ins} 人。`)
  return problems
}

/** The set with `id` added or removed. */
export function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set)
  if (next.has(id)) next.delete(id)
  else next.add(id)
  return next
}
