/** Requests of the `enrolment` function (declarations, payment, certificates), shared by the pages and the function. */
import { z } from 'zod'
import { dateSchema, productSchema } from '../common'

const idList = z.array(z.string().min(1)).max(20_000)
/** `year` omitted = the period open for declaration today. */
export const enrolmentPrepareSchema = z.object({ year: z.number().int().optional(), unitId: z.string().optional() })
export const enrolmentSubmitSchema = z.object({
  year: z.number().int().min(2020).max(2100),
  personIds: idList.min(1, '请至少选择一名参加人'),
  shares: z.number().int().min(1).max(3).nullable().default(null),
  products: z.array(productSchema).min(1, '请至少选择一个保障项目'),
  /** Resubmitting a returned declaration: its id and version. */
  enrolmentId: z.string().optional(),
  version: z.number().int().optional(),
})
export type EnrolmentSubmit = z.infer<typeof enrolmentSubmitSchema>
export const enrolmentReviewSchema = z
  .object({
    enrolmentId: z.string().min(1),
    version: z.number().int(),
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((r) => r.decision === 'approve' || (r.reason && r.reason.length >= 2), { message: '退回时请写明原因', path: ['reason'] })
export const paymentSchema = z.object({
  enrolmentId: z.string().min(1),
  version: z.number().int(),
  amountFen: z.number().int().min(1, '金额必须大于 0'),
  paidOn: dateSchema,
  reference: z.string().trim().min(2, '请填写银行流水号或票据号').max(60),
  receiptFileID: z.string().optional(),
})
export const enrolmentListSchema = z.object({
  status: z.enum(['draft', 'submitted', 'returned', 'approved', 'paid']).optional(),
  year: z.number().int().optional(),
  skip: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(50),
})
export const enrolmentGetSchema = z.object({
  enrolmentId: z.string().min(1),
  query: z.string().trim().max(40).optional(),
  skip: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
})
export const enrolmentRefSchema = z.object({ enrolmentId: z.string().min(1) })
export const certificateSchema = z.object({
  unitId: z.string().optional(),
  year: z.number().int().optional(),
  skip: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  /** The caller's own certificate even when they also hold a staff role. */
  mine: z.boolean().optional(),
})
export const newHireSchema = z.object({ year: z.number().int(), personIds: idList.min(1, '请选择新入职职工') })
export const replacementSchema = z.object({
  year: z.number().int(),
  outPersonIds: idList.min(1, '请选择被替换的参加人'),
  inPersonIds: idList.min(1, '请选择替换进来的职工'),
})
