import { quote, type Product, type Scheme } from '@mutual-aid/shared-rules'
import { paymentReference } from '@mutual-aid/contracts'
import type { HandlerContext } from '@cloud-shared/context'
import { AppError, conflict } from '@cloud-shared/errors'
import type { UnitDoc } from '@cloud-shared/documents'
import { OPERATIONS, drive, loadOperation, processing, refusalOf, startInTx, type OperationDoc, type Processing } from '@cloud-shared/operation'
import { loadPaymentSettings } from '@cloud-shared/settings'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import type { EnrolmentDoc, EnrolmentKind, PersonDoc } from './model'
import { participationsByHash } from './lookups'
import { takeSlotInTx, type PeriodSlot } from './period-slot'
import { declarationIdOf, declareOperation, type DeclareParams, type RosterChoice } from './declare-operation'

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

export { productsFor } from './declare-operation'

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
  /** "Everyone declarable except …": the roster walked by the operation instead of `people` (then empty). */
  roster?: RosterChoice & { count: number }
}

/** How many a declaration names, and how many of them are first-time (Art. 12). */
const countsOf = (d: NewDeclaration) =>
  d.roster ? { participantCount: d.roster.count, firstTimeCount: d.roster.firstTimeCount } : { participantCount: d.people.length, firstTimeCount: d.people.filter((p) => d.firstTime(p)).length }

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
    ...countsOf(d),
    staffCount: d.staffCount,
    quote: d.quote,
    replacedParticipationIds: d.replacedParticipationIds ?? [],
    submittedAt: ctx.clock.now(),
    submittedBy: ctx.caller.openid,
    returnReason: null,
  }
}

/** How a declaration starts: which operation it is, the period slot it takes, or the returned declaration it resubmits. */
export interface DeclarationStart<A extends Record<string, unknown>> {
  opId: string
  slot?: PeriodSlot
  resubmit?: { enrolmentId: string; version: number; before: unknown }
  audit: { action: string; after: unknown }
  /** The action's answer once done, without `enrolmentId` and `version` (added here). */
  answer: A
}

/**
 * Starts a declaration (annual, new hires, replacement, resubmission) as an operation: in one transaction, the period's
 * slot (when it has one), the enrolment document (`draft` until complete; a resubmitted one is claimed by its version)
 * and the operation — then drives it (declare-operation.ts). A retry of a request whose operation is still running
 * resumes it. Answers the declaration's answer, or `processing` while it is not complete.
 */
export async function declare<A extends Record<string, unknown>>(ctx: HandlerContext, d: NewDeclaration, start: DeclarationStart<A>): Promise<Declared<A> | Processing> {
  const now = ctx.clock.now()
  const fields = enrolmentFields(ctx, d)
  // The transfer remark is issued with the declaration under the office's rule of the day, and kept: a later change of
  // the rule must not change what a unit was told to quote (a resubmitted declaration keeps its first remark).
  const { referenceRule } = (await loadPaymentSettings(ctx.db)).settings
  const op = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const current = await txGet<OperationDoc<DeclareParams>>(tx, OPERATIONS, start.opId)
    if (current?.status === 'running') return current
    const generation = (current?.generation ?? 0) + 1
    let enrolmentId: string
    let version: number
    if (start.resubmit) {
      const returned = await txGet<EnrolmentDoc>(tx, 'enrolments', start.resubmit.enrolmentId)
      if (!returned || returned.version !== start.resubmit.version || returned.status !== 'returned') throw conflict()
      enrolmentId = returned._id
      version = returned.version + 1
      await tx.collection('enrolments').doc(enrolmentId).update({ data: { status: 'draft', version, updatedAt: now } })
    } else {
      enrolmentId = declarationIdOf(start.opId, generation)
      version = 1
      if (start.slot) await takeSlotInTx(ctx, tx, start.slot, enrolmentId)
      const reference = paymentReference(referenceRule, { unitName: d.unit.name, year: d.year, enrolmentId })
      await tx.collection('enrolments').add({ data: { _id: enrolmentId, ...fields, paymentReference: reference, status: 'draft', version, createdAt: now, updatedAt: now } })
    }
    const params: DeclareParams = {
      enrolmentId,
      kind: d.kind,
      unit: { _id: d.unit._id, agentId: d.unit.agentId },
      scheme: { id: d.scheme.id, family: d.scheme.family },
      year: d.year,
      shares: d.shares,
      products: d.products,
      people: d.people.map((p) => ({ id: p._id, firstTime: d.firstTime(p) })),
      ...(d.roster ? { roster: { revision: d.roster.revision, except: d.roster.except, held: d.roster.held, renewedOn: d.roster.renewedOn, firstTimeCount: d.roster.firstTimeCount } } : {}),
      resubmit: !!start.resubmit,
      fields,
      audit: { action: start.audit.action, before: start.resubmit?.before ?? null, after: start.audit.after },
      answer: { ...start.answer, enrolmentId, version },
    }
    // The unit's own kept figures move with every declaration: marked again when it ends (staleUnits, operation.ts).
    return startInTx(ctx, tx, { id: start.opId, kind: declareOperation.kind, total: countsOf(d).participantCount, params, current, staleUnits: [d.unit._id] })
  }, { busyMessage: '本单位正有人同时提交申报，请稍等几秒后刷新查看。' })
  return declarationAnswer<A>(await drive(ctx, declareOperation, op._id))
}

/** A declaration's answer: the action's own fields, with the declaration's id and version. */
export type Declared<A> = A & { enrolmentId: string; version: number }

/** Resumes a declaration's operation when one is running under this id; null when none is. */
export async function resumeDeclaration<A extends Record<string, unknown>>(ctx: HandlerContext, opId: string): Promise<Declared<A> | Processing | null> {
  const op = await loadOperation<DeclareParams, unknown>(ctx.db, opId)
  if (op?.status !== 'running') return null
  return declarationAnswer<A>(await drive(ctx, declareOperation, opId))
}

/** The answer for an operation as it stands: done → the declaration's answer; failed → its refusal; else 处理中. */
function declarationAnswer<A>(op: OperationDoc<DeclareParams> | null): Declared<A> | Processing {
  if (!op) throw new AppError('INTERNAL', '申报未能开始，请稍后重试。')
  if (op.status === 'failed') throw refusalOf(op)
  if (op.status === 'running') return processing(op, '申报')
  return op.params.answer as Declared<A>
}
