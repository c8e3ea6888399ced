import { action } from '@cloud-shared/create-main'
import { enrolmentListSchema } from '@mutual-aid/contracts'
import { countWhere, keysetPage, type SortSpec } from '@cloud-shared/keyset'
import type { EnrolmentDoc } from './model'

const LAST_CHANGED_FIRST: SortSpec = [
  ['updatedAt', 'desc'],
  ['_id', 'desc'],
]

/**
 * Declarations the caller may see: a clerk their unit's, an agent its units', the office all; last changed first,
 * one page at a time. Without a status, drafts are left out (few: a unit's unsent declaration of the period, read
 * past in the index order); a year filter is checked on the rows of the scope's order.
 */
export const list = action({
  access: ['clerk', 'agent', 'office'],
  input: enrolmentListSchema,
  async run(ctx, input) {
    const { roles, user } = ctx.caller
    const where: Record<string, unknown> = {}
    if (roles.includes('office')) {
      // everything
    } else if (roles.includes('agent')) where.agentId = user?.agentId ?? '__none__'
    else where.unitId = user?.unitId ?? '__none__'
    if (input.status) where.status = input.status
    else where.status = ctx.db.command.neq('draft')
    if (input.year) where.year = input.year
    const [total, page] = await Promise.all([
      countWhere(ctx.db, 'enrolments', where),
      keysetPage<EnrolmentDoc>(ctx.db, 'enrolments', where, LAST_CHANGED_FIRST, { cursor: input.cursor, limit: input.limit ?? 50 }),
    ])
    return {
      total,
      nextCursor: page.nextCursor,
      items: page.docs.map((e) => ({
        _id: e._id,
        unitId: e.unitId,
        unitName: e.unitName ?? '',
        family: e.family,
        schemeId: e.schemeId,
        year: e.year,
        kind: e.kind,
        status: e.status,
        participantCount: e.participantCount,
        totalFen: e.quote.totalFen,
        submittedAt: e.submittedAt ?? null,
        coverageStart: e.coverageStart ?? null,
        returnReason: e.returnReason ?? null,
        version: e.version,
      })),
    }
  },
})
