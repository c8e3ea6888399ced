/**
 * Request schemas shared by the enrolment pages and the `units`, `roster`, `enrolment` and `auth` functions.
 * Imports only zod and shared-rules, so both the mini-program and the function bundles can use it.
 */
import { z } from 'zod'
import { isValidDate, parseResidentId, validateUscc } from '@mutual-aid/shared-rules'

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isValidDate(s), '日期不存在')

export const unitTypeSchema = z.enum(['agency', 'institution', 'social_org', 'soe', 'private_non_enterprise', 'private'])
export type UnitType = z.infer<typeof unitTypeSchema>
export const familySchema = z.enum(['WH', 'TZ'])
export const productSchema = z.enum(['critical', 'inpatient', 'female'])
export type ProductId = z.infer<typeof productSchema>
export const personStatusSchema = z.enum(['in_service', 'retired', 'left'])
export type PersonStatus = z.infer<typeof personStatusSchema>

export const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  agency: '机关',
  institution: '事业单位',
  social_org: '社会团体',
  soe: '国有企业',
  private_non_enterprise: '民办非企业单位',
  private: '民营企业',
}
export const FAMILY_LABEL: Record<'WH' | 'TZ', string> = { WH: '武汉城市圈职工重大疾病医疗互助', TZ: '台州市在职职工医疗互助' }
export const PRODUCT_LABEL: Record<ProductId, string> = {
  critical: '重大疾病互助',
  inpatient: '住院医疗互助',
  female: '女职工特殊病互助',
}
export const PERSON_STATUS_LABEL: Record<PersonStatus, string> = { in_service: '在职', retired: '退休', left: '离职' }
export const ENROLMENT_STATUS_LABEL: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '待缴费',
  paid: '已缴费',
}
export const ENROLMENT_KIND_LABEL: Record<string, string> = { annual: '年度申报', new_hire: '新入职增员', replacement: '参保对象替换' }

const name = z.string().trim().min(1, '请填写').max(60, '过长')
const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写手机号或带区号的固定电话')
export const residentIdSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => parseResidentId(s).ok, '身份证号码不正确（请核对 18 位号码和末位校验码）')
export const usccSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => validateUscc(s).ok, '统一社会信用代码不正确（请核对 18 位代码和末位校验码）')

// ---- units ----
export const unitFieldsSchema = z.object({
  name,
  uscc: usccSchema,
  unitType: unitTypeSchema,
  finance: z.boolean().default(false),
  family: familySchema,
  agentId: z.string().min(1, '请选择代理单位'),
  contactName: name,
  contactPhone: phone,
  address: z.string().trim().max(120).default(''),
})
export type UnitFields = z.infer<typeof unitFieldsSchema>

export const unitCreateSchema = unitFieldsSchema
export const unitUpdateSchema = z.object({
  unitId: z.string().min(1),
  version: z.number().int(),
  /** Date the change took effect (e.g. the new name registered); Art. 23 asks for a report within 15 days. */
  changedOn: dateSchema,
  changes: z
    .object({
      name: name.optional(),
      address: z.string().trim().max(120).optional(),
      contactName: name.optional(),
      contactPhone: phone.optional(),
    })
    .refine((c) => Object.values(c).some((v) => v !== undefined), '没有需要变更的内容'),
})
export const unitListSchema = z.object({ query: z.string().trim().max(40).optional(), skip: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(100).default(20) })
export const unitGetSchema = z.object({ unitId: z.string().min(1).optional() })
export const inviteCreateSchema = z.object({ unitId: z.string().min(1) })
export const staffReportSchema = z.object({
  unitId: z.string().min(1).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  headcount: z.number().int().min(1, '人数至少为 1').max(1_000_000),
  fileID: z.string().optional(),
})

// ---- roster ----
export const rosterAddSchema = z.object({
  name,
  idNumber: residentIdSchema,
  hireDate: dateSchema,
  status: z.enum(['in_service', 'retired']).default('in_service'),
})
export const rosterImportSchema = z.object({ fileID: z.string().min(1, '请先上传名册文件') })
export const rosterListSchema = z.object({
  unitId: z.string().optional(),
  query: z.string().trim().max(40).optional(),
  status: personStatusSchema.optional(),
  skip: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
})
export const rosterSetStatusSchema = z.object({ personId: z.string().min(1), version: z.number().int(), status: personStatusSchema })

// ---- enrolment ----
const idList = z.array(z.string().min(1)).max(20_000)
export const enrolmentPrepareSchema = z.object({ year: z.number().int().min(2020).max(2100), unitId: z.string().optional() })
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
export const certificateSchema = z.object({ unitId: z.string().optional(), year: z.number().int().optional() })
export const newHireSchema = z.object({ year: z.number().int(), personIds: idList.min(1, '请选择新入职职工') })
export const replacementSchema = z.object({
  year: z.number().int(),
  outPersonIds: idList.min(1, '请选择被替换的参加人'),
  inPersonIds: idList.min(1, '请选择替换进来的职工'),
})

// ---- auth ----
export const bindWorkerSchema = z.object({ name, idNumber: z.string().trim().min(1, '请填写身份证号码').max(20) })
export const acceptInviteSchema = z.object({ code: z.string().trim().regex(/^\d{8}$/, '邀请码为 8 位数字'), name: name.optional() })
