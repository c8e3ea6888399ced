import { noInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'

/** The caller's identity as the app needs it to choose a home page. Works for unbound WeChat users too. */
export const whoami = action({
  access: 'signed-in',
  input: noInput,
  async run(ctx) {
    const { user, roles, openid } = ctx.caller
    const person = user?.personId ? await findById<{ name: string; unitId: string }>(ctx.db, 'people', user.personId) : null
    // A clerk's unit is on the user; a worker's is their roster person's.
    const unitId = user?.unitId ?? person?.unitId
    const [unit, agent] = await Promise.all([
      unitId ? findById<{ name: string }>(ctx.db, 'units', unitId) : null,
      user?.agentId ? findById<{ name: string }>(ctx.db, 'agents', user.agentId) : null,
    ])
    return {
      openid,
      role: roles[0] ?? null,
      roles,
      name: user?.name ?? person?.name ?? '',
      unitId,
      unitName: unit?.name,
      agentId: user?.agentId,
      agentName: agent?.name,
      personId: user?.personId,
      personName: person?.name,
    }
  },
})
