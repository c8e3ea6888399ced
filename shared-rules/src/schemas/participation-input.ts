import { z } from 'zod'
import type { ParticipationInput } from '../participation/check-participation'
import { dropNulls, resolveFamilyForYear, schemeRefSchema, unitTypeSchema } from './common'

/**
 * zod schema of the `participation` input. `WH`/`TZ` resolves from `year` when given (the version of that period),
 * else to the family's newest version (participation has no date to infer one from; the rules of 第四条 and 二2 are
 * the same in every version so far).
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
      scheme: resolveFamilyForYear(v.scheme, v.year, ctx),
      unitType: v.unitType,
      finance: v.finance,
      staff: v.staff,
      participants: v.participants,
    })),
)
