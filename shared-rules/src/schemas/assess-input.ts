import { z } from 'zod'
import type { AssessInput } from '../assess/types'
import { parseDayNumber } from '../dates/day-number'
import { dateSchema, dropNulls, exclusionSchema, productSchema, resolveFamily, schemeRefSchema, sexSchema } from './common'

const fen = z.number({ error: '金额应为整数（分）' }).int('金额应为整数（分）').min(0, '金额不能为负数')

const priorDiseaseSchema = z.object({
  disease: z.string({ error: '应写明疾病编码或名称' }).min(1, '应写明疾病编码或名称'),
  paid: z.boolean().default(false),
  period: z.enum(['previous', 'earlier'], { error: 'period 应为 previous 或 earlier' }).default('previous'),
})

const participantSchema = z.object({
  firstTime: z.boolean().default(false),
  shares: z.number().int('份额应为整数').min(1, '份额至少 1 份').max(3, '份额最多 3 份').optional(),
  coverageStart: dateSchema,
  retiredAtEnrolment: z.boolean().default(false),
  sex: sexSchema.optional(),
  medicalInsurance: z.enum(['employee', 'resident', 'none'], { error: '医保类型应为 employee、resident、none 之一' }).optional(),
  priorDiseases: z.array(priorDiseaseSchema).default([]),
  paidThisPeriod: z.boolean().default(false),
  allowanceDaysUsed: z.number().int('已用津贴天数应为整数').min(0, '已用津贴天数不能为负数').optional(),
})

const claimSchema = z.object({
  kind: z.enum(['illness', 'death', 'inpatient'], { error: '申请类型应为 illness、death、inpatient 之一' }).optional(),
  disease: z.string().optional(),
  severity: z.enum(['severe', 'mild'], { error: 'severity 应为 severe 或 mild' }).optional(),
  inSitu: z.boolean().default(false),
  eventDate: dateSchema.optional(),
  causeOfDeath: z.enum(['illness', 'accident'], { error: 'causeOfDeath 应为 illness 或 accident' }).optional(),
  inpatient: z.boolean().optional(),
  designatedHospital: z.boolean().default(false),
  admission: dateSchema.optional(),
  discharge: dateSchema.optional(),
  selfPayFen: fen.optional(),
  selfFundedFen: fen.optional(),
  exclusions: z.array(exclusionSchema).default([]),
  submittedOn: dateSchema.optional(),
})

/**
 * zod schema of the `assess` input (the CLI contract). Absent booleans become false and absent
 * lists empty; `WH`/`TZ` is resolved to the version whose period contains the coverage start; `product`
 * defaults to `inpatient` for inpatient claims, else `critical`; `kind` defaults from the product.
 */
export const assessInputSchema = z.preprocess(
  dropNulls,
  z
    .object({
      scheme: schemeRefSchema,
      product: productSchema.optional(),
      participant: participantSchema,
      claim: claimSchema,
    })
    .transform((v, ctx): AssessInput => {
      const scheme = resolveFamily(v.scheme, v.participant.coverageStart, 'period', ctx)
      const kind = v.claim.kind ?? (v.product === 'inpatient' ? 'inpatient' : 'illness')
      const product = v.product ?? (kind === 'inpatient' ? 'inpatient' : 'critical')
      const claim = { ...v.claim, kind }
      if (kind === 'inpatient') {
        const admission = claim.admission ?? claim.eventDate
        if (!admission) ctx.addIssue({ code: 'custom', path: ['claim', 'admission'], message: '住院申请须填写入院日期' })
        else claim.admission = admission
        if (admission && claim.discharge && parseDayNumber(claim.discharge) < parseDayNumber(admission)) {
          ctx.addIssue({ code: 'custom', path: ['claim', 'discharge'], message: '出院日期不能早于入院日期' })
        }
      } else if (!claim.eventDate) {
        ctx.addIssue({ code: 'custom', path: ['claim', 'eventDate'], message: kind === 'death' ? '须填写身故日期' : '须填写首次确诊日期' })
      }
      return { scheme, product, participant: v.participant, claim }
    }),
)

/** Parsed `assess` input. */
export type AssessInputParsed = z.output<typeof assessInputSchema>
