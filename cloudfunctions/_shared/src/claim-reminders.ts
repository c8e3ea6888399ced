import { wxDate, type ReminderKind } from '@mutual-aid/contracts'
import { LEVEL_LABEL, levelFor, type ClaimStatus, type ReviewLevel } from '@mutual-aid/shared-rules'
import type { HandlerContext, UserDoc } from './context'
import { findAll } from './db'
import { remindOnce, type Reminder } from './remind'
import type { SdkHandle } from './sdk'

/** What a reviewer reminder reads of a claim (the claims function's `ClaimDoc` has these fields). */
export interface ClaimForReminders {
  _id: string
  claimNo: string
  version: number
  status: ClaimStatus
  unitId: string
  agentId: string
  unitName: string
  submittedOn: string
  dueDate: string | null
  filedBy: { openid: string }
  personOpenid: string | null
}

/** Claim statuses in which a review level is waiting. */
export const AWAITING_REVIEW: readonly ClaimStatus[] = ['submitted', 'clerk_confirmed', 'agent_confirmed']

const WAITING_FOR: Record<ReviewLevel, string> = {
  clerk: '互助金申请待单位确认',
  agent: '互助金申请待代理单位确认',
  office: '互助金申请待互助办审批',
}

/**
 * The staff who review a claim at `level`: the clerks of its unit, the agent's users, or the office — never anyone
 * who filed it or is its participant (nobody reviews their own claim).
 */
export async function reviewersAt(db: SdkHandle, level: ReviewLevel, claim: Pick<ClaimForReminders, 'unitId' | 'agentId' | 'filedBy' | 'personOpenid'>): Promise<UserDoc[]> {
  const where = level === 'clerk' ? { role: 'clerk', unitId: claim.unitId } : level === 'agent' ? { role: 'agent', agentId: claim.agentId } : { role: 'office' }
  const users = await findAll<UserDoc>(db, 'users', where, 1000)
  return users.filter((u) => u._id !== claim.filedBy.openid && u._id !== claim.personOpenid)
}

const page = (claim: ClaimForReminders) => `packages/claims/detail/index?id=${claim._id}`

/**
 * The reminders that a claim reached a review level (an event: submitted, confirmed, resubmitted), one per reviewer.
 * The id names the claim's version, so the same arrival is told once, and a later arrival (after a return) again.
 */
export function claimLevelReminders(claim: ClaimForReminders, reviewers: readonly UserDoc[]): Reminder<'reviewPending'>[] {
  const level = levelFor(claim.status)
  if (!level) return []
  return reviewers.map((u) => ({
    id: `claim_level:${claim._id}:v${claim.version}:${u._id}`,
    kind: 'claim_level' as ReminderKind,
    openid: u._id,
    template: 'reviewPending' as const,
    title: `互助金申请 ${claim.claimNo} 待${LEVEL_LABEL[level]}审核`,
    body: `${claim.unitName}的互助金申请 ${claim.claimNo} 已到${LEVEL_LABEL[level]}环节，请打开申请核对材料后办理。`,
    page: page(claim),
    fields: { character_string1: claim.claimNo, thing2: WAITING_FOR[level], date3: wxDate(claim.submittedOn) },
    ref: { entity: 'claim', id: claim._id },
  }))
}

/**
 * The reminders about a claim's 第十九条 due date to the reviewers of its level: once when it is near (`review_due`),
 * once when it has passed (`review_overdue`).
 */
export function reviewDueReminders(claim: ClaimForReminders, reviewers: readonly UserDoc[], overdue: boolean): Reminder<'reviewDue'>[] {
  if (!claim.dueDate) return []
  const kind: ReminderKind = overdue ? 'review_overdue' : 'review_due'
  const due = claim.dueDate
  return reviewers.map((u) => ({
    id: `${kind}:${claim._id}:${u._id}`,
    kind,
    openid: u._id,
    template: 'reviewDue' as const,
    title: overdue ? `互助金申请 ${claim.claimNo} 已超过审核期限` : `互助金申请 ${claim.claimNo} 审核期限将至`,
    body: overdue
      ? `互助金申请 ${claim.claimNo}（${claim.unitName}）应于 ${due} 前作出审批结论（第十九条：材料齐全后 30 个工作日内），现已超期，请尽快办理。`
      : `互助金申请 ${claim.claimNo}（${claim.unitName}）应于 ${due} 前作出审批结论（第十九条），请及时办理。`,
    page: page(claim),
    fields: { character_string1: claim.claimNo, date2: wxDate(due), phrase3: overdue ? '已超期' : '即将到期' },
    ref: { entity: 'claim', id: claim._id },
  }))
}

/**
 * Tells the reviewers of the level a claim has just reached — at the moment it does (after submit, a confirmation,
 * a resubmission). Never fails the action that moved the claim: a reminder that could not be written is logged, and
 * the reminders timer tells it on its next tick (same id, so still once).
 */
export async function remindClaimLevel(ctx: HandlerContext, claim: ClaimForReminders): Promise<void> {
  const level = levelFor(claim.status)
  if (!level) return
  try {
    for (const r of claimLevelReminders(claim, await reviewersAt(ctx.db, level, claim))) await remindOnce(ctx, r)
  } catch (err) {
    console.error(`[remind] claim ${claim._id} reached ${level}; its reviewers will be told by the next timer tick:`, err)
  }
}
