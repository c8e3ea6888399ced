import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { countWhere, keysetPage, prefixOf, type SortSpec } from '@cloud-shared/keyset'
import { unitListSchema } from '@mutual-aid/contracts'
import type { UnitDoc } from '@cloud-shared/documents'

const NEWEST_FIRST: SortSpec = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
]
const BY_NAME: SortSpec = [
  ['name', 'asc'],
  ['_id', 'asc'],
]

/**
 * Units the caller may see (office: all; agent: its own), newest first, or by name when searched by a name's
 * beginning; one page at a time. Late changes are flagged.
 */
export const list = action({
  access: ['office', 'agent'],
  input: unitListSchema,
  async run(ctx, input) {
    const { roles, user } = ctx.caller
    let where: Record<string, unknown> = {}
    let also: Record<string, unknown>[] = []
    if (!roles.includes('office')) where.agentId = user?.agentId ?? '__none__'
    if (input.query) {
      const prefix = prefixOf(ctx.db, 'name', input.query)
      where = { ...where, ...prefix.where }
      also = prefix.also
    }
    const [total, page] = await Promise.all([
      countWhere(ctx.db, 'units', where, also),
      keysetPage<UnitDoc>(ctx.db, 'units', where, input.query ? BY_NAME : NEWEST_FIRST, { cursor: input.cursor, limit: input.limit ?? 20, also }),
    ])
    const units = page.docs
    const agentIds = [...new Set(units.map((u) => u.agentId))]
    const agents = agentIds.length ? await findAll<{ _id: string; name: string }>(ctx.db, 'agents', { _id: ctx.db.command.in(agentIds) }, 100) : []
    const agentName = new Map(agents.map((a) => [a._id, a.name]))
    return {
      total,
      nextCursor: page.nextCursor,
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
