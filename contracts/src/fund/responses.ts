/** What the `fund` function's actions answer. Money is integer fen throughout. */
import { z } from 'zod'
import { cursorPageOf, dateSchema, familySchema, instantSchema, productSchema } from '../common'
import { claimStatusSchema, kindSchema, payeeSchema } from '../claims/requests'

const count = z.number().int().min(0)
const fen = z.number().int()

/** One row of a report's breakdown table: an agent (office, whole scheme) or a unit (an agent's or one unit's). */
export const reportRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  participants: count,
  contributionsFen: fen,
  claims: count,
  approvedFen: fen,
  paidFen: fen,
})
export type ReportRow = z.infer<typeof reportRowSchema>

export const fundReportSchema = z.object({
  scope: z.object({
    family: familySchema,
    year: z.number().int(),
    schemeName: z.string(),
    agentId: z.string().nullable(),
    agentName: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
  }),
  /** The business date the figures stand on. */
  asOf: dateSchema,
  participants: z.object({ total: count, firstTime: count, renewing: count }),
  /** A unit is renewing when any of its participants is (it continued from the previous period), else first-time. */
  units: z.object({ total: count, firstTime: count, renewing: count }),
  contributionsFen: fen,
  claims: z.object({
    total: count,
    byStatus: z.array(z.object({ status: claimStatusSchema, label: z.string(), count })),
    byBenefit: z.array(z.object({ product: productSchema, kind: kindSchema, label: z.string(), count, approvedFen: fen })),
  }),
  /** Sum of approved amounts (claims approved or paid). */
  approvedFen: fen,
  /** Sum of the ledger's payout entries. */
  paidFen: fen,
  /** Contributions − paid (the ledger). */
  balanceFen: fen,
  /** Claims per 1,000 participants, to one decimal (half-up); null without participants. */
  claimsPerThousand: z.number().nullable(),
  /** Average calendar days from complete materials to the office's decision, to one decimal (half-up); null when none decided. */
  avgDaysToDecision: z.number().nullable(),
  decided: count,
  /** Claims awaiting the office past their review due date; null when the scheme sets no review limit (TZ). */
  overdueReviews: count.nullable(),
  reviewBasis: z.string().nullable(),
  rowsBy: z.enum(['agent', 'unit']),
  rows: z.array(reportRowSchema),
})
export type FundReport = z.infer<typeof fundReportSchema>

export const reportExportSchema = z.object({ fileID: z.string(), url: z.string(), fileName: z.string() })

export const payableClaimSchema = z.object({
  claimId: z.string(),
  claimNo: z.string(),
  family: familySchema,
  year: z.number().int(),
  personName: z.string(),
  unitName: z.string(),
  agentId: z.string(),
  amountFen: fen,
  payeeName: z.string(),
  bank: z.string(),
  /** Masked: the full account is only in the bank file. */
  accountMasked: z.string(),
  /** The last bank failure of this claim, shown so the office checks the payee before paying again. */
  lastFailure: z.string().nullable(),
})
export type PayableClaim = z.infer<typeof payableClaimSchema>
export const payablePageSchema = cursorPageOf(payableClaimSchema).extend({
  agents: z.array(z.object({ id: z.string(), name: z.string() })),
})

export const batchStatusSchema = z.enum(['building', 'open', 'sent', 'importing', 'done', 'cancelled'])
export type BatchStatus = z.infer<typeof batchStatusSchema>
export const BATCH_STATUS_LABEL: Record<BatchStatus, string> = {
  building: '生成中',
  open: '待发送银行',
  sent: '已发送银行',
  importing: '回单处理中',
  done: '已完成',
  cancelled: '已取消',
}

export const lineOutcomeSchema = z.enum(['pending', 'paid', 'failed'])
export const batchLineSchema = z.object({
  n: z.number().int(),
  claimId: z.string(),
  claimNo: z.string(),
  personName: z.string(),
  unitName: z.string(),
  amountFen: fen,
  payee: payeeSchema.extend({ account: z.string() }),
  /** The reference (附言) on the transfer: the claim number, which the bank's result file carries back. */
  reference: z.string(),
  outcome: lineOutcomeSchema,
  bankRef: z.string().nullable(),
  failReason: z.string().nullable(),
})
export type BatchLine = z.infer<typeof batchLineSchema>

export const batchSummarySchema = z.object({
  id: z.string(),
  batchNo: z.string(),
  status: batchStatusSchema,
  version: z.number().int(),
  lines: count,
  totalFen: fen,
  paid: count,
  failed: count,
  createdAt: instantSchema,
  createdByName: z.string(),
  sentOn: dateSchema.nullable(),
})
export type BatchSummary = z.infer<typeof batchSummarySchema>

export const batchDetailSchema = batchSummarySchema.extend({
  items: z.array(batchLineSchema),
  /** Claims chosen but left out because another batch or a payment took them first. */
  skipped: z.array(z.object({ claimId: z.string(), claimNo: z.string(), reason: z.string() })),
  result: z.object({ fileName: z.string(), importedAt: instantSchema, processed: count }).nullable(),
  /** While 生成中: the chosen claims checked so far (the build goes on by itself; 继续生成 finishes it now). */
  progress: z.object({ done: count, total: count }).nullable(),
})
export type BatchDetail = z.infer<typeof batchDetailSchema>

export const batchFileSchema = z.object({ url: z.string(), fileName: z.string() })

/** After an import step: how far the result has been applied (call `continueResult` until `done`). */
export const importProgressSchema = z.object({ processed: count, lines: count, paid: count, failed: count, done: z.boolean(), status: batchStatusSchema })
