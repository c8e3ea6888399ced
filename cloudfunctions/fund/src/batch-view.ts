import type { z } from 'zod'
import type { batchDetailSchema, batchSummarySchema } from '@mutual-aid/contracts'
import type { BatchDoc } from './model'

export function batchSummary(b: BatchDoc): z.input<typeof batchSummarySchema> {
  return {
    id: b._id,
    batchNo: b.batchNo,
    status: b.status,
    version: b.version,
    lines: b.items.length,
    totalFen: b.totalFen,
    paid: b.items.filter((l) => l.outcome === 'paid').length,
    failed: b.items.filter((l) => l.outcome === 'failed').length,
    createdAt: b.createdAt,
    createdByName: b.createdByName,
    sentOn: b.sentOn,
  }
}

/** The batch with its lines; `progress` is the build's (claims checked of those chosen) while it is 生成中. */
export function batchDetail(b: BatchDoc, progress: { done: number; total: number } | null = null): z.input<typeof batchDetailSchema> {
  return {
    ...batchSummary(b),
    progress: b.status === 'building' ? progress ?? { done: 0, total: b.requested.length } : null,
    items: b.items.map((l) => ({
      n: l.n,
      claimId: l.claimId,
      claimNo: l.claimNo,
      personName: l.personName,
      unitName: l.unitName,
      amountFen: l.amountFen,
      payee: l.payee,
      reference: l.reference,
      outcome: l.outcome,
      bankRef: l.outcome === 'paid' ? l.bank?.bankRef ?? null : null,
      failReason: l.outcome === 'failed' ? l.bank?.reason ?? null : null,
    })),
    skipped: b.skipped,
    result: b.result ? { fileName: b.result.fileName, importedAt: b.result.importedAt, processed: b.processed } : null,
  }
}
