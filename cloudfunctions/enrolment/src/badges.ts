import { action } from '@cloud-shared/create-main'
import { noInput } from '@mutual-aid/contracts'

/**
 * Counts for the home page's badges over the declarations in the caller's scope (clerk: their unit, agent: its units,
 * office: all), each one count() on the by_status index: returned for correction, waiting for the agent's review,
 * approved and waiting for the contribution (the clerk pays it, the office records it). A caller with no staff scope
 * counts nothing.
 */
export const badges = action({
  access: 'signed-in',
  input: noInput,
  async run(ctx) {
    const { roles, user } = ctx.caller
    const scope: Record<string, unknown> | null = roles.includes('office')
      ? {}
      : roles.includes('agent') && user?.agentId
        ? { agentId: user.agentId }
        : roles.includes('clerk') && user?.unitId
          ? { unitId: user.unitId }
          : null
    if (!scope) return { returned: 0, waitingReview: 0, awaitingPayment: 0 }
    const coll = ctx.db.collection('enrolments')
    const count = async (status: string) => (await coll.where({ status, ...scope }).count()).total as number
    const [returned, waitingReview, awaitingPayment] = await Promise.all([count('returned'), count('submitted'), count('approved')])
    return { returned, waitingReview, awaitingPayment }
  },
})
