import { claimDeadline, daysBetween } from '@mutual-aid/shared-rules'
import { wxDate, wxThing } from '@mutual-aid/contracts'
import type { ParticipationDoc } from '@cloud-shared/documents'
import type { Reminder } from '@cloud-shared/remind'
import { findIn, pageAfter } from '../scan'
import type { Task } from '../tick'

/** Calendar days before the claim deadline at which an unsubmitted draft's filer is reminded. */
export const DRAFT_DAYS_BEFORE = 15

interface DraftForReminders {
  _id: string
  openid: string
  participationId: string
  kind: string
  facts: { eventDate?: string; admission?: string }
}

/**
 * Drafts never submitted whose claim deadline is near — WH 第十八条 (120 days after the diagnosis or death) or the TZ
 * claims cutoff — under the participation's own version: the filer is reminded once, 15 days before at the latest.
 */
export const draftsTask: Task = {
  name: 'drafts',
  async page(tick, cursor) {
    const { ctx, today } = tick
    const _ = ctx.db.command
    const { docs, next } = await pageAfter<DraftForReminders>(ctx.db, 'claimDrafts', { claimId: _.exists(false) }, cursor)
    const parts = new Map((await findIn<ParticipationDoc>(ctx.db, 'participations', '_id', docs.map((d) => d.participationId))).map((p) => [p._id, p]))
    const reminders: Reminder[] = []
    for (const d of docs) {
      const event = d.kind === 'inpatient' ? d.facts?.admission : d.facts?.eventDate
      const p = parts.get(d.participationId)
      const scheme = p && tick.schemes.registry.find(p.schemeId)
      if (!event || !scheme || event > today) continue
      const deadline = claimDeadline(scheme, event)
      const left = daysBetween(today, deadline.date)
      if (left < 0 || left > DRAFT_DAYS_BEFORE) continue
      reminders.push({
        id: `draft_deadline:${d._id}`,
        kind: 'draft_deadline',
        openid: d.openid,
        template: 'claimDraftDeadline',
        title: `互助金申请还没有提交，最后一天是 ${deadline.date}`,
        body: `您有一份互助金申请尚未提交。申请期限至 ${deadline.date}（${deadline.basis}），逾期将不予受理。请打开申请补全材料后提交。`,
        page: `packages/claims/new/index?draftId=${d._id}`,
        fields: { thing1: wxThing('互助金申请尚未提交'), date2: wxDate(deadline.date), thing3: wxThing('请补全材料后及时提交') },
        ref: { entity: 'claimDraft', id: d._id },
      })
    }
    return { next, finished: await tick.tell(reminders) }
  },
}
