import { wxDate, wxThing } from '@mutual-aid/contracts'
import { addDays, coverageEnd, coverageStatus, type Scheme } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { PAGE_LIMIT, findAll } from '@cloud-shared/db'
import { conflict } from '@cloud-shared/errors'
import { notify } from '@cloud-shared/notify'
import { runInTransaction } from '@cloud-shared/transaction'
import { loadSchemes } from '@cloud-shared/schemes'
import type { EnrolmentDoc, ParticipationDoc, PersonDoc } from './model'
import { estimatedStart } from './period'
import type { SdkHandle } from '@cloud-shared/sdk'

type Payment = NonNullable<EnrolmentDoc['payment']>

/**
 * Marks a declaration paid and starts coverage the day after payment for everyone in it (WH Art. 3, TZ [I-12]):
 * the enrolment and its ledger contribution change together in one transaction (version-checked), then the
 * participations become active, a replacement voids the people it replaces, and bound workers are told.
 */
export async function activate(ctx: HandlerContext, e: EnrolmentDoc, paidOn: string, payment: Payment | null): Promise<EnrolmentDoc> {
  // The declaration's own version (built-in or published), as every rule below must see it.
  const scheme = (await loadSchemes(ctx.db)).get(e.schemeId)
  const start = estimatedStart(scheme, e.year, paidOn)
  const end = coverageEnd(scheme, start)
  const now = ctx.clock.now()
  const patch = { status: 'paid' as const, payment: payment ?? undefined, coverageStart: start, coverageEnd: end, version: e.version + 1, updatedAt: now }
  if (!payment) delete patch.payment

  const db = ctx.db
  await runInTransaction(db, async (tx: SdkHandle) => {
    const snap = await tx.collection('enrolments').doc(e._id).get()
    const current = snap.data as EnrolmentDoc | null
    if (!current || current.version !== e.version || current.status !== e.status) throw conflict()
    await tx.collection('enrolments').doc(e._id).update({ data: patch })
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
    }
  }, { busyMessage: '该申报正在被他人同时处理，请稍等几秒后刷新再试。' })

  const _ = db.command
  await db
    .collection('participations')
    .where({ enrolmentId: e._id, status: 'pending' })
    .update({ data: { status: 'active', coverageStart: start, coverageEnd: end, version: _.inc(1), updatedAt: now } })
  const replaced = e.replacedParticipationIds ?? []
  for (let i = 0; i < replaced.length; i += PAGE_LIMIT) {
    await db
      .collection('participations')
      .where({ _id: _.in(replaced.slice(i, i + PAGE_LIMIT)), status: 'active' })
      .update({ data: { status: 'void', coverageEnd: addDays(start, -1), voidedBy: e._id, version: _.inc(1), updatedAt: now } })
  }
  const paid = { ...e, ...patch } as EnrolmentDoc
  await noticeWorkers(ctx, paid, scheme)
  return paid
}

/** Workers bound to the roster hear that their coverage starts, with where they stand in words. */
async function noticeWorkers(ctx: HandlerContext, e: EnrolmentDoc, scheme: Scheme): Promise<void> {
  const _ = ctx.db.command
  const bound = await findAll<PersonDoc>(ctx.db, 'people', { unitId: e.unitId, openid: _.nin([null, '']) }, 200_000)
  if (!bound.length) return
  const parts = await findAll<Pick<ParticipationDoc, 'personId' | 'firstTime' | 'shares' | 'products'>>(
    ctx.db,
    'participations',
    { enrolmentId: e._id, personId: _.in(bound.map((p) => p._id).slice(0, PAGE_LIMIT)) },
  )
  const byPerson = new Map(parts.map((p) => [p.personId, p]))
  for (const person of bound) {
    const part = byPerson.get(person._id)
    if (!part || !person.openid || !e.coverageStart) continue
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
      openid: person.openid,
      template: 'coverageStarted',
      title: '您的互助保障已生效',
      body: `${e.year} 年度保障自 ${e.coverageStart} 起至 ${e.coverageEnd}。${status.summary}`,
      page: 'packages/enrol/coverage/index',
      fields: { thing1: wxThing(`${e.year}年度职工医疗互助`), date2: wxDate(e.coverageStart), date3: wxDate(e.coverageEnd ?? e.coverageStart) },
      ref: { entity: 'enrolments', id: e._id },
    })
  }
}
