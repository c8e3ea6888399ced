import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById } from '@cloud-shared/db'
import { AppError, conflict, notFound } from '@cloud-shared/errors'
import { enrolmentReviewSchema } from '@mutual-aid/contracts'
import { clerksOf, unitInScope } from '@cloud-shared/unit-scope'
import { deliver, enqueueInTx } from '@cloud-shared/outbox'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import type { EnrolmentDoc } from './model'
import { runActivation, startActivationInTx } from './activate'
import { clerkNotices } from './notices'

/**
 * The agent (or the office) reviews a submitted declaration: approve, or return it with a reason. A zero-fee batch
 * (a replacement with no fee difference) takes effect on approval.
 */
export const review = action({
  access: ['agent', 'office'],
  input: enrolmentReviewSchema,
  async run(ctx, input) {
    const enrolment = await findById<EnrolmentDoc>(ctx.db, 'enrolments', input.enrolmentId)
    if (!enrolment) throw notFound('该申报')
    await unitInScope(ctx, enrolment.unitId)
    if (enrolment.version !== input.version) throw conflict()
    if (enrolment.status !== 'submitted') throw new AppError('WRONG_STATUS', '该申报不在“待审核”状态，可能已被他人处理。请刷新后查看。')
    const approve = input.decision === 'approve'
    const clerks = await clerksOf(ctx, enrolment.unitId)
    // The decision, its audit entry, the clerks' notice (outbox) and — for a zero-fee batch — the start of coverage:
    // all or nothing, so a call cut off after the commit still tells the clerks (the timer delivers) and activates.
    const { updated, outbox, activation } = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const current = await txGet<EnrolmentDoc>(tx, 'enrolments', enrolment._id)
      if (!current || current.version !== input.version) throw conflict()
      if (current.status !== 'submitted') throw new AppError('WRONG_STATUS', '该申报不在“待审核”状态，可能已被他人处理。请刷新后查看。')
      const patch = {
        status: approve ? ('approved' as const) : ('returned' as const),
        reviewedAt: ctx.clock.now(),
        reviewedBy: ctx.caller.openid,
        returnReason: approve ? null : (input.reason ?? null),
        version: current.version + 1,
        updatedAt: ctx.clock.now(),
      }
      await tx.collection('enrolments').doc(current._id).update({ data: patch })
      await audit(ctx, {
        action: approve ? 'enrolment.approve' : 'enrolment.return',
        entity: 'enrolments',
        entityId: current._id,
        before: { status: current.status },
        after: { status: patch.status, returnReason: patch.returnReason },
        once: `enrolment.review:${current._id}:v${current.version}`,
      }, tx)
      const reviewed = { ...current, ...patch } as EnrolmentDoc
      if (approve && current.quote.totalFen === 0) {
        // A zero-fee batch (a replacement with no fee difference) takes effect on approval; the activation tells the clerks.
        const op = await startActivationInTx(ctx, tx, reviewed, ctx.clock.today(), null)
        return { updated: { ...reviewed, status: 'paid', version: op.params.answer.version } as EnrolmentDoc, outbox: [], activation: op._id }
      }
      const outbox = await enqueueInTx(ctx, tx, clerkNotices(ctx, reviewed, approve ? 'approved' : 'returned', clerks))
      return { updated: reviewed, outbox, activation: null }
    }, { busyMessage: '该申报正在被他人同时处理，请稍等几秒后刷新再试。' })
    await deliver(ctx, outbox)
    if (activation) await runActivation(ctx, activation)
    return { status: updated.status, version: updated.version }
  },
})
