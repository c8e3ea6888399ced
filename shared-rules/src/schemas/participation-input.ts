import { z } from 'zod'
import type { ParticipationInput } from '../participation/check-participation'
import { listSchemes } from '../schemes/registry'
import { dropNulls, resolveFamily, schemeRefSchema, unitTypeSchema } from './common'

function latestTzStart(): string | undefined {
  const tz = listSchemes().filter((s) => s.family === 'TZ')
  const last = tz[tz.length - 1]
  return last && last.family === 'TZ' ? last.activity.from : undefined
}

/**
 * zod schema of the `participation` input. `WH` resolves to `wh-2020`; `TZ` resolves from `year`
 * when given, else to the latest TZ version (participation has no date to infer one from; the
 * rule of 二2 is the same in every TZ year so far).
 */
export const participationInputSchema = z.preprocess(
  dropNulls,
  z
    .object({
      scheme: schemeRefSchema,
      year: z.number().int().optional(),
      unitType: unitTypeSchema,
      finance: z.boolean().default(false),
      staff: z.number({ error: '在职职工人数应为整数' }).int('在职职工人数应为整数').min(1, '在职职工人数至少为 1'),
      participants: z.number({ error: '参加人数应为整数' }).int('参加人数应为整数').min(0, '参加人数不能为负数'),
    })
    .transform((v, ctx): ParticipationInput => ({
      scheme: resolveFamily(v.scheme, v.year ? `${v.year}-01-01` : v.scheme === 'WH' ? '2020-01-01' : latestTzStart(), ctx),
      unitType: v.unitType,
      finance: v.finance,
      staff: v.staff,
      participants: v.participants,
    })),
)
