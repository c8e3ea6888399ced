import { action } from '@cloud-shared/create-main'
import { enrolmentListSchema } from '@mutual-aid/contracts'
import type { EnrolmentDoc } from './model'

/** Declarations the caller may see: a clerk their unit's, an agent its units', the office all; newest first. */
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
    const coll = ctx.db.collection('enrolments')
    const [count, page] = await Promise.all([
      coll.where(where).count(),
      coll.where(where).orderBy('updatedAt', 'desc').skip(input.skip).limit(input.limit).get(),
    ])
    return {
      total: count.total as number,
      items: (page.data as EnrolmentDoc[]).map((e) => ({
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
