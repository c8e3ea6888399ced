import { z } from 'zod'
import { isValidDate } from '../dates/is-valid-date'
import { SCHEME_IDS, schemeForPeriod } from '../schemes/registry'
import type { Family, SchemeId, UnitType } from '../types'
import { EXCLUSIONS, UNIT_TYPES } from '../types'

/** `YYYY-MM-DD` calendar date (China Standard Time calendar day). */
export const dateSchema = z.string({ error: '应为日期文本，格式 YYYY-MM-DD' }).refine(isValidDate, { message: '应为有效日期，格式 YYYY-MM-DD' })

/** A scheme id, or a family (`WH`/`TZ`, any case) whose version is inferred from a date. */
export const schemeRefSchema = z.union([
  z.enum(SCHEME_IDS as [SchemeId, ...SchemeId[]]),
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

/** Resolve `WH`/`TZ` to a scheme id from a date's year; adds an issue when impossible. */
export function resolveFamily(
  ref: SchemeId | Family,
  date: string | undefined,
  ctx: { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void },
): SchemeId {
  if (ref !== 'WH' && ref !== 'TZ') return ref
  const year = date && isValidDate(date) ? Number(date.slice(0, 4)) : NaN
  const scheme = Number.isNaN(year) ? undefined : schemeForPeriod(ref, year)
  if (!scheme) {
    ctx.addIssue({ code: 'custom', path: ['scheme'], message: `无法确定 ${ref} 方案的版本，请写明方案编号（${SCHEME_IDS.join('、')}）` })
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
