import { noInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'

/** Agents a unit can be assigned to: every agent for the office, its own for an agent. */
export const listAgents = action({
  access: ['office', 'agent'],
  input: noInput,
  async run(ctx) {
    const where = ctx.caller.roles.includes('office') ? {} : { _id: ctx.caller.user?.agentId ?? '__none__' }
    const agents = await findAll<{ _id: string; name: string; region: string }>(ctx.db, 'agents', where, 5000)
    return agents.map((a) => ({ _id: a._id, name: a.name, region: a.region }))
  },
})
