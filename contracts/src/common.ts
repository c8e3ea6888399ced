/**
 * Field schemas every contract uses. Dates and products come from the rules package (one definition, one message);
 * the rest are the app's own vocabulary on the wire.
 */
import { z } from 'zod'
import { isCleanText, UNSAFE_TEXT_MESSAGE } from './field-bounds'
import { dateSchema, isSchemeIdShape, parseResidentId, parseScheme, productSchema, unitTypeSchema, validateUscc, type Scheme, type SchemeId } from '@mutual-aid/shared-rules'

export { dateSchema, productSchema, unitTypeSchema }

export const familySchema = z.enum(['WH', 'TZ'])

/**
 * A scheme version id (`wh-2020`, `tz-2021`, a published `tz-2023`, …). Checked by its shape only: versions the office
 * publishes exist only in the functions' registry at run time, which is what decides whether an id names a version.
 */
export const schemeIdSchema = z.custom<SchemeId>((v) => isSchemeIdShape(v), '方案编号格式不正确（应形如 tz-2023）')

/**
 * A scheme version's data as a function loaded it (built-in or published, with announced fees), for the app to pass
 * to the rules (`quote`, `listDiseases`, `materialsChecklist`): checked by the same schema as the built-in data.
 */
export const schemeRulesSchema = z.custom<Scheme>((v) => parseScheme(v).ok, '方案数据格式不正确')

export const personStatusSchema = z.enum(['in_service', 'retired', 'left'])
export type PersonStatus = z.infer<typeof personStatusSchema>

export const sexSchema = z.enum(['male', 'female'])

export const medicalInsuranceSchema = z.enum(['employee', 'resident', 'none'])

/** Money entered in yuan on a form travels as integer fen. */
export const fenSchema = z.number().int('金额应精确到分').min(0, '金额不能为负数').max(100_000_000, '金额过大，请核对')

/**
 * A stored instant. The functions hold a `Date`; JSON carries it as an ISO string, which is what the app reads
 * (format it for people with `formatDateTimeCn`).
 */
export const instantSchema = z.union([z.string(), z.date()]).transform((v) => (typeof v === 'string' ? v : v.toISOString()))

export const residentIdSchema = z
  .string()
  .trim()
  .max(20, '身份证号码应为 18 位')
  .transform((s) => s.toUpperCase())
  .refine((s) => parseResidentId(s).ok, '身份证号码不正确（请核对 18 位号码和末位校验码）')

export const usccSchema = z
  .string()
  .trim()
  .max(20, '统一社会信用代码应为 18 位')
  .transform((s) => s.toUpperCase())
  .refine((s) => validateUscc(s).ok, '统一社会信用代码不正确（请核对 18 位代码和末位校验码）')

/** A page of a longer list. */
export const pageOf = <T extends z.ZodTypeAny>(item: T) => z.object({ total: z.number().int(), items: z.array(item) })

/** Most items one page of a list may carry (a function answer stays small whatever the list's length). */
export const MAX_PAGE_SIZE = 100

/**
 * What a paged list action takes besides its filters: `cursor` is the previous page's `nextCursor` (omitted for the
 * first page), `limit` the page size. Cursors are opaque to the app: the function encodes the position in its
 * indexed sort order (keyset paging), so a page costs the same however deep it is.
 */
export const pageRequestSchema = z.object({
  cursor: z.string().min(1).max(200).regex(/^[A-Za-z0-9_=+/.:-]+$/, '翻页位置无效，请刷新后重试').optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
})
export type PageRequest = z.infer<typeof pageRequestSchema>

/**
 * One page of a list: `nextCursor` is null on the last page; `total` is the exact number of items the filters select
 * (counted by the database, not by reading the list).
 */
export const cursorPageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().min(0) })
export type CursorPage<T> = { items: T[]; nextCursor: string | null; total: number }

/**
 * A stored file (a claim page, a payment receipt) against the sha-256 recorded when it was accepted as evidence:
 * unchanged, changed since, deleted, or accepted before hashes were kept.
 */
export const fileCheckSchema = z.enum(['ok', 'changed', 'missing', 'unrecorded'])
export type FileCheck = z.infer<typeof fileCheckSchema>

/** An action that takes nothing but its name. */
export const noInput = z.object({})

/** A person's or a unit's name as typed on a form. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, '请填写')
  .max(60, '过长')
  .refine((s) => isCleanText(s), UNSAFE_TEXT_MESSAGE)

/** A search box's text (names, numbers): short, one line, no forbidden character. */
export const searchSchema = z
  .string()
  .trim()
  .max(40, '搜索内容过长')
  .refine((s) => isCleanText(s), UNSAFE_TEXT_MESSAGE)

/** A mobile number or a landline with its area code. */
export const phoneSchema = z.string().trim().max(20, '电话号码过长').regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写手机号或带区号的固定电话')
