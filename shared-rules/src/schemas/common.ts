import { z } from 'zod'
import { isValidDate } from '../dates/is-valid-date'
import { BUILT_IN_REGISTRY, SCHEME_IDS, schemeOn, type SchemeDateUse } from '../schemes/registry'
import type { Family, SchemeId, UnitType } from '../types'
import { EXCLUSIONS, UNIT_TYPES } from '../types'

/** `YYYY-MM-DD` calendar date (China Standard Time calendar day). */
export const dateSchema = z.string({ error: '应为日期文本，格式 YYYY-MM-DD' }).refine(isValidDate, { message: '应为有效日期，格式 YYYY-MM-DD' })

/** A scheme id, or a family (`WH`/`TZ`, any case) whose version is inferred from a date. */
export const schemeRefSchema = z.union([
  z.enum(SCHEME_IDS as unknown as [SchemeId, ...SchemeId[]]),
  z.string().transform((s, ctx) => {
    const family = s.trim().toUpperCase()
    if (family === 'WH' || family === 'TZ') return family as Family
    ctx.addIssue({ code: 'custom', message: `未知的方案“${s}”，应为 ${SCHEME_IDS.join('、')} 或 WH、TZ` })
    return z.NEVER
  }),
], { error: `方案应为 ${SCHEME_IDS.join('、')} 或 WH、TZ` })

export const unitTypeSchema = z.enum(UNIT_TYPES as unknown as [UnitType, ...UnitType[]], {
  error: `单位类型应为 ${UNIT_TYPES.join('、')} 之一`,
})

export const productSchema = z.enum(['critical', 'inpatient', 'female'], { error: '保障项目应为 critical、inpatient、female 之一' })
export const sexSchema = z.enum(['male', 'female'], { error: '性别应为 male 或 female' })
export const exclusionSchema = z.enum(EXCLUSIONS as unknown as [string, ...string[]], {
  error: `除外情形应为 ${EXCLUSIONS.join('、')} 之一`,
}) as unknown as z.ZodType<(typeof EXCLUSIONS)[number]>

type IssueSink = { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void }

/**
 * Resolve `WH`/`TZ` plus a date to a scheme id: the version whose period contains the date, or — for an enrolment
 * date (`use: 'enrolment'`) — first the version whose enrolment window contains it ({@link schemeOn}). Adds an issue
 * when no version fits.
 *
 * @example `{ scheme: 'TZ', coverageStart: '2021-11-02' }` in a quote → `tz-2022` (its window is open, 2021's closed)
 */
export function resolveFamily(ref: SchemeId | Family, date: string | undefined, use: SchemeDateUse, ctx: IssueSink): SchemeId {
  if (ref !== 'WH' && ref !== 'TZ') return ref
  const valid = date !== undefined && isValidDate(date)
  const scheme = valid ? schemeOn(ref, date, use) : undefined
  if (!scheme) {
    const where = use === 'enrolment' ? '参保时间或保障期' : '保障期'
    ctx.addIssue({
      code: 'custom',
      path: ['scheme'],
      message: valid
        ? `${date} 不在 ${ref} 任何版本的${where}内，无法确定方案版本，请写明方案编号（${SCHEME_IDS.join('、')}）`
        : `无法确定 ${ref} 方案的版本，请写明方案编号（${SCHEME_IDS.join('、')}）`,
    })
    return SCHEME_IDS[0]
  }
  return scheme.id
}

/** Resolve `WH`/`TZ` to the version of a period year, or to the newest version when no year is given. */
export function resolveFamilyForYear(ref: SchemeId | Family, year: number | undefined, ctx: IssueSink): SchemeId {
  if (ref !== 'WH' && ref !== 'TZ') return ref
  const scheme = year === undefined ? BUILT_IN_REGISTRY.latest(ref) : BUILT_IN_REGISTRY.forYear(ref, year)
  if (!scheme) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: `${ref} 方案没有 ${year} 年度的版本，请写明方案编号（${SCHEME_IDS.join('、')}）` })
    return SCHEME_IDS[0]
  }
  return scheme.id
}

/** Remove `null` values from plain objects (JSON forms often send `null` for "not given"). */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v)
  return out
}

/**
 * One Chinese sentence from a zod error, naming the field, e.g.
 * `participant.coverageStart：应为有效日期，格式 YYYY-MM-DD`.
 */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.join('.')
      let message = issue.message
      // zod's own messages are English; ours (set in the schemas) are Chinese and kept as they are.
      if (/^[\x20-\x7E]*$/.test(message)) {
        if (issue.code === 'invalid_type') message = /received undefined/.test(message) ? '缺少此项' : `类型不正确，应为 ${issue.expected}`
        else if (issue.code === 'too_small') message = `不能小于 ${String(issue.minimum)}`
        else if (issue.code === 'too_big') message = `不能大于 ${String(issue.maximum)}`
        else if (issue.code === 'unrecognized_keys') message = `不认识的字段 ${issue.keys.join('、')}`
        else message = `取值不正确（${message}）`
      }
      return path ? `${path}：${message}` : message
    })
    .join('；')
}
