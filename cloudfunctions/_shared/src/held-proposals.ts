import { transition, type Scheme } from '@mutual-aid/shared-rules'
import { audit } from './audit'
import { assessClaim } from './claim-assessment'
import type { ClaimDoc, HistoryEntry } from './claim-doc'
import type { HandlerContext } from './context'
import { findAll } from './db'
import type { ParticipationDoc, StayEntry } from './documents'
import type { Notice } from './notify'
import { proposalNotice } from './proposal-notice'
import type { SdkHandle } from './sdk'
import { runInTransaction } from './transaction'
import { deliver, enqueueInTx } from './outbox'
import { openAllowanceDays, overlappingStay, setStays, txStays, withoutStay } from './stays'
import { txGet, withoutId } from './tx'

/**
 * A proposal from the bureau's settlement data starts `held` when a claim filed by hand already covers the same stay
 * (`linkedClaimId`): that claim is paid instead, never both. When the claim filed by hand ends without payment (the
 * office rejects it, or its filer or participant withdraws it), the held proposal is released — back to `proposed`, its stay registered, assessed again on the
 * participation as it now stands, the participant told — in the same transaction as the rejection (or withdrawal), so no crash leaves
 * the stay free with its proposal still held.
 */

/** The proposals a claim filed by hand holds back. Read before the transaction (it reads single documents only). */
export async function heldProposalsOf(ctx: HandlerContext, claimId: string): Promise<string[]> {
  const held = await findAll<{ _id: string }>(ctx.db, 'claims', { linkedClaimId: claimId, status: 'held' }, 100)
  return held.map((c) => c._id)
}

/** How the claim filed by hand ended without payment: the office rejected it, or its filer or participant withdrew it. */
export type EndedBy = 'rejected' | 'withdrawn'

const ENDED_TEXT: Record<EndedBy, string> = { rejected: '未获给付', withdrawn: '已撤回' }

/**
 * Inside the transaction ending claim `claimId` without payment: frees its stay on the participation and releases the
 * held proposals `heldIds` (each re-read here; one no longer held by it is left alone). A proposal whose stay another
 * claim still covers is linked to that claim instead; one the rules no longer pay (the 30-day cap since used up) stays
 * held, with the reason in its history. `endedBy` words the history and the notice. Answers the notices to send
 * (through the caller's outbox).
 */
export async function freeStayReleasingHeld(
  ctx: HandlerContext,
  tx: SdkHandle,
  participationId: string,
  claimId: string,
  heldIds: readonly string[],
  scheme: Scheme,
  endedBy: EndedBy = 'rejected',
): Promise<Notice[]> {
  const p = await txGet<ParticipationDoc>(tx, 'participations', participationId)
  if (!p) return []
  const before = await txStays(tx, p)
  let stays: StayEntry[] = withoutStay(before, claimId)
  const notices: Notice[] = []
  const now = ctx.clock.now()
  for (const heldId of heldIds) {
    const h = await txGet<ClaimDoc>(tx, 'claims', heldId)
    if (!h || h.status !== 'held' || h.linkedClaimId !== claimId || !h.settlement) continue
    const entry = (to: ClaimDoc['status'], note: string): HistoryEntry => ({ at: now, event: to === 'proposed' ? 'release' : 'hold', from: 'held', to, role: 'office', openid: ctx.caller.openid, name: '系统', note })
    let after: ClaimDoc
    const other = overlappingStay(stays, h.settlement, h._id)
    const used = (p.inpatientDaysUsed ?? 0) + openAllowanceDays(stays)
    const assessment = assessClaim({ ...p, inpatientDaysUsed: used }, { product: 'inpatient', kind: 'inpatient', facts: h.facts }, h.submittedOn, scheme)
    const t = transition('held', 'release', 'office')
    if (other) {
      after = { ...h, linkedClaimId: other.claimId, history: [...h.history, entry('held', `同一次住院另有申请（${other.admission} 至 ${other.discharge}），仍按该申请办理`)] }
    } else if (!assessment.payable || !t.ok) {
      const why = assessment.reasons.map((r) => r.message).join('；') || '按现有记录不符合给付条件'
      after = { ...h, linkedClaimId: null, history: [...h.history, entry('held', `同一次住院的手工申请${ENDED_TEXT[endedBy]}；本条${why}，暂不办理`)] }
    } else {
      stays = [...stays, { claimId: h._id, source: 'settlement', admission: h.settlement.admission, discharge: h.settlement.discharge, days: assessment.onPayout.allowanceDays, counted: false }]
      after = {
        ...h,
        status: t.to,
        linkedClaimId: null,
        assessmentAtSubmit: assessment,
        history: [...h.history, entry(t.to, `同一次住院的手工申请${ENDED_TEXT[endedBy]}，改按医保结算数据办理，待参加人确认`)],
      }
      const notice = ctx.clock.today() <= h.claimDeadline.date ? proposalNotice(after, 'released', endedBy) : null
      if (notice) notices.push(notice)
    }
    after = { ...after, version: h.version + 1, updatedAt: now }
    await tx.collection('claims').doc(h._id).set({ data: withoutId(after) })
    await audit(
      ctx,
      { action: `claim.${after.status === 'proposed' ? 'release' : 'hold'}`, entity: 'claim', entityId: h._id, before: { status: h.status, version: h.version, linkedClaimId: claimId }, after: { status: after.status, version: after.version, linkedClaimId: after.linkedClaimId ?? null }, once: `claim.release:${h._id}:v${h.version}` },
      tx,
    )
  }
  // Changed: the participation's stays become its own (those an import registered materialized), version moved on.
  if (stays.length !== before.length || stays.some((st, i) => st.claimId !== before[i]?.claimId)) {
    await tx.collection('participations').doc(participationId).update({ data: setStays(ctx, stays) })
  }
  return notices
}

/**
 * The timer's catch-up: a proposal an import held at the very moment its claim filed by hand was rejected or withdrawn
 * (the import read the stay before that freed it, and wrote the held claim after the rejection or withdrawal looked for
 * held ones) is released here, by the same function in its own transaction. Up to `max` held proposals a tick; answers
 * how many.
 */
export async function releaseOrphanedHeld(ctx: HandlerContext, scheme: (id: ClaimDoc['schemeId']) => Scheme, max = 100): Promise<number> {
  const held = await findAll<ClaimDoc>(ctx.db, 'claims', { status: 'held' }, max)
  const linkedIds = [...new Set(held.map((h) => h.linkedClaimId).filter((id): id is string => !!id))]
  const linked = linkedIds.length ? await findAll<ClaimDoc>(ctx.db, 'claims', { _id: ctx.db.command.in(linkedIds) }, max) : []
  const ended = new Map<string, EndedBy>()
  for (const c of linked) if (c.status === 'rejected' || c.status === 'withdrawn') ended.set(c._id, c.status)
  let released = 0
  for (const h of held.filter((c) => c.linkedClaimId && ended.has(c.linkedClaimId))) {
    const linkedId = h.linkedClaimId as string
    // The notice goes through the outbox in the same transaction: a tick cut off after it still tells them.
    const outbox = await runInTransaction(ctx.db, async (tx: SdkHandle) =>
      enqueueInTx(ctx, tx, await freeStayReleasingHeld(ctx, tx, h.participationId, linkedId, [h._id], scheme(h.schemeId), ended.get(linkedId))),
    )
    await deliver(ctx, outbox)
    released++
  }
  return released
}
