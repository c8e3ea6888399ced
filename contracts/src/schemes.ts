/**
 * The `schemes` function (issue 14): the office runs the scheme versions — announces fees a document left to a later
 * notice (TZ 2022), derives next year's version from the previous one, edits it as a draft, previews it against the
 * documents' examples and publishes it (immutable, effective by date, audited). Everyone signed in may read the list.
 */
import { z } from 'zod'
import { feeRuleSchema, type FeeRule, type PreviewRow } from '@mutual-aid/shared-rules'
import { dateSchema, familySchema, instantSchema, noInput, schemeIdSchema, schemeRulesSchema } from './common'
import { defineFunction } from './action'
import { idRef, isCleanText, safeText, UNSAFE_TEXT_MESSAGE } from './field-bounds'

/** Where a version comes from: a data file in code, or the office's publication. */
export const versionSourceSchema = z.enum(['built_in', 'published'])
/** The fees of a version: set by its document, announced later by the office, or still to be announced. */
export const feeStateSchema = z.enum(['document', 'announced', 'pending'])

export const versionSummarySchema = z.object({
  id: schemeIdSchema,
  family: familySchema,
  name: z.string(),
  document: z.string(),
  effectiveFrom: dateSchema,
  source: versionSourceSchema,
  /** TZ: the activity year, its enrolment window and claims window; null for WH (calendar-year periods). */
  year: z.number().int().nullable(),
  activity: z.object({ from: dateSchema, to: dateSchema }).nullable(),
  enrolment: z.object({ from: dateSchema, to: dateSchema }).nullable(),
  fees: feeStateSchema,
  /** The notice that announced the fees (when announced). */
  feesNotice: z.string().nullable(),
  publishedOn: dateSchema.nullable(),
})
export type VersionSummary = z.infer<typeof versionSummarySchema>

export const schemeDraftSummarySchema = z.object({
  id: z.string(),
  targetId: schemeIdSchema,
  baseId: schemeIdSchema,
  family: familySchema,
  name: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  updatedAt: instantSchema,
  updatedByName: z.string(),
})
export type SchemeDraftSummary = z.infer<typeof schemeDraftSummarySchema>

export const schemeListSchema = z.object({
  today: dateSchema,
  versions: z.array(versionSummarySchema),
  drafts: z.array(schemeDraftSummarySchema),
  /** Stored versions or announcements that do not load, with why (office only). */
  problems: z.array(z.object({ id: z.string(), message: z.string() })),
})
export type SchemeList = z.infer<typeof schemeListSchema>

export const schemeRefInput = z.object({ schemeId: schemeIdSchema })
export const schemeDraftRefInput = z.object({ draftId: idRef('缺少草稿编号') })
export const versionedSchemeDraftInput = schemeDraftRefInput.extend({ version: z.number().int().min(1) })

export const schemeViewSchema = z.object({
  summary: versionSummarySchema,
  rules: schemeRulesSchema,
  announcement: z.object({ notice: z.string(), announcedOn: dateSchema, fees: z.array(z.custom<FeeRule>()) }).nullable(),
})
export type SchemeView = z.infer<typeof schemeViewSchema>

/** Longest text one field of a scheme version may hold (a disease definition of WH 第二十二条 is the longest). */
export const MAX_SCHEME_TEXT = 2000
/** Most values (texts, numbers, list entries) one scheme version may hold. */
const MAX_SCHEME_VALUES = 5000

/**
 * Bounds on data the office sends as a scheme version or fee rules: every text at most {@link MAX_SCHEME_TEXT}
 * characters without forbidden characters, at most 5,000 values and 8 levels deep — refused naming the field. The
 * version's rules (`schemeSchema`) are checked by the function.
 */
function checkSchemeValues(value: unknown, ctx: z.RefinementCtx): void {
  let values = 0
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (++values > MAX_SCHEME_VALUES) {
      if (values === MAX_SCHEME_VALUES + 1) ctx.addIssue({ code: 'custom', path, message: `方案数据最多 ${MAX_SCHEME_VALUES} 项` })
      return
    }
    if (path.length > 8) return ctx.addIssue({ code: 'custom', path, message: '方案数据层级过深' })
    if (typeof v === 'string') {
      if (v.length > MAX_SCHEME_TEXT) ctx.addIssue({ code: 'custom', path, message: `不能超过 ${MAX_SCHEME_TEXT} 个字` })
      else if (!isCleanText(v)) ctx.addIssue({ code: 'custom', path, message: UNSAFE_TEXT_MESSAGE })
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      if (k.length > 60 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) ctx.addIssue({ code: 'custom', path: [...path, k.slice(0, 60)], message: '字段名称格式不正确' })
      else walk(x, [...path, k])
    }
  }
  walk(value, [])
}

/** The office announces the fees of a version whose document left them to a later notice. */
export const announceFeesInput = z.object({
  schemeId: schemeIdSchema,
  fees: z.array(feeRuleSchema).min(1, '请填写缴费标准').max(10).superRefine(checkSchemeValues),
  notice: safeText(80, { min: 4, minMessage: '请填写公布缴费标准的文件名称或文号' }),
  announcedOn: dateSchema,
})
export type AnnounceFeesInput = z.infer<typeof announceFeesInput>

export const createSchemeDraftInput = z.object({
  baseId: schemeIdSchema,
  /** The year of the new version: a TZ activity year, or the year a revised WH version takes effect (1 January). */
  year: z.number().int().min(2020, '年度不正确').max(2100, '年度不正确'),
})

/** A draft's data as edited: checked by the function with the same schema as the built-in versions (`parseScheme`). */
export const saveSchemeDraftInput = versionedSchemeDraftInput.extend({ scheme: z.record(z.string(), z.unknown()).superRefine(checkSchemeValues) })

export const schemeDraftViewSchema = z.object({
  draft: schemeDraftSummarySchema.extend({ createdAt: instantSchema, publishedAt: instantSchema.nullable() }),
  /** The draft's data (always valid: a save that does not validate is refused). */
  scheme: schemeRulesSchema,
  /** The version it was copied from, as loaded. */
  base: schemeRulesSchema,
  today: dateSchema,
})
export type SchemeDraftView = z.infer<typeof schemeDraftViewSchema>

export const schemePreviewSchema = z.object({
  draftId: z.string(),
  version: z.number().int(),
  baseId: schemeIdSchema,
  targetId: schemeIdSchema,
  /** Every seed case of the family under both versions; `differs` marks a changed outcome. */
  rows: z.array(z.custom<PreviewRow>((v) => typeof v === 'object' && v !== null && 'differs' in v)),
  /** Values that differ from the base version, by path (dates, rates, amounts, list entries). */
  changes: z.array(z.object({ path: z.string(), before: z.string(), after: z.string() })),
  /** What would stop publishing now (empty = it can be published). */
  blockers: z.array(z.string()),
})
export type SchemePreview = z.infer<typeof schemePreviewSchema>

export const schemesContract = defineFunction('schemes', {
  list: { input: noInput, output: schemeListSchema },
  get: { input: schemeRefInput, output: schemeViewSchema },
  announceFees: { input: announceFeesInput, output: z.object({ schemeId: schemeIdSchema, announcedOn: dateSchema }) },
  createDraft: { input: createSchemeDraftInput, output: z.object({ draftId: z.string(), version: z.number().int() }) },
  getDraft: { input: schemeDraftRefInput, output: schemeDraftViewSchema },
  saveDraft: { input: saveSchemeDraftInput, output: z.object({ draftId: z.string(), version: z.number().int() }) },
  preview: { input: schemeDraftRefInput, output: schemePreviewSchema },
  publish: { input: versionedSchemeDraftInput, output: z.object({ schemeId: schemeIdSchema, publishedOn: dateSchema }) },
  discardDraft: { input: versionedSchemeDraftInput, output: z.object({ discarded: z.literal(true) }) },
})
