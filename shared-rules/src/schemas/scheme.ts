import { z } from 'zod'
import { parseDayNumber } from '../dates/day-number'
import { isValidDate } from '../dates/is-valid-date'
import type { Scheme } from '../schemes/types'
import { EXCLUSIONS, UNIT_TYPES, type Exclusion, type Product, type UnitType } from '../types'
import { formatIssues } from './common'

/*
 * The shape every scheme version must have — the built-in data files (a test parses each) and the versions and fee
 * announcements the office stores (parsed when loaded). Strict: an unknown field is a typo, not an extension.
 */

const PRODUCTS = ['critical', 'inpatient', 'female'] as const satisfies readonly Product[]
const productId = z.enum(PRODUCTS, { error: '保障项目应为 critical、inpatient、female 之一' })
const unitType = z.enum(UNIT_TYPES as unknown as [UnitType, ...UnitType[]], { error: `单位类型应为 ${UNIT_TYPES.join('、')} 之一` })
const exclusion = z.enum(EXCLUSIONS as unknown as [Exclusion, ...Exclusion[]])

const text = z.string({ error: '应为文字' }).trim().min(1, '不能为空')
const basis = z.string({ error: '须写明依据（文件条款）' }).trim().min(1, '须写明依据（文件条款）')
const date = z.string({ error: '应为日期 YYYY-MM-DD' }).refine(isValidDate, { message: '应为有效日期，格式 YYYY-MM-DD' })
const fen = z.number({ error: '金额应为整数（分）' }).int('金额应为整数（分）').min(0, '金额不能为负数')
const count = z.number({ error: '应为整数' }).int('应为整数').min(0, '不能为负数')
const percent = z.number({ error: '应为百分数' }).min(0, '百分比不能小于 0').max(100, '百分比不能大于 100')
const range = z.strictObject({ from: date, to: date, basis })
const idPattern = (prefix: string) => new RegExp(`^${prefix}-[0-9a-z]+(?:-[0-9a-z]+)*$`)

const disease = z.strictObject({
  code: text,
  name: text,
  aliases: z.array(text).optional(),
  definition: text.optional(),
  mild: z.boolean().optional(),
  mildCode: text.optional(),
  inSituExcluded: z.boolean().optional(),
  basis,
})

/** A fee rule (shape of `FeeRule`); the announcement of pending fees is a list of these. */
export const feeRuleSchema = z.discriminatedUnion('per', [
  z.strictObject({ per: z.literal('share_month'), product: productId, firstTimeFen: fen, renewingFen: fen, basis }),
  z.strictObject({ per: z.literal('person_month'), product: productId, byUnitType: z.record(unitType, fen), financeFen: fen, basis }),
  z.strictObject({ per: z.literal('person_period'), product: productId, fen, onlySex: z.enum(['male', 'female']).optional(), basis }),
], { error: '缴费规则的 per 应为 share_month、person_month、person_period 之一' })

const participationRule = z.strictObject({
  minPercent: percent,
  allIfStaffAtMost: count.nullable(),
  minCount: count.nullable(),
  basis,
})

const base = {
  name: text,
  document: text,
  effectiveFrom: date,
  products: z
    .array(z.strictObject({ id: productId, name: text, basis, payout: z.strictObject({ ends: z.enum(['coverage', 'product', 'nothing']), basis }) }))
    .min(1, '至少要有一个保障项目'),
  diseases: z.partialRecord(productId, z.array(disease)),
  participation: z.record(unitType, participationRule),
  staffOnlyBasis: basis,
  fees: z.array(feeRuleSchema).nullable(),
  feesBasis: basis,
  exclusions: z.partialRecord(exclusion, z.strictObject({
    code: z.enum(['FRAUD', 'MISDIAGNOSIS', 'EXCLUDED_CAUSE']),
    basis,
    message: text,
    endsCoverage: z.boolean().optional(),
  })),
  retired: z.strictObject({ basis, message: text }),
  review: z.strictObject({ workingDays: z.number().int().min(1).max(365), basis }).nullable(),
  unitChangeReport: z.strictObject({ days: z.number().int().min(1).max(365), basis }).nullable(),
}

const dayWindow = z.strictObject({
  fromDay: z.number().int().min(1, '从第 1 天起算'),
  toDay: z.number().int().min(1).nullable(),
  benefit: z.enum(['consolation', 'medical', 'death']),
  perShareFen: fen,
  basis,
})
const perShare = z.strictObject({ perShareFen: fen, basis })

const whSchema = z.strictObject({
  ...base,
  id: z.custom<`wh-${string}`>((v) => typeof v === 'string' && idPattern('wh').test(v), { message: 'WH 方案编号应形如 wh-2020' }),
  family: z.literal('WH'),
  shares: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1), basis }),
  newHire: z.strictObject({ months: z.number().int().min(1).max(24), basis }),
  waitingThroughDay: count,
  waitingBasis: basis,
  observationDays: count,
  observationBasis: basis,
  illnessFirstTime: z.array(dayWindow),
  illnessRenewing: z.array(dayWindow),
  deathFirstTime: z.array(dayWindow),
  deathRenewing: z.strictObject({ samePaidPrevious: perShare, outsideList: perShare, priorUnpaid: perShare, firstDiagnosedThisPeriodBasis: basis }),
  claimDeadline: z.strictObject({ days: z.number().int().min(1), basis }),
  continuity: z.strictObject({ graceDays: count, basis }),
  periodBasis: basis,
  coveredDiseaseBasis: basis,
  inpatientBasis: basis,
  designatedHospitalBasis: basis,
  deathBasis: basis,
  notIllnessDeathBasis: basis,
  preExistingBasis: basis,
  lateClaimBasis: basis,
})

const tzSchema = z.strictObject({
  ...base,
  id: z.custom<`tz-${string}`>((v) => typeof v === 'string' && idPattern('tz').test(v), { message: 'TZ 方案编号应形如 tz-2023' }),
  family: z.literal('TZ'),
  shares: z.null({ error: 'TZ 方案不设份额（shares 应为 null）' }),
  newHire: z.strictObject({ months: z.number().int().min(1).max(24), basis }).nullable(),
  year: z.number().int().min(2000).max(2999),
  activity: range,
  enrolment: range,
  claims: range,
  inpatient: z.strictObject({
    allowancePerDayFen: fen,
    allowanceMaxDays: count,
    allowanceBasis: basis,
    subsidyPercent: z.strictObject({ employee: percent, resident: percent }),
    subsidyBasis: z.strictObject({ employee: basis, resident: basis }),
    subsidyCapFen: fen.nullable(),
    admissionBasis: basis,
    bureauClaims: z
      .strictObject({ reviewFrom: z.enum(['clerk', 'agent', 'office']), reminderDaysBefore: count, basis })
      .optional(),
  }),
  critical: z.strictObject({ severeFen: fen, mildFen: fen, basis }),
  female: z.strictObject({ fen, basis, sexBasis: basis }),
  replacement: z.strictObject({ unitTypes: z.array(unitType), maxPercent: percent, perPeriod: count, basis }),
  retiredBasis: basis,
})

type Issue = { message: string; path: (string | number)[] }

const day = (s: string) => parseDayNumber(s)

/** Fee rules must price every offered product once; shares-based rates need shares. */
function feeIssues(scheme: { products: readonly { id: Product }[]; shares: unknown }, fees: readonly z.output<typeof feeRuleSchema>[], at: (string | number)[]): Issue[] {
  const issues: Issue[] = []
  const offered = new Set(scheme.products.map((p) => p.id))
  const seen = new Set<Product>()
  fees.forEach((rule, i) => {
    if (!offered.has(rule.product)) issues.push({ path: [...at, i, 'product'], message: `方案不包含“${rule.product}”项目，不能为它定缴费标准` })
    if (seen.has(rule.product)) issues.push({ path: [...at, i, 'product'], message: `“${rule.product}”项目的缴费标准重复` })
    seen.add(rule.product)
    if (rule.per === 'share_month' && !scheme.shares) issues.push({ path: [...at, i, 'per'], message: '方案不设份额，不能按份额计费' })
  })
  for (const p of offered) if (!seen.has(p)) issues.push({ path: at, message: `缺少“${p}”项目的缴费标准` })
  return issues
}

function windowIssues(list: readonly z.output<typeof dayWindow>[], at: string): Issue[] {
  const issues: Issue[] = []
  list.forEach((w, i) => {
    if (w.toDay !== null && w.toDay < w.fromDay) issues.push({ path: [at, i, 'toDay'], message: '结束天数不能早于开始天数' })
    if (w.toDay === null && i !== list.length - 1) issues.push({ path: [at, i, 'toDay'], message: '只有最后一段可以到期末' })
    const prev = list[i - 1]
    if (prev && (prev.toDay === null || w.fromDay <= prev.toDay)) issues.push({ path: [at, i, 'fromDay'], message: '各段天数须按顺序且不重叠' })
  })
  return issues
}

function schemeIssues(s: z.output<typeof whSchema> | z.output<typeof tzSchema>): Issue[] {
  const issues: Issue[] = []
  const ids = s.products.map((p) => p.id)
  if (new Set(ids).size !== ids.length) issues.push({ path: ['products'], message: '保障项目重复' })
  for (const [product, list] of Object.entries(s.diseases)) {
    if (!ids.includes(product as Product)) issues.push({ path: ['diseases', product], message: '方案不包含该项目，不能为它列疾病' })
    const codes = new Set<string>()
    list?.forEach((d, i) => {
      if (codes.has(d.code)) issues.push({ path: ['diseases', product, i, 'code'], message: `疾病编码 ${d.code} 重复` })
      codes.add(d.code)
      if (d.mildCode && !list.some((x) => x.code === d.mildCode && x.mild)) issues.push({ path: ['diseases', product, i, 'mildCode'], message: `轻度疾病 ${d.mildCode} 不在同一清单中` })
    })
  }
  if (s.fees) issues.push(...feeIssues(s, s.fees, ['fees']))
  if (s.family === 'WH') {
    if (s.shares.min > s.shares.max) issues.push({ path: ['shares'], message: '最少份额不能大于最多份额' })
    for (const key of ['illnessFirstTime', 'illnessRenewing', 'deathFirstTime'] as const) issues.push(...windowIssues(s[key], key))
  } else {
    if (day(s.activity.from) > day(s.activity.to)) issues.push({ path: ['activity'], message: '活动期开始日期晚于结束日期' })
    if (day(s.enrolment.from) > day(s.enrolment.to)) issues.push({ path: ['enrolment'], message: '参保时间开始日期晚于结束日期' })
    if (day(s.enrolment.to) > day(s.activity.to)) issues.push({ path: ['enrolment', 'to'], message: '参保截止日期不能晚于活动期结束' })
    if (day(s.claims.from) > day(s.claims.to) || day(s.claims.to) < day(s.activity.to)) issues.push({ path: ['claims'], message: '补助申请期须覆盖到活动期结束' })
    if (Number(s.activity.from.slice(0, 4)) !== s.year) issues.push({ path: ['year'], message: '年度应与活动期开始的年份一致' })
    if (day(s.effectiveFrom) > day(s.activity.to)) issues.push({ path: ['effectiveFrom'], message: '施行日期不能晚于活动期结束' })
  }
  return issues
}

/**
 * zod schema of a scheme version (`Scheme`): the shape of every field plus the consistency checks a data file or an
 * office's edit must pass (dates in order, windows not overlapping, every offered product priced once, disease codes
 * unique, ids `wh-…` / `tz-…`).
 */
export const schemeSchema = z
  .discriminatedUnion('family', [whSchema, tzSchema], { error: '方案类别 family 应为 WH 或 TZ' })
  .superRefine((s, ctx) => {
    for (const issue of schemeIssues(s)) ctx.addIssue({ code: 'custom', ...issue })
  })

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T
type Expect<T extends true> = T
/**
 * Compile-time checks (a type error when they fail): what the schema accepts is a `Scheme`, and every `Scheme` is
 * accepted by the schema's shape — the two descriptions of a version cannot drift apart.
 */
export type SchemeSchemaChecks = [
  Expect<[z.output<typeof schemeSchema>] extends [Scheme] ? true : false>,
  Expect<[DeepMutable<Scheme>] extends [z.input<typeof schemeSchema>] ? true : false>,
]

/**
 * Parse a scheme version from untrusted data (a stored version, an office's edit).
 *
 * @example parseScheme(JSON.parse(JSON.stringify(getScheme('tz-2022')))).ok // true
 */
export function parseScheme(value: unknown): { ok: true; scheme: Scheme } | { ok: false; message: string } {
  const parsed = schemeSchema.safeParse(value)
  return parsed.success ? { ok: true, scheme: parsed.data } : { ok: false, message: formatIssues(parsed.error) }
}

/** The consistency problems of announced fee rules for a scheme (none = they can be applied). */
export function announcedFeeIssues(scheme: Scheme, fees: readonly z.output<typeof feeRuleSchema>[]): string[] {
  return feeIssues(scheme, fees, []).map((i) => i.message)
}
