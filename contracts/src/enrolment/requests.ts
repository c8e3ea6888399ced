/** Requests of the `enrolment` function (declarations, payment, certificates), shared by the pages and the function. */
import { z } from 'zod'
import { dateSchema, pageRequestSchema, productSchema, searchSchema } from '../common'
import { fileIdSchema, idSchema, safeText } from '../field-bounds'

/** The people of one declaration: at most 20,000 (a large unit's whole roster). */
const idList = z.array(idSchema).max(20_000, '一次最多 20000 人')
const yearSchema = z.number().int().min(2000).max(2100)
/** `year` omitted = the period open for declaration today. */
export const enrolmentPrepareSchema = z.object({ year: yearSchema.optional(), unitId: idSchema.optional() })
/** People the clerk names one by one in a declaration (the few ticked, or the few unticked from 全选). */
export const DECLARE_LIST_MAX = 1000
const namedPeople = z.array(idSchema).max(DECLARE_LIST_MAX, `逐个勾选最多 ${DECLARE_LIST_MAX} 人；人数更多时请用“全选在职人员”，再取消个别人员`)
/**
 * "Everyone declarable on the roster as the clerk saw it, except these": the roster's revision and the count the page
 * showed, so a roster changed since (an import, a status change) is refused with 名单已变化 instead of declaring
 * people the clerk never saw.
 */
export const allExceptSchema = z.object({
  rosterRevision: z.number().int().min(0),
  count: z.number().int().min(1, '请至少选择一名参加人'),
  except: namedPeople,
})
export type AllExcept = z.infer<typeof allExceptSchema>
export const enrolmentSubmitSchema = z
  .object({
    year: z.number().int().min(2020).max(2100),
    /** The people declared, named one by one (at most 1,000) … */
    personIds: namedPeople.min(1, '请至少选择一名参加人').optional(),
    /** … or everyone declarable except a few. */
    allExcept: allExceptSchema.optional(),
    shares: z.number().int().min(1).max(3).nullable().default(null),
    products: z.array(productSchema).min(1, '请至少选择一个保障项目').max(3),
    /** Resubmitting a returned declaration: its id and version. */
    enrolmentId: idSchema.optional(),
    version: z.number().int().min(1).optional(),
  })
  .refine((r) => (r.personIds ? 1 : 0) + (r.allExcept ? 1 : 0) === 1, { message: '请选择参加人（逐个勾选，或全选后取消个别人员）', path: ['personIds'] })
export type EnrolmentSubmit = z.infer<typeof enrolmentSubmitSchema>
export const enrolmentReviewSchema = z
  .object({
    enrolmentId: idSchema,
    version: z.number().int().min(1),
    decision: z.enum(['approve', 'return']),
    reason: safeText(200, { multiline: true }).optional(),
  })
  .refine((r) => r.decision === 'approve' || (r.reason && r.reason.length >= 2), { message: '退回时请写明原因', path: ['reason'] })
export const paymentSchema = z.object({
  enrolmentId: idSchema,
  version: z.number().int().min(1),
  amountFen: z.number().int().min(1, '金额必须大于 0').max(10_000_000_000, '金额过大，请核对'),
  paidOn: dateSchema,
  reference: safeText(60, { min: 2, minMessage: '请填写银行流水号或票据号' }),
  receiptFileID: fileIdSchema.optional(),
})
/**
 * The declaration page's people, one page at a time: the roster by name (`all`, or only `in_service`), the in-service
 * staff newest hire first (`recent`: new hires), or this period's active participants here (`enrolled`: who a
 * replacement can take out). `query`: the beginning of a name.
 */
export const enrolmentPeopleSchema = pageRequestSchema.extend({
  year: yearSchema,
  unitId: idSchema.optional(),
  list: z.enum(['all', 'in_service', 'recent', 'enrolled']).default('all'),
  query: searchSchema.optional(),
})
export type EnrolmentPeopleRequest = z.input<typeof enrolmentPeopleSchema>

/** Declarations last changed first, one page at a time. */
export const enrolmentListSchema = pageRequestSchema.extend({
  status: z.enum(['draft', 'submitted', 'returned', 'approved', 'paid']).optional(),
  year: yearSchema.optional(),
})
/** One declaration with a page of its people by name (`query`: the beginning of a name). */
export const enrolmentGetSchema = pageRequestSchema.extend({
  enrolmentId: idSchema,
  query: searchSchema.optional(),
})
export const enrolmentRefSchema = z.object({ enrolmentId: idSchema })
export const certificateSchema = pageRequestSchema.extend({
  unitId: idSchema.optional(),
  year: yearSchema.optional(),
  /** The caller's own certificate even when they also hold a staff role. */
  mine: z.boolean().optional(),
})
export const newHireSchema = z.object({ year: yearSchema, personIds: idList.min(1, '请选择新入职职工') })
export const replacementSchema = z.object({
  year: yearSchema,
  outPersonIds: idList.min(1, '请选择被替换的参加人'),
  inPersonIds: idList.min(1, '请选择替换进来的职工'),
})
