import { importResultInput, batchRefInput, type BatchStatus } from '@mutual-aid/contracts'
import { formatYuan } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { audit } from '@cloud-shared/audit'
import { AppError, notFound } from '@cloud-shared/errors'
import { downloadChecked, sha256Hex } from '@cloud-shared/files'
import { runInTransaction } from '@cloud-shared/transaction'
import { addToFund } from '@cloud-shared/fund'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { matchResult, readResultFile } from './bank-files'
import { loadBatch } from './batches'
import type { BatchDoc, BatchLineDoc, ClaimForPayment } from './model'
import { notifyTransfer } from './notices'

/** Lines applied per call: a 300-line batch takes six bounded calls, each well inside the function's time limit. */
export const LINES_PER_CALL = 50

interface Progress {
  processed: number
  lines: number
  paid: number
  failed: number
  done: boolean
  status: BatchStatus
}

const progressOf = (b: BatchDoc): Progress => ({
  processed: b.processed,
  lines: b.items.length,
  paid: b.items.filter((l) => l.outcome === 'paid').length,
  failed: b.items.filter((l) => l.outcome === 'failed').length,
  done: b.status === 'done',
  status: b.status,
})

/**
 * Imports the bank's result file of a sent batch: every line must be in it exactly once with its amount, or nothing
 * is applied. The result is stored on the batch (with the file's sha-256) in one transaction, then applied a bounded
 * number of lines per call (`continueResult` goes on). Importing the same file again changes nothing; a different
 * file after one was imported is refused.
 */
export const importResult = action({
  access: ['office'],
  input: importResultInput,
  async run(ctx, { batchId, fileID }) {
    const batch = await loadBatch(ctx, batchId)
    if (!fileID.includes(`/bank-results/${batchId}/`)) throw new AppError('INVALID_INPUT', '回单文件不属于本批次，请在本批次页面重新上传。')
    const content = await downloadChecked(ctx, fileID)
    if (!content) throw new AppError('BAD_FILE', '回单文件无法读取（可能上传未完成或超过 10 MB），请重新上传。')
    const sha256 = sha256Hex(content)
    if (batch.result) {
      if (batch.result.sha256 !== sha256) {
        throw new AppError('RESULT_MISMATCH', `本批次已于导入过银行回单（${batch.result.fileName}），不能再导入另一份。如银行重发了结果，请联系管理员核对。`)
      }
      // The same file again: nothing new; finish applying it if a previous call was cut off.
      return progressOf(await applyLines(ctx, batchId))
    }
    if (batch.status !== 'sent') {
      throw new AppError('WRONG_STATUS', batch.status === 'open' ? '请先把批次文件发送银行并点“标记已发送”，再导入银行回单。' : '该批次当前不能导入回单，请刷新后查看。')
    }
    const results = matchResult(batch, await readResultFile(content))
    const now = ctx.clock.now()
    const fileName = fileID.slice(fileID.lastIndexOf('/') + 1)
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const b = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
      if (!b) throw notFound('该支付批次')
      if (b.result) {
        if (b.result.sha256 !== sha256) throw new AppError('RESULT_MISMATCH', '本批次刚刚已由他人导入了另一份回单，请刷新后查看。')
        return
      }
      if (b.status !== 'sent' || b.version !== batch.version) throw new AppError('CONFLICT', '该批次刚刚已被他人处理，请刷新后查看。')
      const items = b.items.map((l, i) => ({ ...l, bank: results[i] }))
      const result = { fileID, fileName, sha256, importedAt: now, importedBy: ctx.caller.openid }
      await tx.collection('paymentBatches').doc(batchId).update({ data: { status: 'importing', items, result, version: b.version + 1, updatedAt: now } })
      await audit(
        ctx,
        {
          action: 'batch.result.import',
          entity: 'paymentBatch',
          entityId: batchId,
          before: { status: b.status },
          after: { status: 'importing', fileID, sha256, paid: results.filter((r) => r.outcome === 'paid').length, failed: results.filter((r) => r.outcome === 'failed').length },
        },
        tx,
      )
    }, { busyMessage: '该批次正在被他人同时处理，请稍等几秒后刷新。' })
    return progressOf(await applyLines(ctx, batchId))
  },
})

/** Applies the next lines of an imported result (the page calls it until `done`; a retry after a cut-off is safe). */
export const continueResult = action({
  access: ['office'],
  input: batchRefInput,
  async run(ctx, { batchId }) {
    const batch = await loadBatch(ctx, batchId)
    if (!batch.result) throw new AppError('WRONG_STATUS', '该批次还没有导入银行回单。')
    return progressOf(await applyLines(ctx, batchId))
  },
})

/**
 * Applies up to LINES_PER_CALL lines from the batch's cursor. Each line is one transaction over the claim, its payout,
 * the ledger and the batch line; its notice follows under a deterministic id; then the cursor moves. A crash anywhere
 * leaves the line either applied (the retry finds it so, and only re-sends the notice, which sends nothing twice) or
 * not (the retry applies it).
 */
async function applyLines(ctx: HandlerContext, batchId: string): Promise<BatchDoc> {
  let batch = await loadBatch(ctx, batchId)
  const end = Math.min(batch.items.length, batch.processed + LINES_PER_CALL)
  for (let i = batch.processed; i < end; i++) {
    const { line, claim } = await applyLine(ctx, batch, i)
    if (claim) await notifyTransfer(ctx, batch, line, claim)
    const _ = ctx.db.command
    await ctx.db.collection('paymentBatches').doc(batchId).update({ data: { processed: _.max(i + 1), updatedAt: ctx.clock.now() } })
  }
  batch = await loadBatch(ctx, batchId)
  if (batch.processed >= batch.items.length && batch.status === 'importing') {
    batch = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const b = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
      if (!b) throw notFound('该支付批次')
      if (b.status !== 'importing') return b
      const patch = { status: 'done' as const, version: b.version + 1, updatedAt: ctx.clock.now() }
      await tx.collection('paymentBatches').doc(batchId).update({ data: patch })
      const paid = b.items.filter((l) => l.outcome === 'paid')
      await audit(
        ctx,
        { action: 'batch.done', entity: 'paymentBatch', entityId: batchId, after: { paid: paid.length, paidTotal: formatYuan(paid.reduce((s, l) => s + l.amountFen, 0)), failed: b.items.filter((l) => l.outcome === 'failed').map((l) => l.claimNo) } },
        tx,
      )
      return { ...b, ...patch }
    })
  }
  return batch
}

/**
 * One line, all or nothing. Paid: the claim becomes 已支付 with the bank's reference, its payout is paid and the
 * ledger gets the payout entry (unique per claim in the ledger, so a claim can never be paid twice, whatever path).
 * Failed: the claim stays approved, leaves the batch and shows the bank's reason. Either way the batch line records it.
 */
async function applyLine(ctx: HandlerContext, batch: BatchDoc, i: number): Promise<{ line: BatchLineDoc; claim: ClaimForPayment | null }> {
  const now = ctx.clock.now()
  const today = ctx.clock.today()
  return runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const b = await txGet<BatchDoc>(tx, 'paymentBatches', batch._id)
    if (!b) throw notFound('该支付批次')
    const line = b.items[i]
    const claim = await txGet<ClaimForPayment>(tx, 'claims', line.claimId)
    if (line.outcome !== 'pending') return { line, claim }
    if (!claim || !line.bank) throw new AppError('INTERNAL', `批次第 ${line.n} 笔的申请或回单结果缺失，请联系管理员。`)
    if (claim.paymentBatchId !== b._id || claim.status !== 'approved') {
      // The lock makes this impossible; refuse loudly rather than pay a claim this batch does not hold.
      throw new AppError('INTERNAL', `申请 ${claim.claimNo} 已不在本批次中（当前状态 ${claim.status}），未做处理，请联系管理员。`)
    }
    const bank = line.bank
    const applied: BatchLineDoc = { ...line, outcome: bank.outcome }
    if (bank.outcome === 'paid') {
      const reference = bank.bankRef ?? ''
      await tx.collection('claims').doc(claim._id).update({
        data: {
          status: 'paid',
          paid: { paidOn: today, reference },
          paymentBatchId: null,
          paymentBatchNo: null,
          payFailure: null,
          history: [
            ...claim.history,
            { at: now, event: 'pay', from: 'approved', to: 'paid', role: 'office', openid: ctx.caller.openid, name: ctx.caller.user?.name ?? '', note: `银行批量转账 ${b.batchNo}，银行流水号 ${reference}` },
          ],
          version: claim.version + 1,
          updatedAt: now,
        },
      })
      if (claim.payoutId) {
        await tx.collection('payouts').doc(claim.payoutId).update({ data: { status: 'paid', paidOn: today, reference, batchId: b._id, recordedBy: ctx.caller.openid, recordedAt: now } })
      }
      await tx.collection('ledger').add({
        data: {
          family: claim.family,
          year: claim.year,
          type: 'payout',
          amountFen: line.amountFen,
          sourceType: 'claim',
          sourceId: claim._id,
          ref: claim.claimNo,
          unitId: claim.unitId,
          agentId: claim.agentId,
          batchId: b._id,
          on: today,
          at: now,
        },
      })
      await addToFund(tx, { family: claim.family, year: claim.year, type: 'payout', amountFen: line.amountFen, at: now })
    } else {
      await tx.collection('claims').doc(claim._id).update({
        data: {
          paymentBatchId: null,
          paymentBatchNo: null,
          payFailure: { batchNo: b.batchNo, reason: bank.reason ?? '银行未说明原因', on: today },
          version: claim.version + 1,
          updatedAt: now,
        },
      })
    }
    await tx.collection('paymentBatches').doc(b._id).update({ data: { [`items.${i}.outcome`]: bank.outcome, updatedAt: now } })
    await audit(
      ctx,
      {
        action: bank.outcome === 'paid' ? 'claim.pay.batch' : 'claim.pay.failed',
        entity: 'claim',
        entityId: claim._id,
        before: { status: 'approved', version: claim.version, paymentBatchId: b._id },
        after: { status: bank.outcome === 'paid' ? 'paid' : 'approved', batchNo: b.batchNo, bankRef: bank.bankRef, reason: bank.reason, amountFen: line.amountFen },
      },
      tx,
    )
    return { line: applied, claim }
  }, { busyMessage: '该批次正在被他人同时处理，请稍等几秒后点“继续处理”。' })
}
