import { addWorkingDays, levelFor, type ReviewLevel } from '@mutual-aid/shared-rules'
import type { UserDoc } from '@cloud-shared/context'
import { AWAITING_REVIEW, claimLevelReminders, reviewDueReminders, reviewersAt, type ClaimForReminders } from '@cloud-shared/claim-reminders'
import type { Reminder } from '@cloud-shared/remind'
import type { SchemeId } from '@mutual-aid/shared-rules'
import { pageAfter } from '../scan'
import type { Task } from '../tick'

/** Working days before the 第十九条 due date at which the reviewers are reminded that it is near. */
export const DUE_SOON_WORKING_DAYS = 5

/**
 * Claims waiting for a review level: the reviewers of that level hear that it reached them (the claims function tells
 * this at the moment it happens; a notice it could not write is told here, once), and — where the claim's version
 * sets a review limit (WH 第十九条; TZ sets none) — that its due date is near, and that it has passed.
 */
export const claimsTask: Task = {
  name: 'claims',
  async page(tick, cursor) {
    const { ctx, today } = tick
    const _ = ctx.db.command
    const { docs, next } = await pageAfter<ClaimForReminders & { schemeId: SchemeId }>(ctx.db, 'claims', { status: _.in([...AWAITING_REVIEW]) }, cursor)
    const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS)
    const reviewers = new Map<string, UserDoc[]>()
    const reminders: Reminder[] = []
    for (const claim of docs) {
      const level = levelFor(claim.status) as ReviewLevel
      const key = `${level}:${level === 'clerk' ? claim.unitId : level === 'agent' ? claim.agentId : ''}:${claim.filedBy.openid}:${claim.personOpenid ?? ''}`
      let who = reviewers.get(key)
      if (!who) reviewers.set(key, (who = await reviewersAt(ctx.db, level, claim)))
      reminders.push(...claimLevelReminders(claim, who))
      const version = tick.schemes.registry.find(claim.schemeId)
      if (level === 'office' && claim.dueDate && version?.review && claim.dueDate <= soon) {
        reminders.push(...reviewDueReminders(claim, who, claim.dueDate < today))
      }
    }
    return { next, finished: await tick.tell(reminders) }
  },
}
