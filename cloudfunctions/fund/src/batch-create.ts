import { AppError } from '@cloud-shared/errors'
import type { HandlerContext } from '@cloud-shared/context'
import { audit } from '@cloud-shared/audit'
import { advanceInTx, asStarter, failInTx, finishInTx, operationIdOf, type OperationDoc, type OperationKind } from '@cloud-shared/operation'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { batchWorkbook } from './bank-files'
import type { BatchDoc, BatchLineDoc, ClaimForPayment } from './model'

/**
 * Building a bank batch and releasing a cancelled one, as operations (`_shared/src/operation.ts`): started in the
 * transaction that writes the batch (or cancels it), driven by the office's call, by 继续生成 on the batch page, and
 * by the `resume` timer — so a batch whose creating call was cut off and whose page was closed still opens by itself,
 * and a cancelled one still gives its claims back.
 */
export interface BatchOpParams {
  batchId: string
}

/** Claims locked per transaction (each is a read and a write, plus the batch and the operation). */
export const LOCK_CHUNK = 20

export const buildOperationId = (batchId: string) => operationIdOf('fund.batch.build', batchId)
export const releaseOperationId = (batchId: string) => operationIdOf('fund.batch.release', batchId)

/** Why a chosen claim cannot go into a batch, or null when it can. `by` is whoever started the batch. */
export function notPayable(by: string, c: ClaimForPayment, batchId: string): string | null {
  if (c.paymentBatchId === batchId) return null
  if (c.status === 'paid') return '已支付'
  if (c.status !== 'approved') return '不是已核准状态'
  if (c.paymentBatchId) return `已在支付批次 ${c.paymentBatchNo ?? ''} 中`
  // Separation of duties: nobody pays a claim they filed or are the participant of.
  if (c.filedBy.openid === by || c.personOpenid === by) return '本人相关的申请须由其他工作人员办理'
  if (!c.decision || !c.payoutId) return '没有核准金额'
  const p = c.facts.payee
  if (!p?.name || !p.account || !p.bank) return '收款信息不全'
  return null
}

export async function readClaims(ctx: HandlerContext, ids: string[]): Promise<Map<string, ClaimForPayment>> {
  const _ = ctx.db.command
  const out = new Map<string, ClaimForPayment>()
  for (let i = 0; i < ids.length; i += 100) {
    const got = await ctx.db.collection('claims').where({ _id: _.in(ids.slice(i, i + 100)) }).limit(100).get()
    for (const c of got.data as ClaimForPayment[]) out.set(c._id, c)
  }
  return out
}

function dedupe<T extends { claimId: string }>(list: T[]): T[] {
  const seen = new Set<string>()
  return list.filter((x) => !seen.has(x.claimId) && seen.add(x.claimId))
}

/**
 * Build: lock the chosen claims a chunk at a time, then write the bank file and open the batch.
 *
 * Each chunk's locks are one transaction that also writes the batch (still 生成中) and moves the operation's cursor:
 * the database then orders every lock against 取消 and against the opening — a lock can never land on a batch that was
 * cancelled or already opened (its claims listed), and two drivers never both lock the same chunk. A claim that another
 * batch or a single payment takes meanwhile conflicts with the chunk's transaction, which is retried and then sees it.
 */
export const buildOperation: OperationKind<BatchOpParams> = {
  kind: 'fund.batch.build',
  steps: [
    {
      name: 'lock claims',
      async run(ctx, op) {
        const { batchId } = op.params
        const from = typeof op.cursor === 'number' ? op.cursor : 0
        const now = ctx.clock.now()
        await runInTransaction(ctx.db, async (tx: SdkHandle) => {
          const batch = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
          // Cancelled (or removed) while building: nothing more is locked; the release operation gives back the rest.
          if (!batch || batch.status !== 'building') return finishInTx(ctx, tx, op, { batchId, status: batch?.status ?? 'removed' })
          const chunk = batch.requested.slice(from, from + LOCK_CHUNK)
          const to = from + chunk.length
          // First: another driver that moved on makes this transaction write nothing at all.
          if (!(await advanceInTx(ctx, tx, op, to >= batch.requested.length ? { next: true, done: to } : { cursor: to, done: to }))) return false
          const skipped: BatchDoc['skipped'] = []
          for (const id of chunk) {
            const c = await txGet<ClaimForPayment>(tx, 'claims', id)
            const why = c ? notPayable(op.by, c, batchId) : '未找到该申请'
            if (why) skipped.push({ claimId: id, claimNo: c?.claimNo ?? id, reason: why })
            else if (c && c.paymentBatchId !== batchId) {
              await tx.collection('claims').doc(id).update({ data: { paymentBatchId: batchId, paymentBatchNo: batch.batchNo, version: c.version + 1, updatedAt: now } })
            }
          }
          await tx.collection('paymentBatches').doc(batchId).update({ data: { skipped: dedupe([...batch.skipped, ...skipped]), version: batch.version + 1, updatedAt: now } })
          return true
        })
        return 'advanced'
      },
    },
    {
      name: 'write the bank file and open',
      async run(ctx, op) {
        const { batchId } = op.params
        const now = ctx.clock.now()
        const start = await txGet<BatchDoc>(ctx.db, 'paymentBatches', batchId)
        if (!start || start.status !== 'building') {
          await runInTransaction(ctx.db, (tx: SdkHandle) => finishInTx(ctx, tx, op, { batchId, status: start?.status ?? 'removed' }))
          return 'advanced'
        }
        // Every lock committed before this step began (the lock step's last transaction moved the operation here).
        const held = [...(await readClaims(ctx, start.requested)).values()].filter((c) => c.paymentBatchId === batchId)
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
        if (items.length === 0) {
          const why = start.skipped.slice(0, 3)
          throw new AppError('NOTHING_PAYABLE', `所选申请都不能纳入批次：${why.map((s) => `${s.claimNo}（${s.reason}）`).join('；')}。请刷新列表后重新选择。`)
        }
        const heldIds = new Set(items.map((l) => l.claimId))
        const skipped = start.skipped.filter((s) => !heldIds.has(s.claimId))
        const totalFen = items.reduce((sum, l) => sum + l.amountFen, 0)
        // The same path on every try: a repeated upload replaces the file with the same lines.
        const up = await ctx.cloud.uploadFile({ cloudPath: `bank-batches/${batchId}.xlsx`, fileContent: await batchWorkbook({ batchNo: start.batchNo, items }) })
        await runInTransaction(ctx.db, async (tx: SdkHandle) => {
          const current = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
          if (!current || current.status !== 'building') return finishInTx(ctx, tx, op, { batchId, status: current?.status ?? 'removed' })
          if (!(await finishInTx(ctx, tx, op, { batchId, status: 'open' }))) return false
          const patch = { status: 'open' as const, items, skipped, totalFen, fileID: up.fileID as string, version: current.version + 1, updatedAt: now }
          await tx.collection('paymentBatches').doc(batchId).update({ data: patch })
          await audit(
            asStarter(ctx, op),
            { action: 'batch.create', entity: 'paymentBatch', entityId: batchId, after: { batchNo: current.batchNo, lines: items.map((l) => ({ claimId: l.claimId, amountFen: l.amountFen })), totalFen, skipped } },
            tx,
          )
          return true
        })
        return 'advanced'
      },
    },
  ],
  /** Nothing could be locked: the batch is removed (no claim is held by it) and the refusal is the answer. */
  async undo(ctx, op, refusal) {
    const { batchId } = op.params
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const current = await txGet<BatchDoc>(tx, 'paymentBatches', batchId)
      if (!(await failInTx(ctx, tx, op, refusal))) return
      if (current?.status === 'building') await tx.collection('paymentBatches').doc(batchId).remove()
    })
  },
}

/** Claims released per conditional update. */
const RELEASE_CHUNK = 100

/**
 * Release: after 取消 (which is committed with the batch marked cancelled, so no lock can follow), every claim the
 * batch holds goes back to 已核准 and payable — one conditional update per chunk (held by this batch, still approved),
 * idempotent, so a repeat after a crash changes nothing.
 */
export const releaseOperation: OperationKind<BatchOpParams> = {
  kind: 'fund.batch.release',
  steps: [
    {
      name: 'release claims',
      async run(ctx, op) {
        const _ = ctx.db.command
        const { batchId } = op.params
        const batch = await txGet<BatchDoc>(ctx.db, 'paymentBatches', batchId)
        const requested = batch?.requested ?? []
        const from = typeof op.cursor === 'number' ? op.cursor : 0
        const chunk = requested.slice(from, from + RELEASE_CHUNK)
        const to = from + chunk.length
        if (chunk.length > 0) {
          await ctx.db
            .collection('claims')
            .where({ _id: _.in(chunk), paymentBatchId: batchId, status: 'approved' })
            .update({ data: { paymentBatchId: null, paymentBatchNo: null, version: _.inc(1), updatedAt: ctx.clock.now() } })
        }
        return to >= requested.length ? { next: true, done: requested.length, work: chunk.length } : { cursor: to, done: to, work: chunk.length }
      },
    },
  ],
}

/** How far the build has come, for the batch page's 生成中 line. */
export function buildProgress(op: OperationDoc | null): { done: number; total: number } | null {
  return op && op.status === 'running' ? { done: op.done, total: op.total } : null
}
