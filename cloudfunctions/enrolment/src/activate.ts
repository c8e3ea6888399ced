import { wxDate, wxThing } from '@mutual-aid/contracts'
import { addDays, coverageStatus } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { findById } from '@cloud-shared/db'
import { addToFund } from '@cloud-shared/fund'
import { notify } from '@cloud-shared/notify'
import { loadSchemes } from '@cloud-shared/schemes'
import { markStandingsChanged } from '@cloud-shared/roster-counts'
import { drive, loadOperation, operationIdOf, processing, startInTx, type OperationDoc, type OperationKind, type Processing } from '@cloud-shared/operation'
import type { SdkHandle } from '@cloud-shared/sdk'
import type { EnrolmentDoc, ParticipationDoc, PersonDoc } from './model'
import { paidCoverage } from './period'
import { noticeClerks } from './notices'

type Payment = NonNullable<EnrolmentDoc['payment']>

/** Participations activated (or voided) per update, and bound workers told per step. */
export const ACTIVATE_CHUNK = 500
export const NOTICE_CHUNK = 100

/** What the action answers once coverage has started for everyone in the declaration. */
export interface Activated {
  status: 'paid'
  version: number
  coverageStart: string
  coverageEnd: string
}

export interface ActivateParams {
  enrolmentId: string
  coverageStart: string
  coverageEnd: string
  /** Participations a replacement batch ends the day before its people start. */
  replaced: string[]
  answer: Activated
}

export const activationIdOf = (enrolmentId: string) => operationIdOf('activate', enrolmentId)

/**
 * Marks a declaration paid inside the caller's transaction (with its ledger contribution, when money came in) and
 * starts the operation that activates its participations and tells everyone (WH Art. 3, TZ [I-12]: coverage starts the
 * day after payment). `e` is the declaration as read in that transaction.
 */
export async function startActivationInTx(ctx: HandlerContext, tx: SdkHandle, e: EnrolmentDoc, paidOn: string, payment: Payment | null): Promise<OperationDoc<ActivateParams>> {
  // The declaration's own version (built-in or published), as every rule below must see it.
  const scheme = (await loadSchemes(ctx.db)).get(e.schemeId)
  // Refused (nothing written) when the fee buys no day of the declared period.
  const { start, end } = paidCoverage(scheme, e.year, paidOn)
  const now = ctx.clock.now()
  const version = e.version + 1
  await tx.collection('enrolments').doc(e._id).update({
    data: { status: 'paid', ...(payment ? { payment } : {}), coverageStart: start, coverageEnd: end, version, updatedAt: now },
  })
  if (payment && payment.amountFen > 0) {
    await tx.collection('ledger').add({
      data: {
        _id: `contribution-${e._id}`,
        family: e.family,
        year: e.year,
        type: 'contribution',
        amountFen: payment.amountFen,
        sourceType: 'enrolment',
        sourceId: e._id,
        unitId: e.unitId,
        paidOn,
        at: now,
      },
    })
    await addToFund(tx, { family: e.family, year: e.year, type: 'contribution', amountFen: payment.amountFen, at: now })
  }
  const params: ActivateParams = {
    enrolmentId: e._id,
    coverageStart: start,
    coverageEnd: end,
    replaced: e.replacedParticipationIds ?? [],
    answer: { status: 'paid', version, coverageStart: start, coverageEnd: end },
  }
  // Active coverage moves the unit's kept figures of next period: marked again when the activation ends (staleUnits).
  return startInTx(ctx, tx, { id: activationIdOf(e._id), kind: activateOperation.kind, total: e.participantCount, params, current: null, staleUnits: [e.unitId] })
}

/** Drives a declaration's activation and answers it: done → the payment's answer; otherwise 处理中. */
export async function runActivation(ctx: HandlerContext, opId: string): Promise<Activated | Processing> {
  const op = await drive(ctx, activateOperation, opId)
  if (!op) throw new Error(`activation ${opId} vanished`)
  return op.status === 'done' ? op.params.answer : processing(op, '缴费生效')
}

/** A retry of a payment whose activation is still running resumes it; null when none is running. */
export async function resumeActivation(ctx: HandlerContext, enrolmentId: string): Promise<Activated | Processing | null> {
  const op = await loadOperation<ActivateParams, unknown>(ctx.db, activationIdOf(enrolmentId))
  return op?.status === 'running' ? runActivation(ctx, op._id) : null
}

/**
 * Coverage starting for everyone in a paid declaration, as an operation: participations pending → active in chunks, a
 * replacement's outgoing people voided, then every bound worker told (however many: in chunks, in the participations'
 * order), then the unit's clerks. Each chunk is a conditional update or a notice under its deterministic id, so a
 * repeated chunk changes nothing and nobody is told twice.
 */
export const activateOperation: OperationKind<ActivateParams> = {
  kind: 'enrolment.activate',
  steps: [
    {
      name: 'activate participations',
      async run(ctx, op) {
        const p = op.params
        const _ = ctx.db.command
        const pending = (await ctx.db.collection('participations').where({ enrolmentId: p.enrolmentId, status: 'pending' }).orderBy('_id', 'asc').field({ _id: true }).limit(ACTIVATE_CHUNK).get()).data as { _id: string }[]
        if (pending.length) {
          await ctx.db
            .collection('participations')
            .where({ _id: _.in(pending.map((x) => x._id)), status: 'pending' })
            .update({ data: { status: 'active', coverageStart: p.coverageStart, coverageEnd: p.coverageEnd, version: _.inc(1), updatedAt: ctx.clock.now() } })
        }
        // Active coverage here makes these people renewing next period: the unit's kept figures are counted again
        // (after the write, and on every repeat of the step, so a crash in between is caught).
        await markStandingsChanged(ctx, op, await unitOf(ctx, p.enrolmentId), [])
        const left = (await ctx.db.collection('participations').where({ enrolmentId: p.enrolmentId, status: 'pending' }).count()).total as number
        const done = Math.max(0, op.total - left)
        return left === 0 ? { next: true, done, work: pending.length } : { cursor: done, done, work: pending.length }
      },
    },
    {
      name: 'void replaced participations',
      async run(ctx, op) {
        const p = op.params
        const _ = ctx.db.command
        const from = typeof op.cursor === 'number' ? op.cursor : 0
        const chunk = p.replaced.slice(from, from + ACTIVATE_CHUNK)
        if (chunk.length) {
          await ctx.db
            .collection('participations')
            .where({ _id: _.in(chunk), status: 'active' })
            .update({ data: { status: 'void', coverageEnd: addDays(p.coverageStart, -1), voidedBy: p.enrolmentId, version: _.inc(1), updatedAt: ctx.clock.now() } })
          // Their places are free this period on every roster that has them: those units' kept figures are stale.
          const voided = (await ctx.db.collection('participations').where({ _id: _.in(chunk) }).field({ idHash: true }).limit(chunk.length).get()).data as { idHash: string }[]
          await markStandingsChanged(ctx, op, await unitOf(ctx, p.enrolmentId), voided.map((v) => v.idHash))
        }
        const to = from + chunk.length
        return to >= p.replaced.length ? { next: true, work: chunk.length } : { cursor: to, work: chunk.length }
      },
    },
    {
      name: 'tell bound workers',
      async run(ctx, op) {
        const e = await findById<EnrolmentDoc>(ctx.db, 'enrolments', op.params.enrolmentId)
        if (!e) throw new Error(`declaration ${op.params.enrolmentId} of an activation is missing`)
        const after = typeof op.cursor === 'string' ? op.cursor : ''
        const told = await noticeWorkers(ctx, e, after)
        return told.count < NOTICE_CHUNK ? { next: true, work: told.count } : { cursor: told.last, work: told.count }
      },
    },
    {
      name: 'tell clerks',
      async run(ctx, op) {
        const e = await findById<EnrolmentDoc>(ctx.db, 'enrolments', op.params.enrolmentId)
        if (e) await noticeClerks(ctx, e, 'paid')
        return { next: true }
      },
    },
  ],
}

/**
 * Tells the bound workers among the next chunk of the declaration's participations (after `after`, in `_id` order)
 * that their coverage starts, with where they stand in words. Answers how many participations the chunk held and the
 * last one's id.
 */
async function noticeWorkers(ctx: HandlerContext, e: EnrolmentDoc, after: string): Promise<{ count: number; last: string }> {
  const _ = ctx.db.command
  const parts = (
    await ctx.db
      .collection('participations')
      .where({ enrolmentId: e._id, ...(after ? { _id: _.gt(after) } : {}) })
      .orderBy('_id', 'asc')
      .field({ _id: true, personId: true, firstTime: true, shares: true, products: true })
      .limit(NOTICE_CHUNK)
      .get()
  ).data as Pick<ParticipationDoc, '_id' | 'personId' | 'firstTime' | 'shares' | 'products'>[]
  if (!parts.length || !e.coverageStart) return { count: parts.length, last: after }
  const people = (await ctx.db.collection('people').where({ _id: _.in(parts.map((p) => p.personId)) }).field({ _id: true, openid: true }).limit(parts.length).get()).data as Pick<PersonDoc, '_id' | 'openid'>[]
  const openidOf = new Map(people.map((p) => [p._id, p.openid]))
  const scheme = (await loadSchemes(ctx.db)).get(e.schemeId)
  for (const part of parts) {
    const openid = openidOf.get(part.personId)
    if (!openid) continue
    const status = coverageStatus({
      scheme,
      product: part.products[0] ?? 'critical',
      firstTime: part.firstTime,
      coverageStart: e.coverageStart,
      shares: part.shares,
      today: e.coverageStart,
    })
    await notify(ctx, {
      id: `${e._id}:coverageStarted`,
      openid,
      template: 'coverageStarted',
      title: '您的互助保障已生效',
      body: `${e.year} 年度保障自 ${e.coverageStart} 起至 ${e.coverageEnd}。${status.summary}`,
      page: 'packages/enrol/coverage/index',
      fields: { thing1: wxThing(`${e.year}年度职工医疗互助`), date2: wxDate(e.coverageStart), date3: wxDate(e.coverageEnd ?? e.coverageStart) },
      ref: { entity: 'enrolments', id: e._id },
    })
  }
  return { count: parts.length, last: parts[parts.length - 1]._id }
}

/** The unit of a declaration (an activation's parameters name only the declaration). */
async function unitOf(ctx: HandlerContext, enrolmentId: string): Promise<string> {
  const e = await findById<Pick<EnrolmentDoc, 'unitId'>>(ctx.db, 'enrolments', enrolmentId)
  if (!e) throw new Error(`declaration ${enrolmentId} of an activation is missing`)
  return e.unitId
}
