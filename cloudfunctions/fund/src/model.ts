import type { BatchStatus, Payee } from '@mutual-aid/contracts'
import type { ClaimKind, ClaimStatus, Product } from '@mutual-aid/shared-rules'
import type { Family } from '@cloud-shared/documents'

/** The bank's word on one line of a batch, as read from its result file. */
export interface BankLineResult {
  outcome: 'paid' | 'failed'
  bankRef: string | null
  reason: string | null
}

export interface BatchLineDoc {
  n: number
  claimId: string
  claimNo: string
  personName: string
  unitName: string
  amountFen: number
  payee: Payee
  reference: string
  /** Applied to the claim: pending until the bank's result for the line has been applied. */
  outcome: 'pending' | 'paid' | 'failed'
  /** The bank's result, stored when the result file is imported (before it is applied line by line). */
  bank: BankLineResult | null
}

/**
 * A bank payment batch (`paymentBatches`). `_id` = `batch-<requestId>`: a retried creation continues the same batch.
 * Its claims carry `paymentBatch` (the claim-level lock) from the moment they are added until their line's result is
 * applied; `processed` is the cursor of applied and notified lines, so the result is applied across bounded calls.
 */
export interface BatchDoc {
  _id: string
  batchNo: string
  status: BatchStatus
  /** The claims the office chose (kept so that a retried creation tries the same ones). */
  requested: string[]
  items: BatchLineDoc[]
  skipped: { claimId: string; claimNo: string; reason: string }[]
  totalFen: number
  fileID: string | null
  createdBy: string
  createdByName: string
  createdAt: Date
  sentOn: string | null
  sentBy: string | null
  result: { fileID: string; fileName: string; sha256: string; importedAt: Date; importedBy: string } | null
  processed: number
  version: number
  updatedAt: Date
}

/** What the fund function reads of a claim (written by the claims function, except `paymentBatch` / `payFailure`). */
export interface ClaimForPayment {
  _id: string
  claimNo: string
  family: Family
  year: number
  product: Product
  kind: ClaimKind
  status: ClaimStatus
  personName: string
  personOpenid: string | null
  unitId: string
  unitName: string
  agentId: string
  filedBy: { openid: string; as: string; name: string }
  facts: { payee?: Partial<Payee> }
  decision: { amountFen: number } | null
  payoutId: string | null
  paid: { paidOn: string; reference: string } | null
  paymentBatchId?: string | null
  paymentBatchNo?: string | null
  payFailure?: { batchNo: string; reason: string; on: string } | null
  history: unknown[]
  version: number
}
