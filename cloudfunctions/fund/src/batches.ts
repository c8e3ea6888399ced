import { batchListInput, batchRefInput, batchVersionedInput, createBatchInput, payableInput, type PayableClaim } from '@mutual-aid/contracts'
import { formatYuan } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import { AppError, isDuplicateKey, notFound } from '@cloud-shared/errors'
import { audit } from '@cloud-shared/audit'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { batchWorkbook } from './bank-files'
import { batchDetail, batchSummary } from './batch-view'
import type { BatchDoc, BatchLineDoc, ClaimForPayment } from './model'

const maskAccount = (account: string) => (account.length > 4 ? `****${account.slice(-4)}` : '****')

/** Why a chosen claim cannot go into a batch, or null when it can (the lock itself decides races). */
function notPayable(ctx: HandlerContext, c: ClaimForPayment, batchId: string): string | null {
  if (c.paymentBatchId === batchId) return null
  if (c.status === 'paid') return '已支付'
  if (c.status !== 'approved') return '不是已核准状态'
  if (c.paymentBatchId) return `已在支付批次 ${c.paymentBatchNo ?? ''} 中`
  // Separation of duties: nobody pays a claim they filed or are the participant of.
  if (c.filedBy.openid === ctx.caller.openid || c.personOpenid === ctx.caller.openid) return '本人相关的申请须由其他工作人员办理'
  if (!c.decision || !c.payoutId) return '没有核准金额'
  const p = c.facts.payee
  if (!p?.name || !p.account || !p.bank) return '收款信息不全'
  return null
}

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
 * Creates a bank batch of the chosen approved claims, resumably: the batch document is written first under an id
 * made from the request, then each claim is taken with one conditional update (approved and in no batch → in this
 * batch, version + 1) — the database decides between two batches, or a batch and a single payment, racing for a
 * claim, never a read followed by a write. Then the lines are built from the claims this batch holds, the bank file
 * is stored and the batch opens. A retry after a crash at any point continues with the same batch.
 */
export const createBatch = action({
  access: ['office'],
  input: createBatchInput,
  async run(ctx, { requestId, claimIds }) {
    const _ = ctx.db.command
    const batchId = `batch-${requestId}`
    const now = ctx.clock.now()
    let batch = await findById<BatchDoc>(ctx.db, 'paymentBatches', batchId)
    if (!batch) {
      const fresh: BatchDoc = {
        _id: batchId,
        batchNo: batchNoOf(ctx.clock.today(), requestId),
        status: 'building',
        requested: [...new Set(claimIds)],
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
      try {
        await ctx.db.collection('paymentBatches').add({ data: fresh })
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
      batch = await findById<BatchDoc>(ctx.db, 'paymentBatches', batchId)
      if (!batch) throw notFound('该支付批次')
    }
    if (batch.createdBy !== ctx.caller.openid) throw new AppError('CONFLICT', '该请求编号已被另一位工作人员使用，请刷新后重新选择。')
    if (batch.status !== 'building') return batchDetail(batch)

    const claims = await readClaims(ctx, batch.requested)
    const skipped: BatchDoc['skipped'] = []
    for (const id of batch.requested) {
      const c = claims.get(id)
      const why = c ? notPayable(ctx, c, batchId) : '未找到该申请'
      if (why) {
        skipped.push({ claimId: id, claimNo: c?.claimNo ?? id, reason: why })
        continue
      }
      if (c?.paymentBatchId === batchId) continue
      // The lock: one conditional update, decided by the database.
      const res = await ctx.db
        .collection('claims')
        .where({ _id: id, status: 'approved', paymentBatchId: null })
        .update({ data: { paymentBatchId: batchId, paymentBatchNo: batch.batchNo, version: _.inc(1), updatedAt: now } })
      if (res.stats.updated !== 1) skipped.push({ claimId: id, claimNo: c?.claimNo ?? id, reason: '刚刚已被其他批次或单笔支付办理' })
    }
    // The lines are what this batch holds now (a claim taken by a retry's earlier run included).
    const held = [...(await readClaims(ctx, batch.requested)).values()].filter((c) => c.paymentBatchId === batchId)
    held.sort((a, b) => a.claimNo.localeCompare(b.claimNo))
    const items: BatchLineDoc[] = held.map((c, i) => ({
      n: i + 1,
      claimId: c._id,
      claimNo: c.claimNo,
      personName: c.personName,
      unitName: c.unitName,
      amountFen: c.decision?.amountFen ?? 0,
      payee: { name: c.facts.payee?.name ?? '', bank: c.facts.payee?.bank ?? '', account: c.facts.payee?.account ?? '' },
      reference: c.claimNo,
      outcome: 'pending',
      bank: null,
    }))
    const heldIds = new Set(items.map((l) => l.claimId))
    const finalSkipped = dedupe(skipped).filter((s) => !heldIds.has(s.claimId))
    if (items.length === 0) {
      await ctx.db.collection('paymentBatches').where({ _id: batchId, status: 'building' }).remove()
      throw new AppError('NOTHING_PAYABLE', `所选申请都不能纳入批次：${finalSkipped.slice(0, 3).map((s) => `${s.claimNo}（${s.reason}）`).join('；')}。请刷新列表后重新选择。`)
    }
    const totalFen = items.reduce((sum, l) => sum + l.amountFen, 0)
    const up = await ctx.cloud.uploadFile({ cloudPath: `bank-batches/${batchId}.xlsx`, fileContent: await batchWorkbook({ batchNo: batch.batchNo, items }) })
    const opened = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const current = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
      if (!current) throw notFound('该支付批次')
      if (current.status !== 'building') return current
      const patch = { status: 'open' as const, items, skipped: finalSkipped, totalFen, fileID: up.fileID as string, version: current.version + 1, updatedAt: now }
      await tx.collection('paymentBatches').doc(batchId).update({ data: patch })
      await audit(
        ctx,
        { action: 'batch.create', entity: 'paymentBatch', entityId: batchId, after: { batchNo: current.batchNo, lines: items.map((l) => ({ claimId: l.claimId, amountFen: l.amountFen })), totalFen, skipped: finalSkipped } },
        tx,
      )
      return { ...current, ...patch }
    })
    return batchDetail(opened)
  },
})

function dedupe<T extends { claimId: string }>(list: T[]): T[] {
  const seen = new Set<string>()
  return list.filter((x) => !seen.has(x.claimId) && seen.add(x.claimId))
}

async function readClaims(ctx: HandlerContext, ids: string[]): Promise<Map<string, ClaimForPayment>> {
  const _ = ctx.db.command
  const out = new Map<string, ClaimForPayment>()
  for (let i = 0; i < ids.length; i += 100) {
    const got = await ctx.db.collection('claims').where({ _id: _.in(ids.slice(i, i + 100)) }).limit(100).get()
    for (const c of got.data as ClaimForPayment[]) out.set(c._id, c)
  }
  return out
}

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
    return batchDetail(await loadBatch(ctx, batchId))
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
      if (b.status !== 'open') throw new AppError('WRONG_STATUS', `该批次当前为“${b.status === 'building' ? '生成中' : '已发送银行'}”，不能再标记发送。`)
      const patch = { status: 'sent' as const, sentOn: today, sentBy: ctx.caller.openid, version: b.version + 1, updatedAt: now }
      await tx.collection('paymentBatches').doc(batchId).update({ data: patch })
      await audit(ctx, { action: 'batch.sent', entity: 'paymentBatch', entityId: batchId, before: { status: b.status }, after: { status: 'sent', sentOn: today, lines: b.items.length, total: formatYuan(b.totalFen) } }, tx)
      return { ...b, ...patch }
    })
    return batchDetail(sent)
  },
})
