import type { ReportInput } from '@mutual-aid/contracts'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import type { UnitDoc } from '@cloud-shared/documents'
import { forbidden, notFound } from '@cloud-shared/errors'

/** Whose figures a report covers, decided from the trusted OPENID: the office any scope, an agent its own units. */
export interface ReportScope {
  agent: { id: string; name: string } | null
  unit: { id: string; name: string } | null
  /** The units the figures are limited to; null = the whole scheme (office only). */
  unitIds: string[] | null
  /** Names of the units in scope, for the breakdown by unit (agent or unit scope). */
  units: Pick<UnitDoc, '_id' | 'name' | 'agentId'>[]
}

/** Most units one agent's report lists (a district or sector union has a few hundred). */
const MAX_UNITS = 5000

export async function reportScope(ctx: HandlerContext, input: Pick<ReportInput, 'agentId' | 'unitId'>): Promise<ReportScope> {
  const { roles, user } = ctx.caller
  const office = roles.includes('office')
  let agentId = input.agentId ?? null
  if (!office) {
    // An agent sees its own units only; naming another agent is refused, not silently narrowed.
    const own = user?.agentId
    if (!roles.includes('agent') || !own) throw forbidden('只有互助办和代理单位可以查看基金报表。')
    if (agentId && agentId !== own) throw forbidden('您只能查看本代理单位所辖单位的报表。')
    agentId = own
  }
  const agentDoc = agentId ? await findById<{ _id: string; name: string }>(ctx.db, 'agents', agentId) : null
  if (agentId && !agentDoc) throw notFound('该代理单位')
  const agent = agentDoc ? { id: agentDoc._id, name: agentDoc.name } : null
  if (input.unitId) {
    const unit = await findById<UnitDoc>(ctx.db, 'units', input.unitId)
    if (!unit) throw notFound('该单位')
    if (agentId && unit.agentId !== agentId) {
      throw office ? notFound('该代理单位下的这个单位') : forbidden('您只能查看本代理单位所辖单位的报表。')
    }
    const unitAgent = agentDoc ?? (await findById<{ _id: string; name: string }>(ctx.db, 'agents', unit.agentId))
    return {
      agent: unitAgent ? { id: unitAgent._id, name: unitAgent.name } : null,
      unit: { id: unit._id, name: unit.name },
      unitIds: [unit._id],
      units: [unit],
    }
  }
  if (!agentId) return { agent: null, unit: null, unitIds: null, units: [] }
  const units = await findAll<UnitDoc>(ctx.db, 'units', { agentId }, MAX_UNITS)
  return { agent, unit: null, unitIds: units.map((u) => u._id), units }
}
