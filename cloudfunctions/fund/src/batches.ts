import { BATCH_STATUS_LABEL, batchListInput, batchRefInput, batchVersionedInput, createBatchInput, payableInput, type PayableClaim } from '@mutual-aid/contracts'
import { formatYuan } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import { AppError, notFound } from '@cloud-shared/errors'
import { audit } from '@cloud-shared/audit'
import { OPERATIONS, drive, loadOperation, refusalOf, startInTx, type OperationDoc } from '@cloud-shared/operation'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { buildOperation, buildOperationId, buildProgress, releaseOperation, releaseOperationId, type BatchOpParams } from './batch-create'
import { batchDetail, batchSummary } from './batch-view'
import type { BatchDoc, ClaimForPayment } from './model'

const maskAccount = (account: string) => (account.length > 4 ? `****${account.slice(-4)}` : '****')

/** Approved claims waiting to be paid, not in any batch: by claim number, a page at a time. Office only. */
export const payable = action({
  access: ['office'],
  input: payableInput,
  async run(ctx, input) {
    const _ = ctx.db.command
    const limit = input.limit ?? 50
    const where: Record<string, unknown> = { status: 'approved', paymentBatchId: null }
    if (input.family) where.family = input.family
    if (input.agentId) where.agentId = input.agentId
    const [page, total, agents] = await Promise.all([
      ctx.db
        .collection('claims')
        .where(input.cursor ? { ...where, claimNo: _.gt(input.cursor) } : where)
        .orderBy('claimNo', 'asc')
        .limit(limit + 1)
        .field({ claimNo: true, family: true, year: true, personName: true, unitName: true, agentId: true, decision: true, facts: true, payFailure: true })
        .get(),
      ctx.db.collection('claims').where(where).count(),
      findAll<{ _id: string; name: string }>(ctx.db, 'agents', {}, 1000),
    ])
    const docs = page.data as ClaimForPayment[]
    const items: PayableClaim[] = docs.slice(0, limit).map((c) => ({
      claimId: c._id,
      claimNo: c.claimNo,
      family: c.family,
      year: c.year,
      personName: c.personName,
      unitName: c.unitName,
      agentId: c.agentId,
      amountFen: c.decision?.amountFen ?? 0,
      payeeName: c.facts.payee?.name ?? '',
      bank: c.facts.payee?.bank ?? '',
      accountMasked: maskAccount(c.facts.payee?.account ?? ''),
      lastFailure: c.payFailure ? `${c.payFailure.on} 批次 ${c.payFailure.batchNo} 付款失败：${c.payFailure.reason}` : null,
    }))
    return {
      items,
      nextCursor: docs.length > limit ? items[items.length - 1].claimNo : null,
      total: (total as { total: number }).total,
      agents: agents.map((a) => ({ id: a._id, name: a.name })),
    }
  },
})

const batchNoOf = (today: string, requestId: string) => `PB${today.replace(/-/g, '')}-${requestId.slice(-6).toUpperCase()}`

/**
 * Creates a bank batch of the chosen approved claims, resumably: the batch (生成中, with the claims asked for) and the
 * operation that builds it are written in one transaction under ids made from the request; the operation then locks
 * the claims (a chunk per transaction, ordered by the database against another batch, a single payment or 取消),
 * writes the bank file and opens the batch (batch-create.ts). This call drives it within its budget; a retry of the
 * same request, 继续生成 on the batch page, or the `resume` timer finishes what a cut-off call left.
 */
export const createBatch = action({
  access: ['office'],
  input: createBatchInput,
  async run(ctx, { requestId, claimIds }) {
    const batchId = `batch-${requestId}`
    const requested = [...new Set(claimIds)]
    const now = ctx.clock.now()
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      if (await txGet<BatchDoc>(tx, 'paymentBatches', batchId)) return
      const fresh: Omit<BatchDoc, '_id'> = {
        batchNo: batchNoOf(ctx.clock.today(), requestId),
        status: 'building',
        requested,
        items: [],
        skipped: [],
        totalFen: 0,
        fileID: null,
        createdBy: ctx.caller.openid,
        createdByName: ctx.caller.user?.name ?? '',
        createdAt: now,
        sentOn: null,
        sentBy: null,
        result: null,
        processed: 0,
        version: 1,
        updatedAt: now,
      }
      await tx.collection('paymentBatches').doc(batchId).set({ data: fresh })
      const id = buildOperationId(batchId)
      await startInTx(ctx, tx, { id, kind: buildOperation.kind, total: requested.length, params: { batchId }, current: await txGet<OperationDoc<BatchOpParams>>(tx, OPERATIONS, id) })
    })
    const batch = await loadBatch(ctx, batchId)
    if (batch.createdBy !== ctx.caller.openid) throw new AppError('CONFLICT', '该请求编号已被另一位工作人员使用，请刷新后重新选择。')
    return driveBuild(ctx, batchId)
  },
})

/** Stepping one call gives a build: half the function's 60 s limit (config.json), so 300 claims finish in one call. */
const BUILD_BUDGET = { items: 1000, ms: 30_000 }

/** Drives the batch's build (if it is still being built) and answers the batch as it then stands. */
async function driveBuild(ctx: HandlerContext, batchId: string) {
  const op = await drive(ctx, buildOperation, buildOperationId(batchId), BUILD_BUDGET)
  if (op?.status === 'failed') throw refusalOf(op)
  const batch = await loadBatch(ctx, batchId)
  return batchDetail(batch, buildProgress(op))
}

/** 继续生成: finishes a batch whose creating call was cut off (the timer would, within minutes). */
export const continueBatch = action({
  access: ['office'],
  input: batchRefInput,
  async run(ctx, { batchId }) {
    const batch = await loadBatch(ctx, batchId)
    if (batch.status !== 'building') return batchDetail(batch)
    return driveBuild(ctx, batchId)
  },
})

/**
 * 取消 a batch still being built: marked cancelled in one transaction with the build operation ended and the release
 * operation started, so no claim can be locked after it and every claim already locked goes back to payable (now,
 * or by the timer if this call is cut off). Only a batch not yet opened may be cancelled: once its bank file exists it
 * may already be at the bank.
 */
export const cancelBatch = action({
  access: ['office'],
  input: batchVersionedInput,
  async run(ctx, { batchId, version }) {
    const now = ctx.clock.now()
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const b = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
      if (!b) throw notFound('该支付批次')
      if (b.status === 'cancelled') return
      if (b.version !== version) throw new AppError('CONFLICT', '该批次刚刚有变化，请刷新后查看。')
      if (b.status !== 'building') throw new AppError('WRONG_STATUS', `该批次已生成（${BATCH_STATUS_LABEL[b.status]}），不能取消。`)
      const build = await txGet<OperationDoc<BatchOpParams>>(tx, OPERATIONS, buildOperationId(batchId))
      if (build?.status === 'running') {
        await tx.collection(OPERATIONS).doc(build._id).update({ data: { status: 'failed', seq: build.seq + 1, error: ctx.db.command.set({ code: 'CANCELLED', message: '该批次已取消。' }), updatedAt: now } })
      }
      await tx.collection('paymentBatches').doc(batchId).update({ data: { status: 'cancelled', version: b.version + 1, updatedAt: now } })
      const id = releaseOperationId(batchId)
      await startInTx(ctx, tx, { id, kind: releaseOperation.kind, total: b.requested.length, params: { batchId }, current: await txGet<OperationDoc<BatchOpParams>>(tx, OPERATIONS, id) })
      await audit(ctx, { action: 'batch.cancel', entity: 'paymentBatch', entityId: batchId, before: { status: b.status }, after: { status: 'cancelled', requested: b.requested.length } }, tx)
    })
    await drive(ctx, releaseOperation, releaseOperationId(batchId))
    return batchDetail(await loadBatch(ctx, batchId))
  },
})

export async function loadBatch(ctx: HandlerContext, batchId: string): Promise<BatchDoc> {
  const batch = await findById<BatchDoc>(ctx.db, 'paymentBatches', batchId)
  if (!batch) throw notFound('该支付批次')
  return batch
}

/** Batches, newest first, a page at a time. Office only. */
export const batches = action({
  access: ['office'],
  input: batchListInput,
  async run(ctx, input) {
    const _ = ctx.db.command
    const limit = input.limit ?? 20
    let where: Record<string, unknown> = {}
    if (input.cursor) {
      const [at, id] = input.cursor.split('.')
      const when = new Date(Number(at))
      if (!id || Number.isNaN(when.getTime())) throw new AppError('INVALID_INPUT', '翻页位置无效，请刷新后重试')
      where = _.or([{ createdAt: _.lt(when) }, { createdAt: when, _id: _.lt(id) }])
    }
    const [page, total] = await Promise.all([
      ctx.db.collection('paymentBatches').where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit + 1).get(),
      ctx.db.collection('paymentBatches').count(),
    ])
    const docs = page.data as BatchDoc[]
    const items = docs.slice(0, limit)
    const last = items[items.length - 1]
    return {
      items: items.map(batchSummary),
      nextCursor: docs.length > limit && last ? `${new Date(last.createdAt).getTime()}.${last._id}` : null,
      total: (total as { total: number }).total,
    }
  },
})

export const batch = action({
  access: ['office'],
  input: batchRefInput,
  async run(ctx, { batchId }) {
    const b = await loadBatch(ctx, batchId)
    return batchDetail(b, b.status === 'building' ? buildProgress(await loadOperation(ctx.db, buildOperationId(batchId))) : null)
  },
})

/** A 10-minute link to the batch's bank file (storage is closed to clients; every opening is on record). */
export const batchFile = action({
  access: ['office'],
  input: batchRefInput,
  async run(ctx, { batchId }) {
    const b = await loadBatch(ctx, batchId)
    if (!b.fileID) throw new AppError('WRONG_STATUS', '该批次的银行文件还在生成，请稍后刷新。')
    const urls = await ctx.cloud.getTempFileURL({ fileList: [{ fileID: b.fileID, maxAge: 600 }] })
    await audit(ctx, { action: 'batch.file.open', entity: 'paymentBatch', entityId: batchId, after: { batchNo: b.batchNo } })
    return { url: urls.fileList[0]?.tempFileURL as string, fileName: `${b.batchNo}-批量转账.xlsx` }
  },
})

/** The office sent the file to the bank: from now on only the bank's result pays or releases its claims. */
export const markSent = action({
  access: ['office'],
  input: batchVersionedInput,
  async run(ctx, { batchId, version }) {
    const today = ctx.clock.today()
    const now = ctx.clock.now()
    const sent = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const b = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
      if (!b) throw notFound('该支付批次')
      if (b.version !== version) throw new AppError('CONFLICT', '该批次刚刚已被他人处理，请刷新后查看。')
      if (b.status !== 'open') throw new AppError('WRONG_STATUS', `该批次当前为“${BATCH_STATUS_LABEL[b.status]}”，不能再标记发送。`)
      const patch = { status: 'sent' as const, sentOn: today, sentBy: ctx.caller.openid, version: b.version + 1, updatedAt: now }
      await tx.collection('paymentBatches').doc(batchId).update({ data: patch })
      await audit(ctx, { action: 'batch.sent', entity: 'paymentBatch', entityId: batchId, before: { status: b.status }, after: { status: 'sent', sentOn: today, lines: b.items.length, total: formatYuan(b.totalFen) } }, tx)
      return { ...b, ...patch }
    })
    return batchDetail(sent)
  },
})
