import type { Product, SchemeId } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { audit } from '@cloud-shared/audit'
import { AppError, isDuplicateKey } from '@cloud-shared/errors'
import { newParticipation } from '@cloud-shared/participation-doc'
import { asStarter, derivedId, failInTx, finishInTx, type OperationDoc, type OperationKind } from '@cloud-shared/operation'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { findById } from '@cloud-shared/db'
import type { UnitDoc } from '@cloud-shared/documents'
import { countWhere, keysetPage } from '@cloud-shared/keyset'
import { loadSchemes } from '@cloud-shared/schemes'
import type { EnrolmentDoc, EnrolmentKind, ParticipationDoc, PersonDoc } from './model'
import { schemeFor } from './period'
import { markStandingsChanged, markUnitsStale, noteStaleUnits, unitsHolding } from '@cloud-shared/roster-counts'
import { ROSTER_ORDER, standingsOf, type ScannedPerson } from './roster-scan'

/** Which products a person gets: the women's product only for women. */
export function productsFor(products: Product[], sex: 'male' | 'female'): Product[] {
  return products.filter((p) => p !== 'female' || sex === 'female')
}

/** Participations written per insert (one wire request), and so per step of the operation. */
export const PARTICIPATION_CHUNK = 500

/** What a declaration's operation needs to write its participations and finish, fixed when it starts. */
export interface DeclareParams {
  enrolmentId: string
  kind: EnrolmentKind
  unit: { _id: string; agentId: string }
  scheme: { id: SchemeId; family: 'WH' | 'TZ' }
  year: number
  shares: number | null
  products: Product[]
  /** The people declared, in order, with whether each is first-time (Art. 12) — empty when `roster` names them. */
  people: { id: string; firstTime: boolean }[]
  /** "Everyone declarable except …": the unit's in-service staff walked in keyset order, as the roster stood at the start. */
  roster?: RosterChoice
  /** A returned declaration being resubmitted: its earlier participations are cleared first. */
  resubmit: boolean
  /** The enrolment fields set when the declaration is complete (status becomes `submitted`). */
  fields: Record<string, unknown>
  audit: { action: string; before: unknown; after: unknown }
  /** The action's answer once done. */
  answer: Record<string, unknown>
}

/**
 * The set an "everyone except …" declaration names, fixed when it starts: the in-service staff at roster `revision`,
 * less `except` (unticked by the clerk) and `held` (holding a place this period then). Every chunk and the final
 * step check the roster is still at that revision — a change meanwhile (an import, a status change, a new person)
 * undoes the declaration with 名单已变化 — and the final step checks the count and first-timers are the ones priced.
 */
export interface RosterChoice {
  revision: number
  except: string[]
  held: string[]
  /** The date first-time vs continuous was judged on (the submission's). */
  renewedOn: string
  firstTimeCount: number
}

export const rosterChanged = () =>
  new AppError('ROSTER_CHANGED', '名单已变化：提交期间本单位名册有改动（新增、导入或在职状态变更），本次申报未提交。请刷新页面，重新确认参加人后再提交。')

/** Fails with 名单已变化 when the unit's roster is no longer at the revision the declaration started from. */
async function assertRosterAt(ctx: HandlerContext, unitId: string, revision: number): Promise<void> {
  const unit = await findById<UnitDoc>(ctx.db, 'units', unitId)
  if ((unit?.rosterRevision ?? 0) !== revision) throw rosterChanged()
}

/** The tag of the participations one run of the operation writes (a resubmission removes the others). */
const submissionOf = (op: OperationDoc<DeclareParams>) => `${op._id}:${op.generation}`

/** A participation's id: the same on every retry of the same operation. */
const participationId = (op: OperationDoc<DeclareParams>, personId: string) => derivedId('part', op._id, op.generation, personId)

/**
 * 网上申报 as an operation: clear a resubmitted declaration's earlier participations, write the participations in
 * chunks under deterministic ids (a repeated chunk inserts only what is missing), then — in one transaction — mark the
 * declaration submitted, write its audit entry and end the operation. A person taken by another declaration meanwhile
 * (the unique index on family, year and ID) undoes it all and answers DUPLICATE_ENROLMENT.
 */
export const declareOperation: OperationKind<DeclareParams> = {
  kind: 'enrolment.declare',
  steps: [
    {
      name: 'clear earlier participations',
      async run(ctx, op) {
        if (op.params.resubmit) {
          const _ = ctx.db.command
          await removeParticipations(ctx, op, { enrolmentId: op.params.enrolmentId, submission: _.neq(submissionOf(op)) })
        }
        return { next: true }
      },
    },
    {
      name: 'write participations',
      async run(ctx, op) {
        if (op.params.roster) return writeRosterChunk(ctx, op, op.params.roster)
        const from = typeof op.cursor === 'number' ? op.cursor : 0
        const chunk = op.params.people.slice(from, from + PARTICIPATION_CHUNK)
        const to = from + chunk.length
        await writeChunk(ctx, op, chunk)
        return to >= op.params.people.length ? { next: true, done: to, work: chunk.length } : { cursor: to, done: to, work: chunk.length }
      },
    },
    {
      name: 'submit',
      async run(ctx, op) {
        const p = op.params
        if (p.roster) await assertRosterDeclared(ctx, op, p.roster)
        await runInTransaction(ctx.db, async (tx: SdkHandle) => {
          if (p.roster && ((await txGet<UnitDoc>(tx, 'units', p.unit._id))?.rosterRevision ?? 0) !== p.roster.revision) throw rosterChanged()
          if (!(await finishInTx(ctx, tx, op, p.answer))) return
          await tx.collection('enrolments').doc(p.enrolmentId).update({ data: { ...p.fields, status: 'submitted', updatedAt: ctx.clock.now() } })
          await audit(asStarter(ctx, op), { action: p.audit.action, entity: 'enrolments', entityId: p.enrolmentId, before: p.audit.before, after: p.audit.after, once: `${op._id}:${op.generation}` }, tx)
        })
        return 'advanced'
      },
    },
  ],
  async undo(ctx, op, refusal) {
    const p = op.params
    await removeParticipations(ctx, op, { enrolmentId: p.enrolmentId })
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      if (!(await failInTx(ctx, tx, op, refusal))) return
      if (p.resubmit) {
        // Back to where the clerk left it: returned, to be corrected and submitted again.
        await tx.collection('enrolments').doc(p.enrolmentId).update({ data: { status: 'returned', updatedAt: ctx.clock.now() } })
        return
      }
      await tx.collection('enrolments').doc(p.enrolmentId).remove()
      // The period's slot is free again (a slot naming a declaration that no longer exists holds nothing).
    })
  },
}

/**
 * One chunk of an "everyone except …" declaration: the next page of in-service staff after the cursor (by name, then
 * `_id`), less those excepted or held at the start, judged first-time as on the day it was submitted.
 */
async function writeRosterChunk(ctx: HandlerContext, op: OperationDoc<DeclareParams>, roster: RosterChoice) {
  const p = op.params
  await assertRosterAt(ctx, p.unit._id, roster.revision)
  const page = await keysetPage<ScannedPerson>(ctx.db, 'people', { unitId: p.unit._id, status: 'in_service' }, ROSTER_ORDER, {
    cursor: typeof op.cursor === 'string' ? op.cursor : undefined,
    limit: PARTICIPATION_CHUNK,
    fields: ['_id', 'idHash', 'sex'],
  })
  const skip = new Set([...roster.except, ...roster.held])
  const chosen = page.docs.filter((d) => !skip.has(d._id))
  const scheme = schemeFor(await loadSchemes(ctx.db), p.scheme.family, p.year)
  const standings = await standingsOf(ctx, p.unit._id, scheme, p.year, roster.renewedOn, chosen)
  await writeChunk(ctx, op, chosen.map((d) => ({ id: d._id, firstTime: standings.get(d.idHash)!.firstTime })))
  const done = op.done + chosen.length
  return page.nextCursor ? { cursor: page.nextCursor, done, work: page.docs.length } : { next: true, done, work: page.docs.length }
}

/** Before an "everyone except …" declaration is marked submitted: the roster unmoved, and exactly the people priced. */
async function assertRosterDeclared(ctx: HandlerContext, op: OperationDoc<DeclareParams>, roster: RosterChoice): Promise<void> {
  const p = op.params
  await assertRosterAt(ctx, p.unit._id, roster.revision)
  const mine = { enrolmentId: p.enrolmentId, submission: submissionOf(op) }
  const [written, firstTime] = await Promise.all([countWhere(ctx.db, 'participations', mine), countWhere(ctx.db, 'participations', { ...mine, firstTime: true })])
  if (written !== op.total || firstTime !== roster.firstTimeCount) throw rosterChanged()
}

/** Writes one chunk's participations: those not yet written (a repeated chunk after a crash writes nothing). */
async function writeChunk(ctx: HandlerContext, op: OperationDoc<DeclareParams>, chunk: DeclareParams['people']): Promise<void> {
  if (!chunk.length) return
  const _ = ctx.db.command
  const p = op.params
  const ids = chunk.map((c) => participationId(op, c.id))
  const already = (await ctx.db.collection('participations').where({ _id: _.in(ids) }).field({ _id: true, idHash: true }).limit(ids.length).get()).data as { _id: string; idHash: string }[]
  const written = new Set(already.map((d) => d._id))
  const missing = chunk.filter((_c, i) => !written.has(ids[i]))
  // A repeated chunk (after a crash between its write and its mark) marks again what it wrote.
  if (!missing.length) return markStandingsChanged(ctx, op, p.unit._id, already.map((d) => d.idHash))
  const people = (await ctx.db.collection('people').where({ _id: _.in(missing.map((m) => m.id)) }).limit(missing.length).get()).data as PersonDoc[]
  const byId = new Map(people.map((x) => [x._id, x]))
  const now = ctx.clock.now()
  const docs = missing.map((m) => {
    const person = byId.get(m.id)
    if (!person) throw new AppError('NOT_ON_ROSTER', '申报期间有人已从本单位名册中删除，请刷新名册后重新提交。')
    const doc = newParticipation(
      { enrolmentId: p.enrolmentId, unit: p.unit, person, scheme: p.scheme, year: p.year, products: productsFor(p.products, person.sex), shares: p.shares ?? 1, firstTime: m.firstTime },
      now,
    )
    return { _id: participationId(op, m.id), ...doc, submission: submissionOf(op) }
  })
  try {
    await ctx.db.collection('participations').add({ data: docs })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // Our own documents (another driver of this operation wrote them) are fine; a person held by another declaration
    // of the period is not (Art. 6).
    const held = (await ctx.db.collection('participations').where({ family: p.scheme.family, year: p.year, idHash: _.in(docs.map((d) => d.idHash)) }).limit(docs.length * 2).get()).data as ParticipationDoc[]
    if (held.some((h) => h.enrolmentId !== p.enrolmentId && h.status !== 'void')) {
      throw new AppError('DUPLICATE_ENROLMENT', '提交期间有人已被其他申报占用（同一人同一期只能参加一次，第六条）。请刷新后重新提交。')
    }
    // Some of ours were written meanwhile: write the rest.
    const now2 = new Set(held.map((h) => h._id))
    const rest = docs.filter((d) => !now2.has(d._id))
    if (rest.length) await ctx.db.collection('participations').add({ data: rest })
  }
  // These people hold a place now: every roster with them has stale kept figures (after the write, never before).
  await markStandingsChanged(ctx, op, p.unit._id, [...already.map((d) => d.idHash), ...docs.map((d) => d.idHash)])
}

/** Participations removed per page. */
const REMOVE_PAGE = 1000

/**
 * Removes a declaration's participations (a resubmission's earlier ones, an undone declaration's) a page at a time:
 * the units with those people on their rosters are noted on the operation BEFORE the page is removed (afterwards
 * nothing names them), and marked stale after it. Should the call be cut off between the removal and the mark, the
 * transaction ending the operation marks the noted units (operation.ts `staleUnits`) — a count taken while the
 * participations were still there is never left standing as fresh.
 */
async function removeParticipations(ctx: HandlerContext, op: OperationDoc<DeclareParams>, where: Record<string, unknown>): Promise<void> {
  const _ = ctx.db.command
  for (;;) {
    const page = (await ctx.db.collection('participations').where(where).orderBy('_id', 'asc').field({ _id: true, idHash: true }).limit(REMOVE_PAGE).get()).data as { _id: string; idHash: string }[]
    if (!page.length) return
    const units = await unitsHolding(ctx, op.params.unit._id, page.map((d) => d.idHash))
    await noteStaleUnits(ctx, op, units)
    await ctx.db.collection('participations').where({ ...where, _id: _.in(page.map((d) => d._id)) }).remove()
    await markUnitsStale(ctx, units)
    if (page.length < REMOVE_PAGE) return
  }
}

/**
 * The enrolment document a new declaration starts with (status `draft` — shown as 处理中 — until its participations are
 * all written), under an id derived from its operation.
 */
export function declarationIdOf(opId: string, generation: number): string {
  return derivedId('enr', opId, generation)
}

/** Reads a returned declaration inside a transaction for its resubmission. */
export async function returnedInTx(tx: SdkHandle, id: string): Promise<EnrolmentDoc | null> {
  return txGet<EnrolmentDoc>(tx, 'enrolments', id)
}
