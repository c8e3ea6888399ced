/**
 * What the declare page derives from `enrolment.prepare` (the roster's counts, never the roster), the rows it pages
 * in, and the clerk's choices: who may be declared, the tags on each person, who is ticked, the live ratio and quote
 * with what blocks submitting, and the checks of a replacement. Pure: the same
 * rules the function applies (`@mutual-aid/shared-rules`, on the version it quotes with), no calls, no React.
 */
import { checkParticipation, newHireLimit, quote, type Product, type QuoteResult } from '@mutual-aid/shared-rules'
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
 * Who is ticked: everyone declarable on the roster (the server counts them) less the people the clerk named (`all`),
 * or only the people named (after 清空). Only the named people are on the phone — a few, never the roster.
 */
export interface Selection {
  all: boolean
  named: ReadonlyMap<string, PreparedPerson>
}

/** Names a clerk may tick or untick one by one (the submit's bounded list). */
export const NAMED_MAX = 1000

/**
 * Who is ticked when the form opens: every declarable person (a renewal starts from last period's in-service people);
 * for a returned declaration, its own people again (those declarable but not in it, named by the server, unticked).
 */
export function initialSelection(prepared: PreparedDeclaration, returned?: Enrolment): Selection {
  const others = returned ? prepared.roster.notInReturned ?? [] : []
  return { all: true, named: new Map(others.map((p) => [p._id, p])) }
}

/** Whether a row is ticked. */
export function isChosen(selection: Selection, p: PreparedPerson, returnedId?: string): boolean {
  return declarable(p, returnedId) && selection.all !== selection.named.has(p._id)
}

/** The selection with `p` ticked or unticked. */
export function toggledPerson(selection: Selection, p: PreparedPerson): Selection {
  const named = new Map(selection.named)
  if (named.has(p._id)) named.delete(p._id)
  else named.set(p._id, p)
  return { all: selection.all, named }
}

/** How many are ticked. */
export function chosenCount(prepared: PreparedDeclaration, selection: Selection): number {
  return selection.all ? prepared.roster.declarable - selection.named.size : selection.named.size
}

/** Who is ticked as the quote counts them: first-time or not, and sex (the server's groups less the unticked). */
export function chosenParticipants(prepared: PreparedDeclaration, selection: Selection): { firstTime: boolean; sex: 'male' | 'female' }[] {
  if (!selection.all) return [...selection.named.values()].map((p) => ({ firstTime: p.firstTime, sex: p.sex }))
  const left = new Map(prepared.roster.groups.map((g) => [`${g.firstTime}:${g.sex}`, g.count]))
  for (const p of selection.named.values()) left.set(`${p.firstTime}:${p.sex}`, (left.get(`${p.firstTime}:${p.sex}`) ?? 0) - 1)
  const out: { firstTime: boolean; sex: 'male' | 'female' }[] = []
  for (const g of prepared.roster.groups) for (let i = 0; i < Math.max(0, left.get(`${g.firstTime}:${g.sex}`) ?? 0); i++) out.push({ firstTime: g.firstTime, sex: g.sex })
  return out
}

/** Who is declared, as `submit` takes it: everyone except the unticked (at the roster revision shown), or the ticked. */
export function submitChoice(prepared: PreparedDeclaration, selection: Selection): { allExcept: { rosterRevision: number; count: number; except: string[] } } | { personIds: string[] } {
  if (selection.all) return { allExcept: { rosterRevision: prepared.roster.revision, count: chosenCount(prepared, selection), except: [...selection.named.keys()] } }
  return { personIds: [...selection.named.keys()] }
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
  selection: Selection
  shares: number
  products: readonly Product[]
}

/** The live figures of an annual declaration and everything that blocks submitting it, in words with articles. */
export function annualSummary(prepared: PreparedDeclaration, choice: AnnualChoice) {
  const { unit, scheme, roster } = prepared
  const staff = prepared.firstTimeUnit ? Math.max(roster.inService, unit.staffReport?.headcount ?? 0) : roster.inService
  const participants = chosenParticipants(prepared, choice.selection)
  const chosen = participants.length
  const ratio = checkParticipation({ scheme: prepared.rules, unitType: unit.unitType, finance: unit.finance, staff, participants: chosen })
  // The version as the enrolment function uses it (fees the office announced included), so the live quote is the real one.
  // No quote when paying today buys no day of the period: the window's reason (a blocker below) says so.
  const start = prepared.coverageStartEstimate
  const priced: QuoteResult = start === null
    ? { ok: false, code: 'PERIOD_OVER', message: '' }
    : quote({
        scheme: prepared.rules,
        unitType: unit.unitType,
        finance: unit.finance,
        coverageStart: start,
        shares: scheme.shares ? choice.shares : undefined,
        products: [...choice.products],
        participants,
      })
  const blockers: string[] = []
  if (!prepared.window.ok) blockers.push(`${prepared.window.message ?? '不在参保时间内'}（${prepared.window.basis ?? ''}）`)
  if (prepared.firstTimeUnit && !unit.staffReport) blockers.push('首次参加的单位须先填报上月职工月报（第五条）：请到“职工名册 → 填报职工月报”。')
  if (!ratio.ok) blockers.push(...ratio.reasons.map((r) => `${r.message}（${r.basis}）`))
  if (!priced.ok && priced.message) blockers.push(priced.message)
  if (!chosen) blockers.push('请至少选择一名参加人。')
  if (choice.selection.named.size > NAMED_MAX) blockers.push(`逐个勾选或取消的人员最多 ${NAMED_MAX} 人，请改用“全选在职人员”或“清空”后再选。`)
  const percent = staff ? Math.round((chosen / staff) * 1000) / 10 : 0
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
