/**
 * Claim request schemas shared by the claim form (validates as the worker types) and the `claims` cloud function
 * (validates what arrives).
 */
import { z } from 'zod'
import { CLAIM_STATUSES, type ClaimKind, type ClaimStatus, type Product } from '@mutual-aid/shared-rules'
import { dateSchema, familySchema, fenSchema, medicalInsuranceSchema, productSchema } from '../common'
import { REJECT_CODES, type RejectCode } from './reject-codes'

export type { ClaimKind }
export type ClaimProduct = Product

/** illness = 确诊（重疾 / 女职工特殊病）, death = 身故, inpatient = 住院（台州住院医疗互助）. */
export const kindSchema = z.enum(['illness', 'death', 'inpatient'] satisfies ClaimKind[])

export const claimStatusSchema = z.enum(CLAIM_STATUSES as [ClaimStatus, ...ClaimStatus[]])

/**
 * Who the claim is for:
 * - `self`: the signed-in worker's own participation;
 * - `on_behalf`: a unit clerk files for a person on their roster (recorded as such);
 * - `beneficiary`: a family member files a death claim, naming the deceased by name and resident ID number.
 */
export const targetSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('self') }),
  z.object({ mode: z.literal('on_behalf'), personId: z.string().min(1, '请选择职工') }),
  z.object({
    mode: z.literal('beneficiary'),
    name: z.string().trim().min(2, '请填写参加人姓名').max(30),
    residentId: z.string().trim().regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位'),
  }),
])
export type ClaimTarget = z.infer<typeof targetSchema>

export const payeeSchema = z.object({
  name: z.string().trim().min(2, '请填写收款人姓名').max(30),
  bank: z.string().trim().min(2, '请填写开户银行').max(60),
  account: z
    .string()
    .trim()
    .regex(/^\d{8,30}$/, '银行账号应为 8–30 位数字'),
})
export type Payee = z.infer<typeof payeeSchema>

/** The facts of a claim as the form holds them; every field optional while it is a draft. */
export const draftFactsSchema = z.object({
  /** Disease code from the scheme's list (e.g. `WH05`), or `other` for an illness outside the list (death claims). */
  disease: z.string().max(20).optional(),
  severity: z.enum(['severe', 'mild']).optional(),
  inSitu: z.boolean().optional(),
  /** Date of first diagnosis (illness) or of death (death). */
  eventDate: dateSchema.optional(),
  causeOfDeath: z.enum(['illness', 'accident']).optional(),
  hospital: z.string().trim().max(60).optional(),
  designatedHospital: z.boolean().optional(),
  inpatient: z.boolean().optional(),
  admission: dateSchema.optional(),
  discharge: dateSchema.optional(),
  selfPayFen: fenSchema.optional(),
  selfFundedFen: fenSchema.optional(),
  medicalInsurance: medicalInsuranceSchema.optional(),
  payee: payeeSchema.partial().optional(),
})
export type DraftFacts = z.infer<typeof draftFactsSchema>

/**
 * What a claim must say before it can be submitted, per kind. Same rules on the form (as you type) and in the
 * function (on submit); messages are the Chinese the form shows under each field.
 */
export function submitFactsSchema(kind: ClaimKind) {
  return draftFactsSchema.superRefine((f, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (!f.hospital || f.hospital.length < 2) need('hospital', '请填写医院名称')
    if (f.designatedHospital === undefined) need('designatedHospital', '请选择是否为定点医院')
    if (!f.payee) need('payee', '请填写收款信息')
    else {
      const payee = payeeSchema.safeParse(f.payee)
      if (!payee.success) for (const issue of payee.error.issues) need(`payee.${issue.path.join('.')}`, issue.message)
    }
    if (kind === 'inpatient') {
      if (!f.admission) need('admission', '请填写入院日期')
      if (!f.discharge) need('discharge', '请填写出院日期')
      if (f.admission && f.discharge && f.discharge < f.admission) need('discharge', '出院日期不能早于入院日期')
      if (f.selfPayFen === undefined) need('selfPayFen', '请填写医保自负金额（没有请填 0）')
      if (f.selfFundedFen === undefined) need('selfFundedFen', '请填写自理金额（没有请填 0）')
      if (!f.medicalInsurance) need('medicalInsurance', '请选择医保类型')
      return
    }
    if (!f.eventDate) need('eventDate', kind === 'death' ? '请填写身故日期' : '请填写确诊日期')
    if (!f.disease) need('disease', kind === 'death' ? '请选择身故原因疾病' : '请选择所患疾病')
    if (f.inpatient === undefined) need('inpatient', '请选择是否住院治疗')
    if (f.admission && f.discharge && f.discharge < f.admission) need('discharge', '出院日期不能早于入院日期')
    if (kind === 'death' && !f.causeOfDeath) need('causeOfDeath', '请选择身故原因')
  })
}

/** A checklist item key → the uploaded file IDs (one or more pages each). */
export const filesSchema = z.record(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), z.array(z.string().min(1).max(500)).max(20))
export type ClaimFiles = z.infer<typeof filesSchema>

export const resolveTargetInput = z.object({ target: targetSchema })

export const saveDraftInput = z.object({
  draftId: z.string().optional(),
  /** The draft's version as last read; omitted when creating. */
  version: z.number().int().optional(),
  /** Needed when creating; a draft's target never changes afterwards. */
  target: targetSchema.optional(),
  participationId: z.string().min(1, '请选择参加的互助期次'),
  product: productSchema,
  kind: kindSchema,
  facts: draftFactsSchema,
  files: filesSchema,
})
export type SaveDraftInput = z.infer<typeof saveDraftInput>

export const submitInput = z.object({
  draftId: z.string().min(1),
  /** Generated once per submit intent on the device; retries and double taps reuse it. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '提交标识无效，请重新打开页面'),
})

export const claimRefInput = z.object({ claimId: z.string().min(1) })
export const versionedRefInput = claimRefInput.extend({ version: z.number().int().min(1) })

export const returnInput = versionedRefInput.extend({
  reason: z.string().trim().min(4, '请写明需要补充的材料（至少 4 个字）').max(300),
})

/** Pages and note gathered for a resubmission, kept until it is sent (so closing the app loses nothing). */
export const saveResubmissionInput = claimRefInput.extend({
  files: filesSchema,
  note: z.string().trim().max(300).optional(),
})

export const resubmitInput = versionedRefInput.extend({
  facts: draftFactsSchema,
  files: filesSchema,
  note: z.string().trim().max(300).optional(),
})

export const decideInput = z.discriminatedUnion('outcome', [
  versionedRefInput.extend({
    outcome: z.literal('approve'),
    /** Omitted = the computed amount. */
    amountFen: fenSchema.optional(),
    note: z.string().trim().max(300).optional(),
  }),
  versionedRefInput.extend({
    outcome: z.literal('reject'),
    reasonCode: z.enum(Object.keys(REJECT_CODES) as [RejectCode, ...RejectCode[]]),
    note: z.string().trim().min(4, '请写明拒付理由（至少 4 个字）').max(300),
  }),
])
export type DecideInput = z.infer<typeof decideInput>

export const markPaidInput = versionedRefInput.extend({
  paidOn: dateSchema,
  reference: z.string().trim().min(4, '请填写转账凭证号').max(60),
})

export const queueInput = z.object({
  status: z.string().optional(),
  family: familySchema.optional(),
  agentId: z.string().optional(),
})

export const ledgerInput = z.object({ family: familySchema.optional(), year: z.number().int().optional() })

export const draftRefInput = z.object({ draftId: z.string().min(1) })

export const consentInput = z.object({ kind: z.literal('medical_info'), version: z.string().min(1) })
