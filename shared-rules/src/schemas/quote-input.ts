import { z } from 'zod'
import type { QuoteInput } from '../fees/quote'
import { dateSchema, dropNulls, productSchema, resolveFamily, schemeRefSchema, sexSchema, unitTypeSchema } from './common'

/**
 * zod schema of the `quote` input. `WH`/`TZ` resolves from the coverage start as an enrolment date: the version whose
 * enrolment window contains it, else the one whose period does (`TZ` + 2021-11-02 → `tz-2022`).
 */
export const quoteInputSchema = z.preprocess(
  dropNulls,
  z
    .object({
      scheme: schemeRefSchema,
      unitType: unitTypeSchema,
      finance: z.boolean().default(false),
      coverageStart: dateSchema,
      shares: z.number().int('份额应为整数').min(1, '份额至少 1 份').max(3, '份额最多 3 份').optional(),
      products: z.array(productSchema).default([]),
      participants: z.array(z.object({ firstTime: z.boolean().default(false), sex: sexSchema.optional() })),
    })
    .transform((v, ctx): QuoteInput => {
      if (v.products.includes('female')) {
        v.participants.forEach((p, index) => {
          if (!p.sex) ctx.addIssue({ code: 'custom', path: ['participants', index, 'sex'], message: '参加女职工特殊病项目时须写明每位参加人的性别' })
        })
      }
      return {
        scheme: resolveFamily(v.scheme, v.coverageStart, 'enrolment', ctx),
        unitType: v.unitType,
        finance: v.finance,
        coverageStart: v.coverageStart,
        shares: v.shares,
        products: v.products,
        participants: v.participants.map((p) => ({ firstTime: p.firstTime, sex: p.sex ?? 'male' })),
      }
    }),
)
