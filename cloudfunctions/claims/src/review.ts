import { formatYuan, reviewDueDate, type ClaimAssessment } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findById } from '@cloud-shared/db'
import { AppError, conflict, forbidden, notFound } from '@cloud-shared/errors'
import { audit } from '@cloud-shared/audit'
import { runInTransaction } from '@cloud-shared/transaction'
import {
  decideInput,
  markPaidInput,
  resubmitInput,
  returnInput,
  saveResubmissionInput,
  versionedRefInput,
  type ClaimFiles,
} from '@mutual-aid/contracts'
import { levelFor, transition, type Actor, type ClaimEvent, type ClaimStatus, type ReviewLevel } from '@mutual-aid/shared-rules'
import type { ClaimDoc, HistoryEntry, ParticipationDoc, PayoutDoc } from './model'
import { assessClaim, sameAssessment } from './assessment'
import { notifyClaimPeople } from './notices'
import { isFilerOrParticipant, loadClaim, reviewLevelsOver } from './scope'
import { checkFacts, checkRequiredMaterials } from './submit'
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
  const levels = reviewLevelsOver(ctx, claim)
  if (levels.length === 0) throw forbidden('您无权处理此申请。')
  const awaited = levelFor(claim.status)
  return awaited && levels.includes(awaited) ? awaited : levels[levels.length - 1]
}

interface Step {
  event: ClaimEvent
  note?: string
  /** Extra fields to write on the claim, computed from the claim as read inside the transaction. */
  patch?: (claim: ClaimDoc, to: ClaimStatus, tx: SdkHandle) => Promise<Partial<ClaimDoc>> | Partial<ClaimDoc>
}

/**
 * One state change, all or nothing: read the claim at the version the caller saw, check the state machine and the
 * caller's level, write the new status with its history entry and audit record. A second reviewer acting on the
 * same version gets CONFLICT.
 */
async function applyStep(ctx: HandlerContext, claimId: string, version: number, step: Step): Promise<ClaimDoc> {
  const now = ctx.clock.now()
  return runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const claim = await txGetVersioned<ClaimDoc>(tx, 'claims', claimId, version, () => new AppError('NOT_FOUND', '未找到该申请，请刷新后重试。'))
    const actor = actorFor(ctx, claim, step.event)
    const t = transition(claim.status, step.event, actor, claim.returned?.by ?? null)
    if (!t.ok) throw new AppError(t.code, t.message)
    const extra = step.patch ? await step.patch(claim, t.to, tx) : {}
    const entry: HistoryEntry = {
      at: now,
      event: step.event,
      from: claim.status,
      to: t.to,
      role: actor === 'filer' ? claim.filedBy.as : actor,
      openid: ctx.caller.openid,
      name: ctx.caller.user?.name ?? claim.filedBy.name,
      ...(step.note ? { note: step.note } : {}),
    }
    const after: ClaimDoc = {
      ...claim,
      ...extra,
      status: t.to,
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
        before: { status: claim.status, version: claim.version },
        after: { status: after.status, version: after.version, ...stripHeavy(extra) },
        note: step.note,
      },
      tx,
    )
    return { ...after, _id: claimId }
  }, { busyMessage: '该申请正在被他人同时处理，请稍等几秒后刷新，再按最新状态操作。' })
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
    const current = await loadClaim(ctx, claimId)
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
    const claim = await applyStep(ctx, claimId, version, {
      event: 'return',
      note: reason,
      patch: (c) => ({ returned: { by: levelFor(c.status) as ReviewLevel, reason, at: ctx.clock.now() } }),
    })
    await notifyClaimPeople(ctx, claim, 'claimNeedsMaterials', `您的互助金申请 ${claim.claimNo} 需要补充材料：${reason}`)
    return summary(claim)
  },
})

function checkResubmittedFiles(files: ClaimFiles, claim: ClaimDoc): void {
  for (const [item, ids] of Object.entries(files)) {
    for (const id of ids) {
      const ok = [claim.draftId, claim._id].some((folder) => id.includes(`/claims/${folder}/${item}/`))
      if (!ok) throw new AppError('INVALID_INPUT', '有照片不属于本次申请，请删除后重新上传。')
    }
  }
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
  async run(ctx, { claimId, files, note }) {
    const claim = await loadClaim(ctx, claimId)
    if (!isFilerOrParticipant(ctx, claim)) throw forbidden('只有申请人本人可以补充材料。')
    if (claim.status !== 'returned') throw new AppError('INVALID_TRANSITION', '该申请当前不需要补充材料。')
    checkResubmittedFiles(files, claim)
    const now = ctx.clock.now()
    await ctx.db
      .collection('claimDrafts')
      .doc(resubmissionDraftId(claimId))
      .set({ data: { openid: ctx.caller.openid, claimId, kind: 'resubmission', files, note: note ?? '', returnedAt: claim.returned?.at ?? null, updatedAt: now } })
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
    const facts = checkFacts(current.kind, rawFacts)
    checkResubmittedFiles(files, current)
    const scheme = (await loadSchemes(ctx.db)).get(current.schemeId)
    checkRequiredMaterials(scheme, current.product, current.kind, files)
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
          materials: [...c.materials, { n: c.materials.length + 1, at: ctx.clock.now(), facts, files, ...(note ? { note } : {}) }],
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
 * code and a note. Approval creates the payout record and applies what the rules say the payout ends (the assessment's
 * `onPayout`: products ended for the period, inpatient allowance days used).
 */
export const decide = action({
  access: ['office'],
  input: decideInput,
  async run(ctx, input) {
    const current = await loadClaim(ctx, input.claimId)
    const p = await findById<ParticipationDoc>(ctx.db, 'participations', current.participationId)
    if (!p) throw notFound('参加记录')
    const scheme = (await loadSchemes(ctx.db)).get(p.schemeId)
    const assessment = assessClaim(p, current, current.submittedOn, scheme)
    const now = ctx.clock.now()
    const by = { at: now, by: ctx.caller.openid, byName: ctx.caller.user?.name ?? '' }
    if (input.outcome === 'reject') {
      const claim = await applyStep(ctx, input.claimId, input.version, {
        event: 'reject',
        note: input.note,
        patch: () => ({
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
        }),
      })
      await notifyClaimPeople(ctx, claim, 'claimDecided', `您的互助金申请 ${claim.claimNo} 审批结论：不予给付。理由：${input.note}`, 0)
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
    const payoutId = `payout-${input.claimId}`
    const claim = await applyStep(ctx, input.claimId, input.version, {
      event: 'approve',
      note: input.note,
      patch: async (c, _to, tx) => {
        // Two claims of one person approved at once: re-read the participation inside the transaction, so the
        // second sees the first one's coverage effect and its assessment no longer matches what was shown.
        const fresh = await txGet<ParticipationDoc>(tx, 'participations', c.participationId)
        if (!fresh || !sameAssessment(assessClaim(fresh, c, c.submittedOn, scheme), assessment)) {
          throw conflict('该参加人的保障刚刚发生变化（可能另一笔申请已核准），请刷新后按最新核定结果审批。')
        }
        const payout: PayoutDoc = {
          _id: payoutId,
          claimId: c._id,
          claimNo: c.claimNo,
          family: c.family,
          year: c.year,
          amountFen,
          payee: c.facts.payee as PayoutDoc['payee'],
          status: 'pending',
          paidOn: null,
          reference: null,
          createdAt: now,
          recordedBy: null,
          recordedAt: null,
        }
        await tx.collection('payouts').add({ data: payout })
        await applyCoverageEffects(ctx, tx, c, assessment)
        return {
          assessmentAtDecision: assessment,
          payoutId,
          decision: {
            outcome: 'approve',
            amountFen,
            computedFen: assessment.amountFen,
            overridden,
            note: input.note ?? null,
            reasonCode: null,
            ...by,
          },
        }
      },
    })
    await notifyClaimPeople(
      ctx,
      claim,
      'claimDecided',
      `您的互助金申请 ${claim.claimNo} 已核准，金额 ${formatYuan(amountFen)}，互助办将尽快支付。`,
      amountFen,
    )
    return { ...summary(claim), amountFen }
  },
})

/**
 * Applies what the approved payout ends, exactly as the rules computed it (`onPayout`): the products that end for the
 * period (WH: the whole coverage; TZ: the critical or women's product) and the inpatient allowance days used. No rule
 * is decided here.
 */
async function applyCoverageEffects(ctx: HandlerContext, tx: SdkHandle, claim: ClaimDoc, a: ClaimAssessment): Promise<void> {
  const _ = ctx.db.command
  const effect = a.onPayout
  const patch: Record<string, unknown> = { version: _.inc(1), updatedAt: ctx.clock.now() }
  if (effect.endsProducts.length > 0) patch.endedProducts = _.addToSet({ $each: [...effect.endsProducts] })
  if (effect.allowanceDays > 0) patch.inpatientDaysUsed = _.inc(effect.allowanceDays)
  await tx.collection('participations').doc(claim.participationId).update({ data: patch })
  await audit(ctx, { action: 'participation.payout_effect', entity: 'participation', entityId: claim.participationId, after: { claimId: claim._id, product: claim.product, ...effect } }, tx)
}

/** The office records the transfer: payout paid, claim paid, and the fund ledger's payout entry (Art. 20–21). */
export const markPaid = action({
  access: ['office'],
  input: markPaidInput,
  async run(ctx, { claimId, version, paidOn, reference }) {
    const today = ctx.clock.today()
    if (paidOn > today) throw new AppError('INVALID_INPUT', `支付日期不能晚于今天（${today}）。`)
    const now = ctx.clock.now()
    const claim = await applyStep(ctx, claimId, version, {
      event: 'pay',
      note: `转账凭证 ${reference}`,
      patch: async (c, _to, tx) => {
        if (!c.payoutId || !c.decision) throw new AppError('INVALID_INPUT', '该申请没有支付记录，请联系管理员。')
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
            on: paidOn,
            at: now,
          },
        })
        return { paid: { paidOn, reference } }
      },
    })
    await notifyClaimPeople(
      ctx,
      claim,
      'claimPaid',
      `您的互助金申请 ${claim.claimNo} 已支付 ${formatYuan(claim.decision?.amountFen ?? 0)}（${paidOn}），请留意银行到账。`,
      claim.decision?.amountFen ?? 0,
    )
    return summary(claim)
  },
})
