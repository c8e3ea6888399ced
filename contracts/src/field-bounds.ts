/**
 * Bounds for every field a request may carry into storage: a length, a character class, and for records and lists a
 * count. A function parses its input with these schemas before anything is read or written, so an oversized or
 * poisoned value is refused as INVALID_INPUT naming the field, and nothing is stored.
 */
import { z } from 'zod'

/**
 * Characters no stored text may hold: NUL and the other C0/C1 control characters (except tab and line breaks, which
 * multi-line notes use), DEL, the Unicode bidirectional overrides and isolates (U+202A–202E, U+2066–2069, and the
 * marks U+200E/200F/061C — "Trojan Source": they make a note or a file name read differently from what it is), the
 * line/paragraph separators and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/

/** Line breaks and tabs, which only multi-line text may hold. */
const LINE_BREAKS = /[\t\n\r]/

/** Whether `s` holds no forbidden character (and, unless `multiline`, no line break). */
export function isCleanText(s: string, multiline = false): boolean {
  return !FORBIDDEN_CHARACTERS.test(s) && (multiline || !LINE_BREAKS.test(s))
}

export const UNSAFE_TEXT_MESSAGE = '含有不允许的字符（控制字符、文字方向控制符或换行），请删除后重新输入'

/**
 * Free text a person types (a name, a note, a hospital): trimmed, at most `max` characters, no forbidden character.
 * `min` counts after trimming.
 */
export function safeText(max: number, options: { min?: number; minMessage?: string; multiline?: boolean } = {}) {
  const base = z.string().trim()
  const sized = options.min ? base.min(options.min, options.minMessage ?? '请填写') : base
  return sized.max(max, `不能超过 ${max} 个字`).refine((s) => isCleanText(s, options.multiline), UNSAFE_TEXT_MESSAGE)
}

/** Longest id of a stored document the app may name (`claim-WH2021-000123`, 32-hex ids, `unit-…-p001`). */
export const MAX_ID_LENGTH = 100

/**
 * The id of a stored document, as the app got it from a function: letters, digits, `-` and `_` only. `emptyMessage`
 * is what a form shows when nothing was chosen.
 */
export const idRef = (emptyMessage = '缺少编号') =>
  z
    .string()
    .min(1, emptyMessage)
    .max(MAX_ID_LENGTH, '编号过长')
    .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确，请刷新后重试')

export const idSchema = idRef()

/** Longest cloud-storage fileID accepted (`cloud://<env>.<bucket>/<path>`; CloudBase paths are far shorter). */
export const MAX_FILE_ID_LENGTH = 300

/**
 * A cloud-storage fileID as `wx.cloud.uploadFile` answers it: `cloud://<env>.<bucket>/<path>` with a path of letters,
 * digits, `-`, `_`, `.` and `/` (the app names every upload itself), no empty, `.` or `..` segment.
 */
export const fileIdSchema = z
  .string()
  .max(MAX_FILE_ID_LENGTH, '文件标识过长')
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9_./-]+$/, '文件标识格式不正确，请重新上传')
  .refine((id) => !id.slice('cloud://'.length).split('/').slice(1).some((part) => part === '' || part === '.' || part === '..'), '文件标识格式不正确，请重新上传')

/** Cloud path inside a fileID (`claims/<draftId>/<item>/<name>`), or null for something that is not a fileID. */
export function cloudPathOf(fileID: string): string | null {
  if (!fileID.startsWith('cloud://')) return null
  const slash = fileID.indexOf('/', 'cloud://'.length)
  return slash < 0 ? null : fileID.slice(slash + 1)
}

/**
 * A record whose keys match `key` and number at most `maxKeys`. The count is checked first, so an object with 60,000
 * keys is refused at once instead of having every entry parsed.
 */
export function boundedRecord<K extends z.ZodType<string, string>, V extends z.ZodTypeAny>(key: K, value: V, maxKeys: number, what: string): z.ZodRecord<K, V> {
  const counted = z.custom<unknown>((r) => typeof r !== 'object' || r === null || Object.keys(r).length <= maxKeys, `${what}最多 ${maxKeys} 项`)
  const record = z.record(key, value, { error: (issue) => (issue.code === 'invalid_key' ? `${what}名称格式不正确` : undefined) })
  // Typed as the record it becomes: the count check only refuses, it never changes the value.
  return counted.pipe(record) as unknown as z.ZodRecord<K, V>
}
