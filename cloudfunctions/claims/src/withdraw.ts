import { levelFor, transition } from '@mutual-aid/shared-rules'
import { withdrawInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { AppError, forbidden } from '@cloud-shared/errors'
import { findAll } from '@cloud-shared/db'
import { deliver, enqueueInTx } from '@cloud-shared/outbox'
import { freeStayReleasingHeld, heldProposalsOf } from '@cloud-shared/held-proposals'
import { reviewersAt } from '@cloud-shared/claim-reminders'
import { loadSchemes } from '@cloud-shared/schemes'
import type { ClaimDoc } from './model'
import { applyStep, resubmissionDraftId } from './review'
import { withdrawnNotices } from './notices'
import { isFilerOrParticipant, isParticipant, loadClaim } from './scope'

/**
 * The filer (a worker for themself, a clerk on a worker's behalf, a beneficiary) or the claim's participant withdraws a
 * claim not yet decided — filed by mistake, or to take the bureau's proposal for the same stay instead (it needs no
 * photos). One transaction, at the version the caller saw: the claim becomes `withdrawn` (an approval waiting for its
 * second office user goes with it), its stay is freed, the proposals held because of it are released to the
 * participant, and the notices (the released proposals' participants; the reviewers whose queue it leaves; the filer
 * or participant who did not withdraw it) go to the outbox. A reviewer deciding at the same moment works on the same
 * version, so exactly one of the two commits; the other is told what happened. Withdrawing a claim already withdrawn
 * answers as the first time did (a retried call).
 */
export const withdraw = action({
  access: 'signed-in',
  input: withdrawInput,
  async run(ctx, { claimId, version, reason }) {
    const current = await loadClaim(ctx, claimId)
    if (!isFilerOrParticipant(ctx, current)) throw forbidden('只有申请人或参加人本人可以撤回申请。')
    if (current.status === 'withdrawn') return { status: current.status, releasedProposals: 0, proposalIds: [] }
    // Said now, in the claim's own terms (approved, rejected …), rather than as a version conflict.
    const allowed = transition(current.status, 'withdraw', 'filer')
    if (!allowed.ok) throw new AppError(allowed.code, allowed.message)
    const level = levelFor(current.status)
    // Queries before the transaction (it reads single documents only); the transaction works on exactly the version
    // these were read for, or refuses.
    const [held, reviewers, schemes] = await Promise.all([
      current.kind === 'inpatient' ? heldProposalsOf(ctx, claimId) : Promise.resolve([]),
      level ? reviewersAt(ctx.db, level, current) : Promise.resolve([]),
      loadSchemes(ctx.db),
    ])
    const scheme = schemes.get(current.schemeId)
    let outbox: string[] = []
    const claim = await applyStep(ctx, claimId, version, {
      event: 'withdraw',
      note: reason ? `撤回原因：${reason}` : '申请人撤回',
      patch: async (c, _to, tx) => {
        const released = c.kind === 'inpatient' ? await freeStayReleasingHeld(ctx, tx, c.participationId, c._id, held, scheme, 'withdrawn') : []
        const withdrawn: ClaimDoc = { ...c, status: 'withdrawn' }
        outbox = await enqueueInTx(ctx, tx, [...released, ...withdrawnNotices(ctx, withdrawn, level, reviewers.map((u) => u._id))])
        return c.proposal ? { proposal: null } : {}
      },
    })
    // Committed: tell them now (a call cut off here leaves the notices to the outbox timer).
    await deliver(ctx, outbox)
    // Pages gathered for a resubmission belong to nothing now.
    if (current.status === 'returned') await ctx.db.collection('claimDrafts').where({ _id: resubmissionDraftId(claimId) }).remove()
    const after = held.length ? await findAll<ClaimDoc>(ctx.db, 'claims', { _id: ctx.db.command.in(held) }, held.length) : []
    const released = after.filter((h) => h.status === 'proposed').map((h) => h._id)
    return { status: claim.status, releasedProposals: released.length, proposalIds: isParticipant(ctx, current) ? released : [] }
  },
})
