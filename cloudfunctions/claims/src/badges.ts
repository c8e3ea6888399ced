import { action } from '@cloud-shared/create-main'
import { noInput } from '@mutual-aid/contracts'
import { statusAwaiting, type ReviewLevel } from '@mutual-aid/shared-rules'

/**
 * Counts for the home page's badges, each one count() on an indexed status (by_status: status, dueDate):
 * - returned: the caller's claims (filed by them, or for their roster person) sent back for more material;
 * - waiting: claims at the caller's review level in their scope, not filed by the caller (nobody reviews their own).
 */
export const badges = action({
  access: 'signed-in',
  input: noInput,
  async run(ctx) {
    const _ = ctx.db.command
    const coll = ctx.db.collection('claims')
    const { openid, roles, user } = ctx.caller
    const personId = roles.includes('worker') ? user?.personId : undefined
    const mine = personId ? _.or([{ 'filedBy.openid': openid }, { personId }]) : { 'filedBy.openid': openid }

    // The highest staff level the caller holds is the queue their home points to (roles.ts: 待确认申请 / 互助金审批).
    const level: ReviewLevel | null = roles.includes('office')
      ? 'office'
      : roles.includes('agent') && user?.agentId
        ? 'agent'
        : roles.includes('clerk') && user?.unitId
          ? 'clerk'
          : null
    const scope = level === 'agent' ? { agentId: user?.agentId } : level === 'clerk' ? { unitId: user?.unitId } : {}

    const [returned, waiting] = await Promise.all([
      coll.where(_.and([{ status: 'returned' }, mine])).count(),
      level
        ? coll.where({ status: statusAwaiting(level), ...scope, 'filedBy.openid': _.neq(openid) }).count()
        : Promise.resolve({ total: 0 }),
    ])
    return { returned: returned.total as number, waiting: waiting.total as number }
  },
})
