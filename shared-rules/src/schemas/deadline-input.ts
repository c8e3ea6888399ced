import { z } from 'zod'
import type { SchemeId } from '../types'
import { dateSchema, dropNulls, resolveFamily, schemeRefSchema } from './common'

/** Parsed `deadline` input. */
export type DeadlineInput =
  | { scheme: SchemeId; kind: 'claim'; eventDate: string }
  | { scheme: SchemeId; kind: 'review'; received: string; workingDays?: number }

/**
 * zod schema of the `deadline` input: claim deadline from the event date, or review due date from receipt. `WH`/`TZ`
 * resolves to the version whose period contains that date; a review without a scheme is a WH review.
 */
export const deadlineInputSchema = z.preprocess(
  dropNulls,
  z
    .discriminatedUnion('kind', [
      z.object({ scheme: schemeRefSchema, kind: z.literal('claim'), eventDate: dateSchema }),
      z.object({
        scheme: schemeRefSchema.default('WH'),
        kind: z.literal('review'),
        received: dateSchema,
        workingDays: z.number().int().min(1).max(365).optional(),
      }),
    ], { error: 'kind 应为 claim 或 review' })
    .transform((v, ctx): DeadlineInput =>
      v.kind === 'claim'
        ? { scheme: resolveFamily(v.scheme, v.eventDate, 'period', ctx), kind: 'claim', eventDate: v.eventDate }
        : { scheme: resolveFamily(v.scheme, v.received, 'period', ctx), kind: 'review', received: v.received, workingDays: v.workingDays },
    ),
)
