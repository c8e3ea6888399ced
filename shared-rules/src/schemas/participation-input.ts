import { z } from 'zod'
import type { ParticipationInput } from '../participation/check-participation'
import { dropNulls, resolveFamily, schemeRefSchema, unitTypeSchema } from './common'

/**
 * zod schema of the `participation` input. `WH` resolves to `wh-2020`; `TZ` needs a version
 * (give `year` or a scheme id) because participation rules belong to a year's data.
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
      scheme: resolveFamily(v.scheme, v.scheme === 'WH' ? '2020-01-01' : v.year ? `${v.year}-01-01` : undefined, ctx),
      unitType: v.unitType,
      finance: v.finance,
      staff: v.staff,
      participants: v.participants,
    })),
)
