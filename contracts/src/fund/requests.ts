/** What the `fund` function's actions take: reports by scope, and payouts in bank batches. */
import { z } from 'zod'
import { familySchema, pageRequestSchema } from '../common'
import { fileIdSchema, idSchema } from '../field-bounds'

/**
 * Whose figures: one scheme family and year (omitted: the business date's year), optionally one agent's units or one
 * unit (agents: their own only).
 */
export const reportInput = z.object({
  family: familySchema,
  year: z.number().int().min(2020, '年度不正确').max(2100, '年度不正确').optional(),
  agentId: idSchema.optional(),
  unitId: idSchema.optional(),
})
export type ReportInput = z.infer<typeof reportInput>

/** Approved claims not yet in a batch nor paid, by claim number, filtered by scheme family and agent. */
export const payableInput = pageRequestSchema.extend({
  family: familySchema.optional(),
  agentId: idSchema.optional(),
})

/** Most lines one bank batch may carry (the bank's own batch limits are higher; a batch's file stays small). */
export const MAX_BATCH_LINES = 300

/**
 * A new batch of the chosen approved claims. `requestId` is made once per tap by the app: a retried call (a cut-off
 * connection, a crash in the middle) continues the same batch instead of making a second one.
 */
export const createBatchInput = z.object({
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确，请刷新后重试'),
  claimIds: z.array(idSchema).min(1, '请至少选择一笔已核准的申请').max(MAX_BATCH_LINES, `一个批次最多 ${MAX_BATCH_LINES} 笔`),
})

export const batchRefInput = z.object({ batchId: idSchema })
export const batchVersionedInput = batchRefInput.extend({ version: z.number().int().min(1) })

/** The bank's result file, uploaded by the office under `bank-results/<batchId>/`. */
export const importResultInput = batchRefInput.extend({ fileID: fileIdSchema })

export const batchListInput = pageRequestSchema
