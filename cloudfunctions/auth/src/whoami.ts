import { z } from 'zod'
import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'

/** The caller's identity as the app needs it to choose a home page. Works for unbound WeChat users too. */
export const whoami = action({
  access: 'signed-in',
  input: z.object({}),
  async run(ctx) {
    const { user, roles, openid } = ctx.caller
    const [unit, agent, person] = await Promise.all([
      user?.unitId ? findById<{ name: string }>(ctx.db, 'units', user.unitId) : null,
      user?.agentId ? findById<{ name: string }>(ctx.db, 'agents', user.agentId) : null,
      user?.personId ? findById<{ name: string; unitId: string }>(ctx.db, 'people', user.personId) : null,
    ])
    return {
      openid,
      role: roles[0] ?? null,
      roles,
      name: user?.name ?? person?.name ?? '',
      unitId: user?.unitId ?? person?.unitId,
      unitName: unit?.name,
      agentId: user?.agentId,
      agentName: agent?.name,
      personId: user?.personId,
      personName: person?.name,
    }
  },
})
