import { claimDeadline, materialsChecklist, type ClaimAssessment, type SchemeRef } from '@mutual-aid/shared-rules'
import { loadSchemes } from '@cloud-shared/schemes'
import { remindClaimLevel } from '@cloud-shared/claim-reminders'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findById } from '@cloud-shared/db'
import { AppError, forbidden, isDuplicateKey, notFound } from '@cloud-shared/errors'
import { audit } from '@cloud-shared/audit'
import { runInTransaction } from '@cloud-shared/transaction'
import { submitFactsSchema, submitInput, type ClaimFiles, type ClaimKind, type ClaimProduct } from '@mutual-aid/contracts'
import type { ClaimDoc, DraftDoc, ParticipationDoc, PersonDoc, UnitDoc } from './model'
import type { StayEntry } from '@cloud-shared/documents'
import { overlappingStay, txStays } from '@cloud-shared/stays'
import { assessClaim } from './assessment'
import { hasConsent } from './drafts'
import { checkPagesBelong, hashPages } from './evidence'
import { claimNoticeIds, claimNotices } from './notices'
import { deliver, enqueueInTx } from '@cloud-shared/outbox'
import { txGet, withoutId } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'

/** Readable claim number per scheme family and year, e.g. `WH2021-000123`. */
export const formatClaimNo = (family: string, year: number, seq: number): string =>
  `${family}${year}-${String(seq).padStart(6, '0')}`

/**
 * Checklist items the app itself provides: the online claim is the application form, and the clerk's and agent's
 * confirmations replace its stamps (Art. 17), so no photo of a paper form is asked for.
 */
export const ONLINE_ITEMS: readonly string[] = ['application_form']

/** The checklist's item labels by key, to name a page in a refusal (the checklist of the claim's loaded version). */
export function checklistLabels(scheme: SchemeRef, product: ClaimProduct, kind: ClaimKind): Record<string, string> {
  return Object.fromEntries(materialsChecklist(scheme, product, kind).map((item) => [item.key, item.label]))
}

/** Required checklist items without any page → a refusal naming them (the checklist of the claim's loaded version). */
export function checkRequiredMaterials(scheme: SchemeRef, product: ClaimProduct, kind: ClaimKind, files: ClaimFiles): void {
  const missing = materialsChecklist(scheme, product, kind)
    .filter((item) => item.required && !ONLINE_ITEMS.includes(item.key) && !(files[item.key]?.length > 0))
    .map((item) => item.label)
  if (missing.length > 0) {
    throw new AppError('MATERIALS_MISSING', `还缺少以下材料的照片：${missing.join('、')}。请拍照上传后再提交。`, { missing })
  }
}

/** Checks the facts with the same schema the form uses; the first problems in one sentence. */
export function checkFacts(kind: ClaimKind, facts: unknown, filedAs?: 'worker' | 'clerk' | 'beneficiary') {
  const parsed = submitFactsSchema(kind, filedAs).safeParse(facts)
  if (!parsed.success) {
    const msg = parsed.error.issues.slice(0, 3).map((i) => i.message).join('；')
    throw new AppError('INVALID_INPUT', `申请信息未填写完整：${msg}。`, parsed.error.issues)
  }
  return parsed.data
}

async function existingByKey(ctx: HandlerContext, key: string): Promise<ClaimDoc | null> {
  const res = await ctx.db.collection('claims').where({ idempotencyKey: key }).limit(1).get()
  return (res.data[0] as ClaimDoc) ?? null
}

function answer(claim: ClaimDoc, duplicate: boolean) {
  return { claimId: claim._id, claimNo: claim.claimNo, status: claim.status, duplicate }
}

/**
 * Delivers the "received" notice of a claim, written to the outbox with the claim: told once per recipient whatever
 * number of submits (double taps, retries, concurrent instances) reach this point, since its message id is derived
 * from the claim. A retry after a call was cut off before delivering completes it (as does the timer's sweep).
 */
async function noticeReceived(ctx: HandlerContext, claim: ClaimDoc): Promise<void> {
  await deliver(ctx, claimNoticeIds(ctx, claim, 'claimReceived'))
  // The unit's clerks hear that a claim waits for them (once per claim version, whichever call tells it).
  if (claim.status === 'submitted') await remindClaimLevel(ctx, claim)
}

/**
 * Registers an inpatient claim's stay on its participation inside the submitting transaction — or refuses it when the
 * bureau's settlement data already proposed a claim for an overlapping stay of the same person (no double payment
 * across channels): the worker is told to confirm that proposal instead. Reading and writing the participation in the
 * transaction makes a concurrent import (which updates it version-checked) and this submit exclude each other.
 */
async function registerStay(ctx: HandlerContext, tx: SdkHandle, claim: ClaimDoc): Promise<void> {
  const admission = claim.facts.admission as string
  const discharge = claim.facts.discharge as string
  const p = await txGet<ParticipationDoc>(tx, 'participations', claim.participationId)
  if (!p) throw new AppError('NOT_FOUND', '未找到有效的参加记录，请联系单位工会核实。')
  const other = overlappingStay(await txStays(tx, p), { admission, discharge })
  if (other?.source === 'settlement') {
    const proposal = await txGet<ClaimDoc>(tx, 'claims', other.claimId)
    const no = proposal?.claimNo ?? ''
    throw new AppError(
      'PROPOSAL_EXISTS',
      proposal?.status === 'proposed'
        ? `您 ${other.admission} 至 ${other.discharge} 的住院已根据医保结算数据生成待确认的补助（${no}），请在“我的申请”中打开该补助直接确认，无需再拍照申请。`
        : `您 ${other.admission} 至 ${other.discharge} 的住院已有根据医保结算数据办理的补助（${no}），同一次住院不能重复申请。`,
      { claimId: other.claimId, claimNo: no },
    )
  }
  const entry: StayEntry = { claimId: claim._id, source: 'manual', admission, discharge, days: (claim.assessmentAtSubmit as Partial<ClaimAssessment>).onPayout?.allowanceDays ?? 0, counted: false }
  // The version moves on so that an import deciding this participation at the same moment decides again. (Its own
  // stays gain the entry; those it references in `settlementStays` stay there.)
  await tx.collection('participations').doc(p._id).update({ data: { inpatientStays: ctx.db.command.push([entry]), version: ctx.db.command.inc(1), updatedAt: ctx.clock.now() } })
}

/**
 * Turns a draft into a claim, exactly once: a retry with the same idempotency key (double tap, time-out) answers the
 * claim already created; a draft already submitted answers its claim. A late claim is refused with the reason and
 * the last day.
 */
export const submit = action({
  access: 'signed-in',
  input: submitInput,
  async run(ctx, { draftId, idempotencyKey }) {
    const prior = await existingByKey(ctx, idempotencyKey)
    if (prior) {
      if (prior.filedBy.openid !== ctx.caller.openid) throw forbidden('提交标识冲突，请重新打开页面后提交。')
      await noticeReceived(ctx, prior)
      return answer(prior, true)
    }
    const draft = await findById<DraftDoc>(ctx.db, 'claimDrafts', draftId)
    if (!draft) throw notFound('该申请草稿')
    if (draft.openid !== ctx.caller.openid) throw forbidden('这不是您的申请草稿。')
    if (draft.claimId) {
      const done = await findById<ClaimDoc>(ctx.db, 'claims', draft.claimId)
      if (done) {
        await noticeReceived(ctx, done)
        return answer(done, true)
      }
    }
    if (!(await hasConsent(ctx))) {
      throw new AppError('CONSENT_REQUIRED', '提交前请先阅读并同意《医疗健康信息处理授权》。')
    }
    // Scope may have changed since the draft was made (e.g. the clerk moved unit): check again.
    const [p, person] = await Promise.all([
      findById<ParticipationDoc>(ctx.db, 'participations', draft.participationId),
      findById<PersonDoc>(ctx.db, 'people', draft.personId),
    ])
    if (!p || !person || p.status !== 'active') throw new AppError('NOT_FOUND', '未找到有效的参加记录，请联系单位工会核实。')
    if (draft.filedAs === 'clerk' && ctx.caller.user?.unitId !== person.unitId) throw forbidden('只能为本单位职工代为申请。')
    if (draft.filedAs === 'worker' && ctx.caller.user?.personId !== person._id) throw forbidden('只能为本人申请。')
    const unit = await findById<UnitDoc>(ctx.db, 'units', p.unitId)
    if (!unit) throw notFound('参加单位')

    const facts = checkFacts(draft.kind, draft.facts, draft.filedAs)
    checkPagesBelong(draft.files, [draft._id])
    // The version the participation is under (第二十六条), built-in or published by the office.
    const scheme = (await loadSchemes(ctx.db)).get(p.schemeId)
    checkRequiredMaterials(scheme, draft.product, draft.kind, draft.files)
    // Evidence: each page's content as stored now, checked against its name and recorded with the first version.
    const hashes = await hashPages(ctx, draft.files, checklistLabels(scheme, draft.product, draft.kind))

    const today = ctx.clock.today()
    const assessment = assessClaim(p, { product: draft.product, kind: draft.kind, facts }, today, scheme)
    const late = assessment.reasons.find((r) => r.code === 'LATE_CLAIM')
    const eventDate = (draft.kind === 'inpatient' ? facts.admission : facts.eventDate) as string
    const deadline = claimDeadline(scheme, eventDate)
    if (late) {
      throw new AppError('LATE_CLAIM', `已超过申请期限（最后一天为 ${deadline.date}，依据${deadline.basis}）：${late.message}`, {
        deadline,
      })
    }

    const now = ctx.clock.now()
    const filerName = draft.filerName || facts.payee?.name || ''
    try {
      // The claim number comes from one shared counter, so concurrent submits conflict on it: the loser retries with a
      // fresh snapshot. A double tap that lost sees the winner's claim on the draft and answers it.
      const claim = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
        const fresh = await txGet<DraftDoc>(tx, 'claimDrafts', draft._id)
        if (fresh?.claimId) return (await txGet<ClaimDoc>(tx, 'claims', fresh.claimId)) as ClaimDoc
        const counterId = `claimNo-${p.family}-${p.year}`
        const counter = await txGet<{ seq: number }>(tx, 'counters', counterId)
        const seq = (counter?.seq ?? 0) + 1
        await tx.collection('counters').doc(counterId).set({ data: { seq, updatedAt: now } })
        const doc: ClaimDoc = {
          _id: `claim-${p.family}${p.year}-${String(seq).padStart(6, '0')}`,
          claimNo: formatClaimNo(p.family, p.year, seq),
          idempotencyKey,
          draftId: draft._id,
          family: p.family,
          schemeId: p.schemeId,
          year: p.year,
          product: draft.product,
          kind: draft.kind,
          participationId: p._id,
          personId: person._id,
          personName: person.name,
          personOpenid: person.openid ?? null,
          personIdHash: p.idHash,
          unitId: p.unitId,
          unitName: unit.name,
          agentId: p.agentId,
          filedBy: { openid: ctx.caller.openid, as: draft.filedAs, name: filerName },
          status: 'submitted',
          facts,
          files: draft.files,
          materials: [{ n: 1, at: now, facts, files: draft.files, hashes }],
          history: [
            {
              at: now,
              event: 'submit',
              from: 'draft',
              to: 'submitted',
              role: draft.filedAs,
              openid: ctx.caller.openid,
              name: filerName,
            },
          ],
          returned: null,
          submittedOn: today,
          claimDeadline: deadline,
          assessmentAtSubmit: assessment,
          assessmentAtDecision: null,
          materialsCompleteOn: null,
          dueDate: null,
          decision: null,
          payoutId: null,
          paid: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        }
        if (draft.kind === 'inpatient') await registerStay(ctx, tx, doc)
        await tx.collection('claims').add({ data: doc })
        await tx.collection('claimDrafts').doc(draft._id).update({ data: { claimId: doc._id, updatedAt: now } })
        await audit(ctx, { action: 'claim.submit', entity: 'claim', entityId: doc._id, before: null, after: withoutId(doc), once: `claim.submit:${doc._id}` }, tx)
        await enqueueInTx(ctx, tx, claimNotices(ctx, doc, 'claimReceived'))
        return doc
      }, { busyMessage: '现在提交申请的人较多，请稍等几秒后再点“提交申请”。您填写的内容和照片都已保存。' })
      await noticeReceived(ctx, claim)
      return answer(claim, claim.idempotencyKey !== idempotencyKey)
    } catch (err) {
      // Two taps racing past the first check: the unique index on the key lets one through; answer its claim.
      if (isDuplicateKey(err)) {
        const won = await existingByKey(ctx, idempotencyKey)
        if (won) {
          await noticeReceived(ctx, won)
          return answer(won, true)
        }
      }
      throw err
    }
  },
})
