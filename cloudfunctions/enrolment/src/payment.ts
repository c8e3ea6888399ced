import { formatYuan, isContinuous } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById } from '@cloud-shared/db'
import { AppError, conflict, notFound } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { cloudPathOf } from '@mutual-aid/contracts'
import { downloadChecked, sha256Hex } from '@cloud-shared/files'
import { paymentSchema } from '@mutual-aid/contracts'
import type { EnrolmentDoc } from './model'
import { resumeActivation, runActivation, startActivationInTx } from './activate'
import { paidCoverage } from './period'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'

/**
 * The office records the fee received for an approved declaration: the amount must equal the quote; coverage then
 * starts the next day for everyone in the declaration. Renewing participants stay continuous only when paid within
 * the grace after the previous period (Art. 12); otherwise the declaration must be re-quoted as first-time. A fee
 * received on or after the period's last day buys no day of it (WH Art. 3) and is refused.
 */
export const recordPayment = action({
  access: ['office'],
  input: paymentSchema,
  async run(ctx, input) {
    // A retry while coverage is still being started for everyone resumes it.
    const resumed = await resumeActivation(ctx, input.enrolmentId)
    if (resumed) return resumed
    const e = await findById<EnrolmentDoc>(ctx.db, 'enrolments', input.enrolmentId)
    if (!e) throw notFound('该申报')
    if (e.version !== input.version) throw conflict()
    if (e.status !== 'approved') {
      throw new AppError('WRONG_STATUS', e.status === 'paid' ? '该申报的缴费已经登记过，不能重复登记。' : '该申报尚未通过代理单位审核，暂不能登记缴费。')
    }
    const today = ctx.clock.today()
    if (input.paidOn > today) throw new AppError('INVALID_INPUT', '到账日期不能晚于今天。')
    if (input.amountFen !== e.quote.totalFen) {
      throw new AppError('AMOUNT_MISMATCH', `到账金额 ${formatYuan(input.amountFen)} 与应缴金额 ${formatYuan(e.quote.totalFen)} 不一致，请核对后再登记；金额有误时请联系单位补缴或退回申报重新报价。`)
    }
    const scheme = (await loadSchemes(ctx.db)).get(e.schemeId)
    // A fee that buys no day of the declared period is refused before anything else is said about it (checked again
    // where the activation starts, inside the transaction).
    paidCoverage(scheme, e.year, input.paidOn)
    const renewing = e.participantCount - (e.firstTimeCount ?? 0)
    if (e.kind === 'annual' && renewing > 0) {
      const continuity = isContinuous({ scheme, previousPeriodEnd: `${e.year - 1}-12-31`, renewedOn: input.paidOn })
      if (!continuity.continuous) {
        throw new AppError('RENEWAL_LATE', `缴费日期 ${input.paidOn} 已超过续保宽限期，${renewing} 名续保人员须按首次参加计费并设观察期（${continuity.basis}）。请退回单位重新提交申报。`)
      }
    }
    // The receipt is evidence: it must be this declaration's upload, and its content is fixed by its hash now, so an
    // overwrite later shows (receiptUrl answers `changed`).
    let receiptSha256: string | null = null
    if (input.receiptFileID) {
      if (!(cloudPathOf(input.receiptFileID) ?? '').startsWith(`receipts/${e._id}/`)) {
        throw new AppError('INVALID_INPUT', '回单照片不属于这笔申报，请重新上传。')
      }
      const content = await downloadChecked(ctx, input.receiptFileID)
      if (!content) throw new AppError('NO_RECEIPT', '回单照片已不存在或超过 10 MB，请重新上传后再登记。')
      receiptSha256 = sha256Hex(content)
    }
    const payment = {
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      reference: input.reference,
      receiptFileID: input.receiptFileID ?? null,
      receiptSha256,
      recordedBy: ctx.caller.openid,
      recordedAt: ctx.clock.now(),
    }
    // The payment, its ledger entry, its audit entry and the activation's operation: all or nothing.
    const op = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const current = await txGet<EnrolmentDoc>(tx, 'enrolments', e._id)
      if (!current || current.version !== e.version || current.status !== 'approved') throw conflict()
      const started = await startActivationInTx(ctx, tx, current, input.paidOn, payment)
      const { coverageStart, coverageEnd } = started.params
      await audit(ctx, {
        action: 'enrolment.recordPayment',
        entity: 'enrolments',
        entityId: e._id,
        before: { status: e.status },
        after: { status: 'paid', payment: { ...payment, recordedAt: undefined }, coverageStart, coverageEnd },
        once: `enrolment.recordPayment:${e._id}:v${e.version}`,
      }, tx)
      return started
    }, { busyMessage: '该申报正在被他人同时处理，请稍等几秒后刷新再试。' })
    return runActivation(ctx, op._id)
  },
})
