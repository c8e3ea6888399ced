import { quote, type Product, type Scheme } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { insertMany } from '@cloud-shared/db'
import { AppError, isDuplicateKey } from '@cloud-shared/errors'
import type { UnitDoc } from '@cloud-shared/documents'
import { newParticipation } from '@cloud-shared/participation-doc'
import type { EnrolmentDoc, EnrolmentKind, ParticipationDoc, PersonDoc } from './model'
import { participationsByHash } from './lookups'
import { createHoldingSlot, type PeriodSlot } from './period-slot'

/** Names in a refusal: the first few, then "等 N 人". */
export function nameList(names: string[], max = 5): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')} 等 ${names.length} 人`
}

/**
 * Art. 14.3 / 11: only people in service on the unit's own roster can be declared.
 * Answers the selected people in the order given.
 */
export function selectPeople(roster: PersonDoc[], personIds: string[]): PersonDoc[] {
  const byId = new Map(roster.map((p) => [p._id, p]))
  const unknown = personIds.filter((id) => !byId.has(id))
  if (unknown.length) throw new AppError('NOT_ON_ROSTER', `有 ${unknown.length} 人不在本单位名册中，请刷新名册后重新选择（不得为非本单位职工参保）。`)
  const unique = [...new Set(personIds)]
  const people = unique.map((id) => byId.get(id)!)
  const retired = people.filter((p) => p.status === 'retired')
  if (retired.length) {
    throw new AppError('RETIRED', `${nameList(retired.map((p) => p.name))} 已退休，退休人员不能参加（第十四条第三项），请取消勾选。`)
  }
  const left = people.filter((p) => p.status !== 'in_service')
  if (left.length) throw new AppError('NOT_IN_SERVICE', `${nameList(left.map((p) => p.name))} 已离职，请取消勾选。`)
  return people
}

/** Art. 6: a person is enrolled at most once per scheme and period; anyone already holding a place is refused. */
export async function assertNoDuplicates(ctx: HandlerContext, family: 'WH' | 'TZ', year: number, people: PersonDoc[], ignoreEnrolmentId?: string): Promise<void> {
  const existing = await participationsByHash(ctx, family, year, people.map((p) => p.idHash))
  const live = existing.filter((p) => p.status !== 'void' && p.enrolmentId !== ignoreEnrolmentId)
  if (!live.length) return
  const held = new Set(live.map((p) => p.idHash))
  const dups = people.filter((p) => held.has(p.idHash))
  const elsewhere = dups.filter((p) => live.find((x) => x.idHash === p.idHash)?.unitId !== p.unitId)
  const here = dups.filter((p) => !elsewhere.includes(p))
  const parts: string[] = []
  if (elsewhere.length) parts.push(`${nameList(elsewhere.map((p) => `${p.name}（${p.idMasked}）`))} 本期已在其他单位参加`)
  if (here.length) parts.push(`${nameList(here.map((p) => p.name))} 本期已在本单位申报过`)
  throw new AppError('DUPLICATE_ENROLMENT', `${parts.join('；')}。同一人同一期只能参加一次（第六条），请取消勾选后再提交。`, {
    people: dups.map((p) => ({ personId: p._id, name: p.name, idMasked: p.idMasked, elsewhere: elsewhere.includes(p) })),
  })
}

/** Which products a person gets: the women's product only for women. */
export function productsFor(products: Product[], sex: 'male' | 'female'): Product[] {
  return products.filter((p) => p !== 'female' || sex === 'female')
}

/**
 * The fee quote for a declaration, or the rules' refusal (e.g. TZ 2022 fees not announced yet). `scheme` is the version
 * as loaded for this call, so fees the office announced are the ones quoted.
 */
export function priceDeclaration(
  scheme: Scheme,
  unit: UnitDoc,
  coverageStart: string,
  shares: number | null,
  products: Product[],
  participants: { firstTime: boolean; sex: 'male' | 'female' }[],
) {
  const priced = quote({ scheme, unitType: unit.unitType, finance: unit.finance, coverageStart, shares: shares ?? undefined, products, participants })
  if (!priced.ok) throw AppError.fromRule(priced)
  return priced
}

export interface NewDeclaration {
  unit: UnitDoc
  scheme: Scheme
  year: number
  kind: EnrolmentKind
  people: PersonDoc[]
  firstTime: (p: PersonDoc) => boolean
  shares: number | null
  products: Product[]
  staffCount: number
  quote: { totalFen: number; lines: unknown[]; coverageStartEstimate: string }
  replacedParticipationIds?: string[]
}

/** Participation documents (pending until the fee is paid) for a declaration. */
export function participationDocs(ctx: HandlerContext, d: NewDeclaration, enrolmentId: string): Omit<ParticipationDoc, '_id'>[] {
  const now = ctx.clock.now()
  return d.people.map((p) =>
    newParticipation(
      { enrolmentId, unit: d.unit, person: p, scheme: d.scheme, year: d.year, products: productsFor(d.products, p.sex), shares: d.shares ?? 1, firstTime: d.firstTime(p) },
      now,
    ),
  )
}

/** The enrolment document fields a declaration sets (new or resubmitted). */
export function enrolmentFields(ctx: HandlerContext, d: NewDeclaration) {
  return {
    unitId: d.unit._id,
    unitName: d.unit.name,
    agentId: d.unit.agentId,
    family: d.scheme.family,
    schemeId: d.scheme.id,
    year: d.year,
    kind: d.kind,
    shares: d.shares,
    products: d.products,
    participantCount: d.people.length,
    firstTimeCount: d.people.filter((p) => d.firstTime(p)).length,
    staffCount: d.staffCount,
    quote: d.quote,
    replacedParticipationIds: d.replacedParticipationIds ?? [],
    submittedAt: ctx.clock.now(),
    submittedBy: ctx.caller.openid,
    returnReason: null,
  }
}

/**
 * Writes the participations of a declaration in batches. The unique index (family, year, idHash) is the last guard
 * against a concurrent declaration of the same person: on a duplicate, everything written here is removed again.
 */
export async function writeParticipations(ctx: HandlerContext, d: NewDeclaration, enrolmentId: string): Promise<void> {
  try {
    await insertMany(ctx.db, 'participations', participationDocs(ctx, d, enrolmentId))
  } catch (err) {
    await ctx.db.collection('participations').where({ enrolmentId }).remove()
    if (isDuplicateKey(err)) {
      throw new AppError('DUPLICATE_ENROLMENT', '提交期间有人已被其他申报占用（同一人同一期只能参加一次，第六条）。请刷新后重新提交。')
    }
    throw err
  }
}

/**
 * Creates a submitted declaration with its pending participations. A declaration made once per period takes its
 * `slot` atomically with its enrolment document (see period-slot.ts).
 */
export async function createDeclaration(ctx: HandlerContext, d: NewDeclaration, slot?: PeriodSlot): Promise<EnrolmentDoc> {
  const now = ctx.clock.now()
  const doc = { ...enrolmentFields(ctx, d), status: 'draft' as const, version: 1, createdAt: now, updatedAt: now }
  const id = slot ? await createHoldingSlot(ctx, slot, doc) : ((await ctx.db.collection('enrolments').add({ data: doc }))._id as string)
  try {
    await writeParticipations(ctx, d, id)
  } catch (err) {
    await ctx.db.collection('enrolments').where({ _id: id }).remove()
    throw err
  }
  await ctx.db.collection('enrolments').where({ _id: id }).update({ data: { status: 'submitted' } })
  return { ...doc, _id: id, status: 'submitted' } as unknown as EnrolmentDoc
}
