/**
 * Claim request schemas shared by the claim form (validates as the worker types) and the `claims` cloud function
 * (validates what arrives).
 */
import { z } from 'zod'
import { CLAIM_STATUSES, type ClaimKind, type ClaimStatus, type Product } from '@mutual-aid/shared-rules'
import { dateSchema, familySchema, fenSchema, medicalInsuranceSchema, pageRequestSchema, phoneSchema, productSchema, searchSchema } from '../common'
import { UNSAFE_TEXT_MESSAGE, boundedRecord, cloudPathOf, fileIdSchema, idRef, idSchema, isCleanText, safeText } from '../field-bounds'
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
  z.object({ mode: z.literal('on_behalf'), personId: idRef('请选择职工') }),
  z.object({
    mode: z.literal('beneficiary'),
    name: safeText(30, { min: 2, minMessage: '请填写参加人姓名' }),
    residentId: z.string().trim().regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位'),
  }),
])
export type ClaimTarget = z.infer<typeof targetSchema>

export const payeeSchema = z.object({
  name: safeText(30, { min: 2, minMessage: '请填写收款人姓名' }),
  bank: safeText(60, { min: 2, minMessage: '请填写开户银行' }),
  account: z
    .string()
    .trim()
    .regex(/^\d{8,30}$/, '银行账号应为 8–30 位数字'),
})
export type Payee = z.infer<typeof payeeSchema>

/** How a family member filing a death claim is related to the deceased participant. */
export const RELATIONSHIPS = ['spouse', 'child', 'parent', 'other'] as const
export const RELATIONSHIP_LABEL: Record<(typeof RELATIONSHIPS)[number], string> = { spouse: '配偶', child: '子女', parent: '父母', other: '其他亲属' }

/** Who files a death claim for the family: their relationship to the deceased and a phone the office can call. */
export const applicantSchema = z.object({
  relationship: z.enum(RELATIONSHIPS, { error: '请选择您与参加人的关系' }),
  phone: phoneSchema,
})
export type Applicant = z.infer<typeof applicantSchema>

/** The facts of a claim as the form holds them; every field optional while it is a draft. */
export const draftFactsSchema = z.object({
  /** Disease code from the scheme's list (e.g. `WH05`), or `other` for an illness outside the list (death claims). */
  disease: safeText(20).optional(),
  severity: z.enum(['severe', 'mild']).optional(),
  inSitu: z.boolean().optional(),
  /** Date of first diagnosis (illness) or of death (death). */
  eventDate: dateSchema.optional(),
  causeOfDeath: z.enum(['illness', 'accident']).optional(),
  hospital: safeText(60).optional(),
  designatedHospital: z.boolean().optional(),
  inpatient: z.boolean().optional(),
  admission: dateSchema.optional(),
  discharge: dateSchema.optional(),
  selfPayFen: fenSchema.optional(),
  selfFundedFen: fenSchema.optional(),
  medicalInsurance: medicalInsuranceSchema.optional(),
  payee: payeeSchema.partial().optional(),
  /** A family's death claim: who is applying (asked of a beneficiary only; required when they submit). */
  applicant: z.object({ relationship: z.enum(RELATIONSHIPS).optional(), phone: z.string().trim().max(20, '电话号码过长').refine((v) => isCleanText(v), UNSAFE_TEXT_MESSAGE).optional() }).optional(),
})
export type DraftFacts = z.infer<typeof draftFactsSchema>

/**
 * What a claim must say before it can be submitted, per kind. Same rules on the form (as you type) and in the
 * function (on submit); messages are the Chinese the form shows under each field.
 */
export function submitFactsSchema(kind: ClaimKind, filedAs?: 'worker' | 'clerk' | 'beneficiary') {
  return draftFactsSchema.superRefine((f, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (filedAs === 'beneficiary') {
      if (!f.applicant?.relationship) need('applicant.relationship', '请选择您与参加人的关系')
      const phone = phoneSchema.safeParse(f.applicant?.phone ?? '')
      if (!phone.success) need('applicant.phone', f.applicant?.phone ? phone.error.issues[0].message : '请填写您的联系电话')
    }
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

/** Most checklist items one claim's files may name (the longest checklist has 9; the rules know 14 kinds). */
export const MAX_FILE_ITEMS = 16
/** Most pages one checklist item may have. */
export const MAX_PAGES_PER_ITEM = 20
/** Most pages one materials version may have (each is downloaded and hashed when the claim is submitted). */
export const MAX_PAGES_PER_CLAIM = 60

/**
 * Where the app stores a claim page: `claims/<draft or claim id>/<checklist item>/<sha-256 of the content>.<ext>`.
 * The name is the content's hash, so a path is written once: the function recomputes the hash from storage when the
 * claim is submitted and refuses a page whose content no longer matches its name (overwritten after upload).
 */
export function claimPagePath(folder: string, item: string, sha256: string, ext: string): string {
  return `claims/${folder}/${item}/${sha256}.${ext}`
}

const CLAIM_PAGE_PATH = /^claims\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\/([0-9a-f]{64})\.(jpg|jpeg|png|webp|heic|pdf|ofd)$/

/** Electronic receipts (电子票据) are kept as the files they are: PDF, or OFD (the national e-invoice format). */
export const DOCUMENT_EXTENSIONS = ['pdf', 'ofd'] as const
export type DocumentExtension = (typeof DOCUMENT_EXTENSIONS)[number]

/** The document type of a claim page that is a file rather than a photo (`pdf` / `ofd`), else null. */
export function documentTypeOf(fileID: string): DocumentExtension | null {
  const ext = fileID.slice(fileID.lastIndexOf('.') + 1).toLowerCase()
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(ext) ? (ext as DocumentExtension) : null
}

/** The parts of a claim page's fileID, or null when it is not one (wrong folder shape or no content hash). */
export function parseClaimPage(fileID: string): { folder: string; item: string; sha256: string } | null {
  const m = CLAIM_PAGE_PATH.exec(cloudPathOf(fileID) ?? '')
  return m ? { folder: m[1], item: m[2], sha256: m[3] } : null
}

/** A checklist item key → the uploaded file IDs (one or more pages each). */
export const filesSchema = boundedRecord(
  z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '材料项目名称格式不正确'),
  z.array(fileIdSchema).max(MAX_PAGES_PER_ITEM, `每项材料最多 ${MAX_PAGES_PER_ITEM} 页`),
  MAX_FILE_ITEMS,
  '材料项目',
).refine((files) => Object.values(files).reduce((n, ids) => n + ids.length, 0) <= MAX_PAGES_PER_CLAIM, `一次申请最多 ${MAX_PAGES_PER_CLAIM} 页材料`)
export type ClaimFiles = z.infer<typeof filesSchema>

export const resolveTargetInput = z.object({ target: targetSchema })

export const saveDraftInput = z.object({
  draftId: idSchema.optional(),
  /** The draft's version as last read; omitted when creating. */
  version: z.number().int().min(1).optional(),
  /** Needed when creating; a draft's target never changes afterwards. */
  target: targetSchema.optional(),
  participationId: idRef('请选择参加的互助期次'),
  product: productSchema,
  kind: kindSchema,
  facts: draftFactsSchema,
  files: filesSchema,
})
export type SaveDraftInput = z.infer<typeof saveDraftInput>

export const submitInput = z.object({
  draftId: idSchema,
  /** Generated once per submit intent on the device; retries and double taps reuse it. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '提交标识无效，请重新打开页面'),
})

export const claimRefInput = z.object({ claimId: idSchema })
export const versionedRefInput = claimRefInput.extend({ version: z.number().int().min(1) })

/** The participant accepts a claim proposed from the bureau's settlement data, naming the account to pay. */
export const acceptProposalInput = versionedRefInput.extend({ payee: payeeSchema })
/** The participant declines it (a reason is optional: declining needs no explanation). */
export const declineProposalInput = versionedRefInput.extend({ reason: safeText(200, { multiline: true }).optional() })

/**
 * The filer or the participant withdraws a claim not yet decided, at the version they saw; a reason is optional
 * (withdrawing needs no explanation), kept in the claim's history for the reviewers.
 */
export const withdrawInput = versionedRefInput.extend({ reason: safeText(200, { multiline: true }).optional() })

export const returnInput = versionedRefInput.extend({
  reason: safeText(300, { min: 4, minMessage: '请写明需要补充的材料（至少 4 个字）', multiline: true }),
})

/** Pages and note gathered for a resubmission, kept until it is sent (so closing the app loses nothing). */
export const saveResubmissionInput = claimRefInput.extend({
  files: filesSchema,
  /** The facts as corrected so far (a return may ask to correct the diagnosis date, hospital …). */
  facts: draftFactsSchema.optional(),
  note: safeText(300, { multiline: true }).optional(),
})

export const resubmitInput = versionedRefInput.extend({
  facts: draftFactsSchema,
  files: filesSchema,
  note: safeText(300, { multiline: true }).optional(),
})

export const decideInput = z.discriminatedUnion('outcome', [
  versionedRefInput.extend({
    outcome: z.literal('approve'),
    /** Omitted = the computed amount. */
    amountFen: fenSchema.optional(),
    note: safeText(300, { multiline: true }).optional(),
  }),
  versionedRefInput.extend({
    outcome: z.literal('reject'),
    reasonCode: z.enum(Object.keys(REJECT_CODES) as [RejectCode, ...RejectCode[]]),
    note: safeText(300, { min: 4, minMessage: '请写明拒付理由（至少 4 个字）', multiline: true }),
  }),
])
export type DecideInput = z.infer<typeof decideInput>

/** A second office user sends an approval proposal back (or its proposer withdraws it), saying why. */
export const returnProposalInput = versionedRefInput.extend({
  reason: safeText(300, { min: 4, minMessage: '请写明退回核准提议的理由（至少 4 个字）', multiline: true }),
})

export const markPaidInput = versionedRefInput.extend({
  paidOn: dateSchema,
  reference: safeText(60, { min: 4, minMessage: '请填写转账凭证号' }),
})

/** The review queue by pages: the office's 待审核 by review due date, other statuses oldest first, 全部 newest first. */
export const queueInput = pageRequestSchema.extend({
  status: claimStatusSchema.optional(),
  family: familySchema.optional(),
  agentId: idSchema.optional(),
})

/** A clerk looks for whom to file for: the unit's in-service people by name, those whose name begins with `query`. */
export const rosterPickInput = z.object({ query: searchSchema.optional() })

/** The caller's own claims by pages, newest first. */
export const mineInput = pageRequestSchema

export const ledgerInput = pageRequestSchema.extend({ family: familySchema.optional(), year: z.number().int().min(2000).max(2100).optional() })

export const draftRefInput = z.object({ draftId: idSchema })

/** The version of the consent text the person read (e.g. `2021-01`). */
export const consentInput = z.object({ kind: z.literal('medical_info'), version: z.string().regex(/^[0-9A-Za-z._-]{1,20}$/, '授权文本版本号格式不正确') })
