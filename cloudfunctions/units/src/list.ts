import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { escapeRegExp } from '@cloud-shared/escape-regexp'
import { unitListSchema } from '@mutual-aid/contracts'
import type { UnitDoc } from '@cloud-shared/documents'

/** Units the caller may see (office: all; agent: its own), searchable by name, paged. Late changes are flagged. */
export const list = action({
  access: ['office', 'agent'],
  input: unitListSchema,
  async run(ctx, input) {
    const { roles, user } = ctx.caller
    const where: Record<string, unknown> = {}
    if (!roles.includes('office')) where.agentId = user?.agentId ?? '__none__'
    if (input.query) where.name = ctx.db.RegExp({ regexp: escapeRegExp(input.query), options: 'i' })
    const coll = ctx.db.collection('units')
    const [count, page] = await Promise.all([
      coll.where(where).count(),
      coll.where(where).orderBy('createdAt', 'desc').skip(input.skip).limit(input.limit).get(),
    ])
    const units = page.data as UnitDoc[]
    const agentIds = [...new Set(units.map((u) => u.agentId))]
    const agents = agentIds.length ? await findAll<{ _id: string; name: string }>(ctx.db, 'agents', { _id: ctx.db.command.in(agentIds) }) : []
    const agentName = new Map(agents.map((a) => [a._id, a.name]))
    return {
      total: count.total as number,
      items: units.map((u) => ({
        _id: u._id,
        name: u.name,
        uscc: u.uscc,
        unitType: u.unitType,
        finance: u.finance,
        family: u.family,
        agentId: u.agentId,
        agentName: agentName.get(u.agentId) ?? '',
        contactName: u.contactName,
        contactPhone: u.contactPhone,
        lateChange: u.lastChange?.late ?? false,
      })),
    }
  },
})
