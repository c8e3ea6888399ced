import { addDays, bureauClaimRules, transition } from '@mutual-aid/shared-rules'
import { audit } from '@cloud-shared/audit'
import type { ClaimDoc, HistoryEntry } from '@cloud-shared/claim-doc'
import type { HandlerContext } from '@cloud-shared/context'
import { freeStay } from '@cloud-shared/stays'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet, withoutId } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { noticeProposal } from './process'
import { loadSchemes } from '@cloud-shared/schemes'

/** Proposals looked at per tick (each tick is bounded; the next one goes on). */
const PER_TICK = 500

/**
 * A proposal not accepted by the claims cutoff lapses: its stay is freed, the history and audit say why. Inside a
 * transaction that re-reads it, so an acceptance at the same moment wins or loses cleanly.
 */
async function lapse(ctx: HandlerContext, claimId: string, today: string): Promise<boolean> {
  return runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const claim = await txGet<ClaimDoc>(tx, 'claims', claimId)
    if (!claim || claim.status !== 'proposed' || today <= claim.claimDeadline.date) return false
    const t = transition(claim.status, 'lapse', 'office')
    if (!t.ok) return false
    const now = ctx.clock.now()
    const entry: HistoryEntry = {
      at: now,
      event: 'lapse',
      from: claim.status,
      to: t.to,
      role: 'office',
      openid: ctx.caller.openid,
      name: '系统',
      note: `超过申请截止日期 ${claim.claimDeadline.date}（${claim.claimDeadline.basis}）未确认，已失效`,
    }
    const after = { ...claim, status: t.to, history: [...claim.history, entry], version: claim.version + 1, updatedAt: now }
    await tx.collection('claims').doc(claimId).set({ data: withoutId(after) })
    await freeStay(ctx, tx, claim.participationId, claimId)
    await audit(ctx, { action: 'claim.lapse', entity: 'claim', entityId: claimId, before: { status: claim.status, version: claim.version }, after: { status: t.to, version: after.version } }, tx)
    return true
  })
}

/**
 * The timer's pass over proposals: those past the claims cutoff lapse; those within the scheme's reminder window get
 * one reminder (its notice id is fixed, so repeated ticks remind once).
 */
export async function expireAndRemind(ctx: HandlerContext, started: number, budgetMs: number): Promise<{ lapsed: number; reminded: number }> {
  const today = ctx.clock.today()
  const res = await ctx.db.collection('claims').where({ status: 'proposed' }).orderBy('_id', 'asc').limit(PER_TICK).get()
  let lapsed = 0
  let reminded = 0
  // Each proposal's reminder window is its own version's (a published TZ version may set its own).
  const schemes = res.data.length ? await loadSchemes(ctx.db) : null
  for (const claim of res.data as ClaimDoc[]) {
    if (Date.now() - started > budgetMs) break
    if (today > claim.claimDeadline.date) {
      if (await lapse(ctx, claim._id, today)) lapsed++
      continue
    }
    const rules = bureauClaimRules(schemes!.get(claim.schemeId))
    if (rules && today >= addDays(claim.claimDeadline.date, -rules.reminderDaysBefore)) {
      await noticeProposal(ctx, claim, true)
      reminded++
    }
  }
  return { lapsed, reminded }
}
