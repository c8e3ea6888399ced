/**
 * The `settlements` function: the medical-insurance bureau's inpatient settlement export imported by the office (or an
 * agent for its area), matched to TZ participants by the keyed ID hash and turned into claims proposed to the
 * participant (免申即享). Rows that do not qualify are reported to the importer only.
 */
import { z } from 'zod'
import { cursorPageOf, dateSchema, noInput } from '../common'
import { fileIdSchema, idSchema } from '../field-bounds'
import { defineFunction } from '../action'

export const settlementImportInput = z.object({ fileID: fileIdSchema.min(1, '请先上传医保结算文件') })
export const settlementContinueInput = z.object({ importId: idSchema })

/** What became of one settlement row. */
export const settlementStateSchema = z.enum(['pending', 'proposed', 'held', 'unmatched', 'not_qualifying', 'duplicate'])
export type SettlementState = z.infer<typeof settlementStateSchema>

export const SETTLEMENT_STATE_LABEL: Record<SettlementState, string> = {
  pending: '处理中',
  proposed: '已生成补助，待职工确认',
  held: '已有手工申请，暂不办理',
  unmatched: '未匹配到参加人',
  not_qualifying: '不符合补助条件',
  duplicate: '重复（已导入过）',
}

export const rowErrorSchema = z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() })

export const importCountsSchema = z.object({
  proposed: z.number().int(),
  held: z.number().int(),
  unmatched: z.number().int(),
  notQualifying: z.number().int(),
  duplicate: z.number().int(),
})
export type ImportCounts = z.infer<typeof importCountsSchema>

/**
 * An import's progress or outcome. `invalid`: the file has errors and nothing was imported (fix the rows named and
 * upload again); `running`: bounded work is done per call — call `continue` (the page does) or let the timer finish it.
 */
export const settlementImportSchema = z.object({
  importId: z.string().nullable(),
  status: z.enum(['invalid', 'staging', 'running', 'done']),
  /** The same file was imported before: this answers that import. */
  again: z.boolean(),
  fileName: z.string(),
  rows: z.number().int(),
  processed: z.number().int(),
  counts: importCountsSchema,
  errorCount: z.number().int(),
  errors: z.array(rowErrorSchema),
  importedOn: dateSchema.nullable(),
})
export type SettlementImport = z.infer<typeof settlementImportSchema>

/** A reason a row was not proposed, with the article it rests on. */
export const rowReasonSchema = z.object({ code: z.string(), message: z.string(), basis: z.string().nullable() })

export const settlementRowSchema = z.object({
  row: z.number().int(),
  serial: z.string(),
  name: z.string(),
  idMasked: z.string(),
  hospitalName: z.string(),
  admission: dateSchema,
  discharge: dateSchema,
  selfPayFen: z.number().int(),
  selfFundedFen: z.number().int(),
  state: settlementStateSchema,
  reasons: z.array(rowReasonSchema),
  claimNo: z.string().nullable(),
  amountFen: z.number().int().nullable(),
})
export type SettlementRow = z.infer<typeof settlementRowSchema>

export const settlementRowsInput = z.object({
  importId: idSchema,
  state: settlementStateSchema.optional(),
  /** The last row number shown. */
  cursor: z.string().regex(/^\d{1,6}$/, '分页标记不正确，请刷新后重试').nullable().optional(),
  limit: z.number().int().min(1).max(100).default(50),
})

export const settlementsContract = defineFunction('settlements', {
  template: { input: noInput, output: z.object({ fileID: z.string(), url: z.string() }) },
  import: { input: settlementImportInput, output: settlementImportSchema },
  continue: { input: settlementContinueInput, output: settlementImportSchema },
  imports: { input: noInput, output: z.array(settlementImportSchema) },
  rows: { input: settlementRowsInput, output: cursorPageOf(settlementRowSchema) },
})
