import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById, updateVersioned } from '@cloud-shared/db'
import { AppError, conflict, notFound } from '@cloud-shared/errors'
import { enrolmentReviewSchema } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc } from './model'
import { activate } from './activate'
import { noticeClerks } from './notices'

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
    const patch = {
      status: approve ? 'approved' : 'returned',
      reviewedAt: ctx.clock.now(),
      reviewedBy: ctx.caller.openid,
      returnReason: approve ? null : input.reason,
    }
    await updateVersioned(ctx.db, 'enrolments', enrolment._id, enrolment.version, patch)
    await audit(ctx, {
      action: approve ? 'enrolment.approve' : 'enrolment.return',
      entity: 'enrolments',
      entityId: enrolment._id,
      before: { status: enrolment.status },
      after: { status: patch.status, returnReason: patch.returnReason },
    })
    let updated = { ...enrolment, ...patch, version: enrolment.version + 1 } as EnrolmentDoc
    if (approve && enrolment.quote.totalFen === 0) {
      updated = await activate(ctx, updated, ctx.clock.today(), null)
    }
    await noticeClerks(ctx, updated, approve ? (updated.status === 'paid' ? 'paid' : 'approved') : 'returned')
    return { status: updated.status, version: updated.version }
  },
})
