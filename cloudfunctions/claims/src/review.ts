import { formatYuan, reviewDueDate, type ClaimAssessment, type Scheme } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findById } from '@cloud-shared/db'
import { AppError, conflict, forbidden, notFound } from '@cloud-shared/errors'
import { audit } from '@cloud-shared/audit'
import { addToFund } from '@cloud-shared/fund'
import { runInTransaction } from '@cloud-shared/transaction'
import {
  decideInput,
  markPaidInput,
  resubmitInput,
  returnInput,
  returnProposalInput,
  saveResubmissionInput,
  versionedRefInput,
  type ClaimFiles,
} from '@mutual-aid/contracts'
import { levelFor, transition, type Actor, type ClaimEvent, type ClaimStatus, type ReviewLevel } from '@mutual-aid/shared-rules'
import { loadReviewSettings } from '@cloud-shared/settings'
import type { ClaimDoc, Decision, FourEyesReason, HistoryEntry, HistoryEvent, ParticipationDoc, PayoutDoc, Proposal } from './model'
import { assessClaim, sameAssessment } from './assessment'
import { claimNotices, type ClaimTemplate } from './notices'
import { deliver, enqueueInTx } from '@cloud-shared/outbox'
import { assertNotInvolved, isFilerOrParticipant, isParticipant, loadClaim, reviewLevelsOver } from './scope'
import { setStays, txStays, withStayCounted } from '@cloud-shared/stays'
import { freeStayReleasingHeld, heldProposalsOf } from '@cloud-shared/held-proposals'
import { messageIdOf, type Notice } from '@cloud-shared/notify'
import { checkFacts, checkRequiredMaterials, checklistLabels } from './submit'
import { checkPagesBelong, hashPages } from './evidence'
import { txGet, txGetVersioned, withoutId } from '@cloud-shared/tx'
import { loadSchemes } from '@cloud-shared/schemes'
import { remindClaimLevel } from '@cloud-shared/claim-reminders'
import type { SdkHandle } from '@cloud-shared/sdk'

/** The role the caller acts in for this event on this claim, or a refusal when they hold none over it. */
function actorFor(ctx: HandlerContext, claim: ClaimDoc, event: ClaimEvent): Actor {
  if (event === 'resubmit') {
    if (!isFilerOrParticipant(ctx, claim)) throw forbidden('只有申请人本人可以补充材料。')
    return 'filer'
  }
  if (event === 'withdraw') {
    if (!isFilerOrParticipant(ctx, claim)) throw forbidden('只有申请人或参加人本人可以撤回申请。')
    return 'filer'
  }
  if (event === 'accept' || event === 'decline') {
    if (!isParticipant(ctx, claim)) throw forbidden('只有参加人本人可以确认或放弃这笔补助。')
    return 'filer'
  }
  const levels = reviewLevelsOver(ctx, claim)
  if (levels.length === 0) throw forbidden('您无权处理此申请。')
  const awaited = levelFor(claim.status)
  return awaited && levels.includes(awaited) ? awaited : levels[levels.length - 1]
}

/**
 * The lifecycle event a step is checked against: proposing an approval and sending a proposal back are the office's
 * approval not yet taking effect, so they are allowed exactly where an approval is.
 */
const lifecycleEvent = (event: HistoryEvent): ClaimEvent =>
  event === 'propose' || event === 'withdraw_proposal' ? 'approve' : (event as ClaimEvent)

interface Step {
  event: HistoryEvent
  note?: string
  /** This approval confirms the pending proposal (the second office user of four eyes). */
  confirmsProposal?: boolean
  /** The review level an accepted proposal enters at (the scheme's `bureauClaimsReviewFrom`). */
  level?: ReviewLevel
  /** The notice this change sends (through the outbox, in the same transaction), with its amount. */
  notice?: { template: ClaimTemplate; amountFen: (after: ClaimDoc) => number }
  /** Extra fields to write on the claim, computed from the claim as read inside the transaction. */
  patch?: (claim: ClaimDoc, to: ClaimStatus, tx: SdkHandle) => Promise<Partial<ClaimDoc>> | Partial<ClaimDoc>
}

/**
 * One state change, all or nothing: read the claim at the version the caller saw, check the state machine and the
 * caller's level, write the new status with its history entry and audit record. A second reviewer acting on the
 * same version gets CONFLICT. While an approval waits for its second office user, nothing but confirming or sending
 * it back (or the filer's own resubmission, which cannot happen then) moves the claim.
 */
export async function applyStep(ctx: HandlerContext, claimId: string, version: number, step: Step): Promise<ClaimDoc> {
  const now = ctx.clock.now()
  const { claim, outbox } = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const claim = await txGetVersioned<ClaimDoc>(tx, 'claims', claimId, version, () => new AppError('NOT_FOUND', '未找到该申请，请刷新后重试。'))
    const event = lifecycleEvent(step.event)
    const actor = actorFor(ctx, claim, event)
    const t = transition(claim.status, event, actor, step.level ?? claim.returned?.by ?? null)
    if (!t.ok) throw new AppError(t.code, t.message)
    const proposal = claim.proposal ?? null
    if (step.event === 'withdraw_proposal' || step.confirmsProposal) {
      if (!proposal) throw new AppError('NO_PROPOSAL', '该申请没有待确认的核准提议，请刷新后查看。')
      if (step.confirmsProposal && proposal.by === ctx.caller.openid) {
        throw new AppError('SAME_APPROVER', '核准提议须由另一位互助办工作人员确认，提议人本人不能确认。')
      }
    } else if (proposal && step.event !== 'withdraw') {
      // (A withdrawal ends the claim before the approval takes effect: the waiting proposal goes with it.)
      throw new AppError('AWAITING_SECOND', `该申请已有 ${proposal.byName || '互助办'} 提出的核准提议（${formatYuan(proposal.amountFen)}），待第二位审批人确认或退回后才能办理。`)
    }
    const to = step.event === 'propose' || step.event === 'withdraw_proposal' ? claim.status : t.to
    const extra = step.patch ? await step.patch(claim, to, tx) : {}
    const entry: HistoryEntry = {
      at: now,
      event: step.event,
      from: claim.status,
      to,
      // The filer acts as they filed; the participant of a claim someone else filed, as the worker they are.
      role: actor === 'filer' ? (claim.filedBy.openid === ctx.caller.openid ? claim.filedBy.as : 'worker') : actor,
      openid: ctx.caller.openid,
      name: ctx.caller.user?.name ?? claim.filedBy.name,
      ...(step.note ? { note: step.note } : {}),
    }
    const after: ClaimDoc = {
      ...claim,
      ...extra,
      status: to,
      history: [...claim.history, entry],
      version: claim.version + 1,
      updatedAt: now,
    }
    await tx.collection('claims').doc(claimId).set({ data: withoutId(after) })
    await audit(
      ctx,
      {
        action: `claim.${step.event}`,
        entity: 'claim',
        entityId: claimId,
        before: { status: claim.status, version: claim.version, ...(proposal ? { proposal } : {}) },
        after: { status: after.status, version: after.version, ...stripHeavy(extra) },
        note: step.note,
        once: `claim.${step.event}:${claimId}:v${claim.version}`,
      },
      tx,
    )
    const changed = { ...after, _id: claimId }
    const outbox = step.notice ? await enqueueInTx(ctx, tx, claimNotices(ctx, changed, step.notice.template, step.notice.amountFen(changed))) : []
    return { claim: changed, outbox }
  }, { busyMessage: '该申请正在被他人同时处理，请稍等几秒后刷新，再按最新状态操作。' })
  // Committed: tell them now (a call cut off here leaves the notices to the timer's sweep).
  await deliver(ctx, outbox)
  return claim
}

/** The claim, checked before any review step: the caller has no stake in it (separation of duties). */
async function claimToReview(ctx: HandlerContext, claimId: string): Promise<ClaimDoc> {
  const claim = await loadClaim(ctx, claimId)
  await assertNotInvolved(ctx, claim)
  // Said as it is (a reviewer whose page was open when it happened), not as a version conflict.
  if (claim.status === 'withdrawn') throw new AppError('INVALID_TRANSITION', '申请人已撤回该申请，不需要再办理。')
  return claim
}

function stripHeavy(extra: Partial<ClaimDoc>): Record<string, unknown> {
  const { materials: _m, history: _h, ...rest } = extra
  return rest
}


const summary = (c: ClaimDoc) => ({ claimId: c._id, claimNo: c.claimNo, status: c.status, version: c.version })

/** Unit clerk confirms (the online stamp), then the agent confirms; the agent's confirmation starts the Art. 19 clock. */
export const confirm = action({
  access: ['clerk', 'agent'],
  input: versionedRefInput,
  async run(ctx, { claimId, version }) {
    const current = await claimToReview(ctx, claimId)
    // The review limit of the claim's own version (第十九条: 30 working days; the default where a version sets none).
    const workingDays = (await loadSchemes(ctx.db)).get(current.schemeId).review?.workingDays
    const claim = await applyStep(ctx, claimId, version, {
      event: 'confirm',
      patch: (_c, to) => {
        if (to !== 'agent_confirmed') return {}
        const today = ctx.clock.today()
        return { materialsCompleteOn: today, dueDate: reviewDueDate(today, workingDays).date }
      },
    })
    // The next level's reviewers hear that the claim now waits for them.
    await remindClaimLevel(ctx, claim)
    return summary(claim)
  },
})

/** Any level returns the claim it is reviewing for more materials, with a reason the worker reads. */
export const returnClaim = action({
  access: ['clerk', 'agent', 'office'],
  input: returnInput,
  async run(ctx, { claimId, version, reason }) {
    await claimToReview(ctx, claimId)
    const claim = await applyStep(ctx, claimId, version, {
      event: 'return',
      note: reason,
      patch: (c) => ({ returned: { by: levelFor(c.status) as ReviewLevel, reason, at: ctx.clock.now() } }),
      notice: { template: 'claimNeedsMaterials', amountFen: () => 0 },
    })
    return summary(claim)
  },
})

/** Pages of a resubmission: the first submission's (under the draft's folder) and those added since (the claim's). */
function checkResubmittedFiles(files: ClaimFiles, claim: ClaimDoc): void {
  checkPagesBelong(files, [claim.draftId, claim._id])
}

/** Id of the caller's resubmission draft for a claim (one per claim, owned by the filer). */
export const resubmissionDraftId = (claimId: string) => `resubmit-${claimId}`

/**
 * Keeps the pages (and note) being gathered for a resubmission, so closing the app midway loses nothing. Only while
 * the claim is returned, only by the filer or the participant.
 */
export const saveResubmission = action({
  access: 'signed-in',
  input: saveResubmissionInput,
  async run(ctx, { claimId, files, facts, note }) {
    const claim = await loadClaim(ctx, claimId)
    if (!isFilerOrParticipant(ctx, claim)) throw forbidden('只有申请人本人可以补充材料。')
    if (claim.status !== 'returned') throw new AppError('INVALID_TRANSITION', '该申请当前不需要补充材料。')
    checkResubmittedFiles(files, claim)
    const now = ctx.clock.now()
    await ctx.db
      .collection('claimDrafts')
      .doc(resubmissionDraftId(claimId))
      .set({ data: { openid: ctx.caller.openid, claimId, kind: 'resubmission', files, ...(facts ? { facts } : {}), note: note ?? '', returnedAt: claim.returned?.at ?? null, updatedAt: now } })
    await audit(ctx, {
      action: 'claim.saveResubmission',
      entity: 'claim',
      entityId: claimId,
      after: { pages: Object.values(files).reduce((n, ids) => n + ids.length, 0) },
    })
    return { saved: true }
  },
})

/** The filer adds or replaces pages (and corrects facts) and sends the claim back to the level that returned it. */
export const resubmit = action({
  access: 'signed-in',
  input: resubmitInput,
  async run(ctx, { claimId, version, facts: rawFacts, files, note }) {
    const current = await loadClaim(ctx, claimId)
    if (!isFilerOrParticipant(ctx, current)) throw forbidden('只有申请人本人可以补充材料。')
    const facts = checkFacts(current.kind, rawFacts, current.filedBy.as)
    checkResubmittedFiles(files, current)
    const scheme = (await loadSchemes(ctx.db)).get(current.schemeId)
    checkRequiredMaterials(scheme, current.product, current.kind, files)
    // Every page of the new version, kept and added ones alike, is checked against its name and its hash recorded: a
    // page replaced since is a new page of this version, never a silent change of an earlier one.
    const hashes = await hashPages(ctx, files, checklistLabels(scheme, current.product, current.kind))
    const p = await findById<ParticipationDoc>(ctx.db, 'participations', current.participationId)
    if (!p) throw notFound('参加记录')
    // Lateness stays judged on the first submission day.
    const assessment = assessClaim(p, { product: current.product, kind: current.kind, facts }, current.submittedOn, scheme)
    const claim = await applyStep(ctx, claimId, version, {
      event: 'resubmit',
      note,
      patch: (c, to) => {
        const today = ctx.clock.today()
        const toOffice = to === 'agent_confirmed'
        return {
          facts,
          files,
          materials: [...c.materials, { n: c.materials.length + 1, at: ctx.clock.now(), facts, files, hashes, ...(note ? { note } : {}) }],
          assessmentAtSubmit: assessment,
          returned: null,
          ...(toOffice ? { materialsCompleteOn: today, dueDate: reviewDueDate(today, scheme.review?.workingDays).date } : {}),
        }
      },
    })
    await ctx.db.collection('claimDrafts').where({ _id: resubmissionDraftId(claimId) }).remove()
    await remindClaimLevel(ctx, claim)
    return summary(claim)
  },
})

/**
 * The office decides: approves the computed amount (or overrides it with a required note) or rejects with a reason
 * code and a note. An approval above the computed amount, or above the office's four-eyes threshold (the `settings`
 * collection, read on every call), is only a proposal until a second office user confirms it (`confirmApproval`).
 * Approval creates the payout record and applies what the rules say the payout ends (the assessment's `onPayout`:
 * products ended for the period, inpatient allowance days used).
 */
export const decide = action({
  access: ['office'],
  input: decideInput,
  async run(ctx, input) {
    const current = await claimToReview(ctx, input.claimId)
    const p = await findById<ParticipationDoc>(ctx.db, 'participations', current.participationId)
    if (!p) throw notFound('参加记录')
    const scheme = (await loadSchemes(ctx.db)).get(p.schemeId)
    const assessment = assessClaim(p, current, current.submittedOn, scheme)
    const now = ctx.clock.now()
    const by = { at: now, by: ctx.caller.openid, byName: ctx.caller.user?.name ?? '' }
    if (input.outcome === 'reject') {
      // A rejected claim no longer holds its stay: a proposal it held back (the bureau's settlement for the same stay)
      // is released in the same transaction, and the bureau's settlement may be proposed later if none was.
      const held = await heldProposalsOf(ctx, input.claimId)
      let released: Notice[] = []
      const claim = await applyStep(ctx, input.claimId, input.version, {
        event: 'reject',
        note: input.note,
        patch: async (c, _to, tx) => {
          const notices = await freeStayReleasingHeld(ctx, tx, c.participationId, c._id, held, scheme)
          released = []
          if (notices.length) released = await enqueueInTx(ctx, tx, notices).then(() => notices)
          return {
          assessmentAtDecision: assessment,
          decision: {
            outcome: 'reject',
            amountFen: 0,
            computedFen: assessment.amountFen,
            overridden: false,
            note: input.note,
            reasonCode: input.reasonCode,
            ...by,
          },
          }
        },
        notice: { template: 'claimDecided', amountFen: () => 0 },
      })
      // Committed: the released proposals' participants hear now (a call cut off here leaves them to the outbox sweep).
      await deliver(ctx, released.map((n) => messageIdOf(n.id, n.openid)))
      return summary(claim)
    }
    const amountFen = input.amountFen ?? assessment.amountFen
    const overridden = amountFen !== assessment.amountFen
    if (overridden && (!input.note || input.note.length < 4)) {
      throw new AppError('NOTE_REQUIRED', `核定金额与规则计算金额 ${formatYuan(assessment.amountFen)} 不同，请写明调整理由（至少 4 个字）。`)
    }
    if (amountFen <= 0) {
      throw new AppError(
        'NOTHING_PAYABLE',
        '按规则计算的给付金额为 0，不能核准。请选择不予给付并写明理由，或填写调整金额及理由。',
        { reasons: assessment.reasons },
      )
    }
    const settings = await loadReviewSettings(ctx.db)
    const reasons: FourEyesReason[] = []
    if (amountFen > assessment.amountFen) reasons.push('above_computed')
    if (amountFen > settings.fourEyesAboveFen) reasons.push('above_threshold')
    if (reasons.length > 0) {
      const proposal: Proposal = {
        amountFen,
        computedFen: assessment.amountFen,
        note: input.note ?? null,
        reasons,
        thresholdFen: settings.fourEyesAboveFen,
        settings: settings.source,
        by: ctx.caller.openid,
        byName: ctx.caller.user?.name ?? '',
        at: now,
      }
      const why = reasons.map((r) => (r === 'above_computed' ? `高于规则核定金额 ${formatYuan(assessment.amountFen)}` : `超过 ${formatYuan(settings.fourEyesAboveFen)}`)).join('，')
      const claim = await applyStep(ctx, input.claimId, input.version, {
        event: 'propose',
        note: `提议核准 ${formatYuan(amountFen)}（${why}），待第二位审批人确认${input.note ? `。说明：${input.note}` : ''}`,
        patch: () => ({ proposal }),
      })
      return { ...summary(claim), amountFen, awaitingSecond: true }
    }
    const claim = await approve(ctx, input.claimId, input.version, { amountFen, overridden, note: input.note ?? null, assessment, proposedBy: null, scheme })
    return { ...summary(claim), amountFen }
  },
})

interface Approval {
  amountFen: number
  overridden: boolean
  note: string | null
  assessment: ClaimAssessment
  /** The office user whose proposal this approval confirms (four eyes), or null for a single approver. */
  proposedBy: Proposal | null
  /** The claim's version as loaded, to assess it again inside the transaction. */
  scheme: Scheme
}

/**
 * The approval taking effect: the decision, the payout record and the coverage effects in one transaction, then the
 * notice. With `proposedBy`, it is the second office user confirming a proposal.
 */
async function approve(ctx: HandlerContext, claimId: string, version: number, a: Approval): Promise<ClaimDoc> {
  const now = ctx.clock.now()
  const payoutId = `payout-${claimId}`
  const proposer = a.proposedBy
  const claim = await applyStep(ctx, claimId, version, {
    event: 'approve',
    confirmsProposal: proposer !== null,
    notice: { template: 'claimDecided', amountFen: () => a.amountFen },
    note: proposer ? `确认 ${proposer.byName || '互助办'} 的核准提议（${formatYuan(a.amountFen)}）${a.note ? `。说明：${a.note}` : ''}` : a.note ?? undefined,
    patch: async (c, _to, tx) => {
      // Two claims of one person approved at once: re-read the participation inside the transaction, so the
      // second sees the first one's coverage effect and its assessment no longer matches what was shown.
      const fresh = await txGet<ParticipationDoc>(tx, 'participations', c.participationId)
      if (!fresh || !sameAssessment(assessClaim(fresh, c, c.submittedOn, a.scheme), a.assessment)) {
        throw conflict(
          proposer
            ? '该参加人的保障或规则核定结果已发生变化，请退回此核准提议，由互助办按最新核定结果重新审批。'
            : '该参加人的保障刚刚发生变化（可能另一笔申请已核准），请刷新后按最新核定结果审批。',
        )
      }
      if (proposer && (c.proposal?.at === undefined || String(c.proposal.at) !== String(proposer.at))) {
        throw conflict('核准提议刚刚已被他人退回或更改，请刷新后查看。')
      }
      const payout: PayoutDoc = {
        _id: payoutId,
        claimId: c._id,
        claimNo: c.claimNo,
        family: c.family,
        year: c.year,
        amountFen: a.amountFen,
        payee: c.facts.payee as PayoutDoc['payee'],
        status: 'pending',
        paidOn: null,
        reference: null,
        createdAt: now,
        recordedBy: null,
        recordedAt: null,
      }
      await tx.collection('payouts').add({ data: payout })
      await applyCoverageEffects(ctx, tx, c, a.assessment, fresh)
      const decision: Decision = {
        outcome: 'approve',
        amountFen: a.amountFen,
        computedFen: a.assessment.amountFen,
        overridden: a.overridden,
        note: a.note,
        reasonCode: null,
        at: now,
        by: ctx.caller.openid,
        byName: ctx.caller.user?.name ?? '',
        ...(proposer ? { proposedBy: { openid: proposer.by, name: proposer.byName, at: proposer.at } } : {}),
      }
      return { assessmentAtDecision: a.assessment, payoutId, decision, proposal: null }
    },
  })
  return claim
}

/**
 * Four eyes: a second office user — not the proposer, with no stake in the claim — confirms the approval another
 * proposed. The rules' assessment is computed again and must still be what the proposal was made on.
 */
export const confirmApproval = action({
  access: ['office'],
  input: versionedRefInput,
  async run(ctx, { claimId, version }) {
    const current = await claimToReview(ctx, claimId)
    // Someone acted on the claim since the caller saw it (e.g. the other office user confirmed first): say so, whatever
    // it looks like now.
    if (current.version !== version) throw conflict('该申请刚刚已被他人处理或修改，请刷新后查看最新状态再操作。')
    const proposal = current.proposal
    if (!proposal) throw new AppError('NO_PROPOSAL', '该申请没有待确认的核准提议，请刷新后查看。')
    if (proposal.by === ctx.caller.openid) throw new AppError('SAME_APPROVER', '核准提议须由另一位互助办工作人员确认，提议人本人不能确认。')
    const p = await findById<ParticipationDoc>(ctx.db, 'participations', current.participationId)
    if (!p) throw notFound('参加记录')
    const scheme = (await loadSchemes(ctx.db)).get(p.schemeId)
    const assessment = assessClaim(p, current, current.submittedOn, scheme)
    if (assessment.amountFen !== proposal.computedFen) {
      throw conflict(`规则核定金额已由 ${formatYuan(proposal.computedFen)} 变为 ${formatYuan(assessment.amountFen)}，请退回此核准提议后重新审批。`)
    }
    const claim = await approve(ctx, claimId, version, {
      amountFen: proposal.amountFen,
      overridden: proposal.amountFen !== assessment.amountFen,
      note: proposal.note,
      assessment,
      proposedBy: proposal,
      scheme,
    })
    return { ...summary(claim), amountFen: proposal.amountFen }
  },
})

/**
 * A second office user sends an approval proposal back (or its proposer withdraws it), with a reason: the claim waits
 * for a fresh decision.
 */
export const returnProposal = action({
  access: ['office'],
  input: returnProposalInput,
  async run(ctx, { claimId, version, reason }) {
    await claimToReview(ctx, claimId)
    const claim = await applyStep(ctx, claimId, version, {
      event: 'withdraw_proposal',
      note: reason,
      patch: () => ({ proposal: null }),
    })
    return summary(claim)
  },
})

/**
 * Applies what the approved payout ends, exactly as the rules computed it (`onPayout`): the products that end for the
 * period (WH: the whole coverage; TZ: the critical or women's product) and the inpatient allowance days used. No rule
 * is decided here.
 */
async function applyCoverageEffects(ctx: HandlerContext, tx: SdkHandle, claim: ClaimDoc, a: ClaimAssessment, p: ParticipationDoc): Promise<void> {
  const _ = ctx.db.command
  const effect = a.onPayout
  const patch: Record<string, unknown> = { version: _.inc(1), updatedAt: ctx.clock.now() }
  if (effect.endsProducts.length > 0) patch.endedProducts = _.addToSet({ $each: [...effect.endsProducts] })
  if (effect.allowanceDays > 0) patch.inpatientDaysUsed = _.inc(effect.allowanceDays)
  // The stay's days are now in inpatientDaysUsed: no longer counted as open for a new proposal. A stay an import
  // registered is held in `settlementStays`: the participation's stays become its own (materialized) to change it.
  const stays = await txStays(tx, p)
  if (stays.some((st) => st.claimId === claim._id)) Object.assign(patch, setStays(ctx, withStayCounted(stays, claim._id)))
  await tx.collection('participations').doc(claim.participationId).update({ data: patch })
  await audit(ctx, { action: 'participation.payout_effect', entity: 'participation', entityId: claim.participationId, after: { claimId: claim._id, product: claim.product, ...effect }, once: `participation.payout_effect:${claim._id}` }, tx)
}

/** The office records the transfer: payout paid, claim paid, and the fund ledger's payout entry (Art. 20–21). */
export const markPaid = action({
  access: ['office'],
  input: markPaidInput,
  async run(ctx, { claimId, version, paidOn, reference }) {
    const today = ctx.clock.today()
    if (paidOn > today) throw new AppError('INVALID_INPUT', `支付日期不能晚于今天（${today}）。`)
    await claimToReview(ctx, claimId)
    const now = ctx.clock.now()
    const claim = await applyStep(ctx, claimId, version, {
      event: 'pay',
      notice: { template: 'claimPaid', amountFen: (c) => c.decision?.amountFen ?? 0 },
      note: `转账凭证 ${reference}`,
      patch: async (c, _to, tx) => {
        if (!c.payoutId || !c.decision) throw new AppError('INVALID_INPUT', '该申请没有支付记录，请联系管理员。')
        // Read inside the transaction: a batch that takes the claim bumps its version, so one of the two loses.
        if (c.paymentBatchId) {
          throw new AppError('IN_BATCH', `该申请已纳入银行支付批次 ${c.paymentBatchNo ?? ''}，请在该批次导入银行回单，不能再单笔登记支付。`)
        }
        await tx.collection('payouts').doc(c.payoutId).update({
          data: { status: 'paid', paidOn, reference, recordedBy: ctx.caller.openid, recordedAt: now },
        })
        await tx.collection('ledger').add({
          data: {
            family: c.family,
            year: c.year,
            type: 'payout',
            amountFen: c.decision.amountFen,
            sourceType: 'claim',
            sourceId: c._id,
            ref: c.claimNo,
            unitId: c.unitId,
            agentId: c.agentId,
            on: paidOn,
            at: now,
          },
        })
        await addToFund(tx, { family: c.family, year: c.year, type: 'payout', amountFen: c.decision.amountFen, at: now })
        return { paid: { paidOn, reference }, payFailure: null }
      },
    })
    return summary(claim)
  },
})
