import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById, updateVersioned } from '@cloud-shared/db'
import { AppError, forbidden, isDuplicateKey, notFound } from '@cloud-shared/errors'
import { audit } from '@cloud-shared/audit'
import { tempUrls } from '@cloud-shared/files'
import { consentInput, resolveTargetInput, rosterPickInput, saveDraftInput, type ClaimFiles, draftRefInput, noInput } from '@mutual-aid/contracts'
import { keysetPage } from '@cloud-shared/keyset'
import { BY_NAME_KEY, namePrefixOf } from '@cloud-shared/name-key'
import { kindsFor, type Scheme } from '@mutual-aid/shared-rules'
import { loadSchemes } from '@cloud-shared/schemes'
import type { DraftDoc, ParticipationDoc } from './model'
import { resolveTarget } from './target'
import { checkPagesBelong } from './evidence'

/** Version of the medical-information consent text shown on the claim form (bump when the text changes). */
export const CONSENT_KIND = 'medical_info'

export async function hasConsent(ctx: HandlerContext): Promise<boolean> {
  const res = await ctx.db.collection('consents').where({ openid: ctx.caller.openid, kind: CONSENT_KIND }).count()
  return res.total > 0
}

/** A participation as the claim form shows it, with its version's data (disease lists, materials checklists). */
function participationView(p: ParticipationDoc, rules: Scheme) {
  return {
    id: p._id,
    schemeId: p.schemeId,
    family: p.family,
    year: p.year,
    products: p.products,
    shares: p.shares,
    firstTime: p.firstTime,
    coverageStart: p.coverageStart,
    coverageEnd: p.coverageEnd,
    endedProducts: p.endedProducts ?? [],
    inpatientDaysUsed: p.inpatientDaysUsed ?? 0,
    rules,
  }
}

/** Who the claim is for, their active participations, and whether the caller has given the PIPL consent. */
export const prepare = action({
  access: 'signed-in',
  input: resolveTargetInput,
  async run(ctx, { target }) {
    const t = await resolveTarget(ctx, target)
    const schemes = await loadSchemes(ctx.db)
    return {
      filedAs: t.filedAs,
      person: { id: t.person._id, name: t.person.name, idMasked: t.person.idMasked, unitName: t.unit.name },
      participations: t.participations.map((p) => participationView(p, schemes.get(p.schemeId))),
      consent: await hasConsent(ctx),
      today: ctx.clock.today(),
    }
  },
})

/** People the clerk's picker lists at once; a longer roster is narrowed by typing the name. */
const PICK_ROWS = 30

/**
 * The in-service people of the clerk's unit by name (pinyin order) — the first rows, or those whose name begins with `query` — to
 * pick whom to file for (name and masked ID only). One index range however large the unit.
 */
export const rosterForClaims = action({
  access: ['clerk'],
  input: rosterPickInput,
  async run(ctx, input) {
    const unitId = ctx.caller.user?.unitId
    if (!unitId) throw forbidden()
    const prefix = input.query ? namePrefixOf(ctx.db, input.query) : { where: {}, also: [] }
    const where = { unitId, status: 'in_service', ...prefix.where }
    const page = await keysetPage<{ _id: string; name: string; idMasked: string }>(ctx.db, 'people', where, BY_NAME_KEY, { limit: PICK_ROWS, also: prefix.also })
    return page.docs.map((p) => ({ id: p._id, name: p.name, idMasked: p.idMasked }))
  },
})

/**
 * Records the separate consent to process medical information (PIPL art. 28–29) before the first claim, once: the
 * unique index on (openid, kind) lets exactly one of any number of concurrent taps write it.
 */
export const consent = action({
  access: 'signed-in',
  input: consentInput,
  async run(ctx, input) {
    if (await hasConsent(ctx)) return { consent: true }
    const doc = { openid: ctx.caller.openid, kind: input.kind, textVersion: input.version, at: ctx.clock.now() }
    try {
      const res = await ctx.db.collection('consents').add({ data: doc })
      await audit(ctx, { action: 'consent.give', entity: 'consent', entityId: res._id, after: doc })
    } catch (err) {
      // Another tap of the same user recorded it first.
      if (!isDuplicateKey(err)) throw err
    }
    return { consent: true }
  },
})

/** Number of uploaded pages (the audit log records counts, not the medical content). */
const pageCount = (files: ClaimFiles): number => Object.values(files).reduce((n, ids) => n + ids.length, 0)

async function ownDraft(ctx: HandlerContext, draftId: string): Promise<DraftDoc> {
  const draft = await findById<DraftDoc>(ctx.db, 'claimDrafts', draftId)
  if (!draft) throw notFound('该草稿')
  if (draft.openid !== ctx.caller.openid) throw forbidden('这不是您的申请草稿。')
  return draft
}

/** Creates or updates a draft: facts and uploaded files are kept so closing the app loses nothing. */
export const saveDraft = action({
  access: 'signed-in',
  input: saveDraftInput,
  async run(ctx, input) {
    const now = ctx.clock.now()
    if (input.draftId) {
      const draft = await ownDraft(ctx, input.draftId)
      if (draft.claimId) throw new AppError('ALREADY_SUBMITTED', '该申请已提交，不能再修改草稿。请在申请详情中查看进度。')
      if (input.version === undefined) throw new AppError('INVALID_INPUT', '缺少草稿版本，请刷新后重试。')
      if (draft.product !== input.product || draft.kind !== input.kind || draft.participationId !== input.participationId) {
        throw new AppError('INVALID_INPUT', '草稿的申请类型不能更改；如需申请其他项目，请新建申请。')
      }
      // Every page sits under this draft's folder, named by its content's hash (evidence.ts).
      checkPagesBelong(input.files, [draft._id])
      await updateVersioned(ctx.db, 'claimDrafts', draft._id, input.version, { facts: input.facts, files: input.files })
      await audit(ctx, {
        action: 'claimDraft.save',
        entity: 'claimDraft',
        entityId: draft._id,
        before: { version: input.version, pages: pageCount(draft.files) },
        after: { version: input.version + 1, pages: pageCount(input.files) },
      })
      return { draftId: draft._id, version: input.version + 1 }
    }
    if (!input.target) throw new AppError('INVALID_INPUT', '请先选择为谁申请。')
    const t = await resolveTarget(ctx, input.target)
    const p = t.participations.find((x) => x._id === input.participationId)
    if (!p) throw new AppError('NOT_FOUND', '未找到该职工有效的参加记录，请确认单位已为其办理参加并缴费。')
    if (!p.products.includes(input.product)) throw new AppError('INVALID_INPUT', '该职工未参加此保障项目。')
    if (!kindsFor(p.family, input.product).includes(input.kind)) throw new AppError('INVALID_INPUT', '该项目没有这种申请类型。')
    // 身故抚恤 is claimed by the family (or a clerk for them), never by the worker for themself.
    if (t.filedAs === 'worker' && input.kind === 'death') {
      throw new AppError('INVALID_INPUT', '身故抚恤金由参加人的家属（受益人）或单位经办人申请；本人请选择“确诊”申请。')
    }
    if (t.filedAs === 'beneficiary' && input.kind !== 'death') {
      throw new AppError('INVALID_INPUT', '受益人只能申请身故抚恤金；其他申请请由职工本人或单位经办人办理。')
    }
    if (Object.keys(input.files).length > 0) throw new AppError('INVALID_INPUT', '请先保存草稿再上传照片。')
    const doc: Omit<DraftDoc, '_id'> = {
      openid: ctx.caller.openid,
      filedAs: t.filedAs,
      filerName: t.filerName,
      participationId: p._id,
      personId: t.person._id,
      product: input.product,
      kind: input.kind,
      facts: input.facts,
      files: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    const res = await ctx.db.collection('claimDrafts').add({ data: doc })
    await audit(ctx, {
      action: 'claimDraft.create',
      entity: 'claimDraft',
      entityId: res._id,
      after: { filedAs: doc.filedAs, personId: doc.personId, participationId: doc.participationId, product: doc.product, kind: doc.kind },
    })
    return { draftId: res._id as string, version: 1 }
  },
})

/** A draft of the caller's, with its participation, to resume filling in. */
export const getDraft = action({
  access: 'signed-in',
  input: draftRefInput,
  async run(ctx, { draftId }) {
    const draft = await ownDraft(ctx, draftId)
    const p = await findById<ParticipationDoc>(ctx.db, 'participations', draft.participationId)
    if (!p) throw notFound('该草稿对应的参加记录')
    const person = await findById<{ name: string; idMasked: string }>(ctx.db, 'people', draft.personId)
    return {
      draft: {
        id: draft._id,
        version: draft.version,
        filedAs: draft.filedAs,
        product: draft.product,
        kind: draft.kind,
        facts: draft.facts,
        files: draft.files,
        claimId: draft.claimId ?? null,
        updatedAt: draft.updatedAt,
      },
      person: { id: draft.personId, name: person?.name ?? '', idMasked: person?.idMasked ?? '' },
      participation: participationView(p, (await loadSchemes(ctx.db)).get(p.schemeId)),
      consent: await hasConsent(ctx),
      today: ctx.clock.today(),
    }
  },
})

/** The caller's drafts not yet submitted, newest first. */
export const myDrafts = action({
  access: 'signed-in',
  input: noInput,
  async run(ctx) {
    const drafts = await findAll<DraftDoc>(ctx.db, 'claimDrafts', { openid: ctx.caller.openid })
    return drafts
      .filter((d) => !d.claimId)
      .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime())
      .map((d) => ({ id: d._id, product: d.product, kind: d.kind, personId: d.personId, updatedAt: d.updatedAt }))
  },
})

/**
 * Temporary links to the pages of one of the caller's own drafts — a new claim's, or the pages gathered to resubmit a
 * returned claim (`resubmit-<claimId>`) — so the form shows thumbnails of pages saved in an earlier visit. Only the
 * draft's owner; only the pages the draft names; every opening is on record, like `photoUrls`.
 */
export const draftFileUrls = action({
  access: 'signed-in',
  input: draftRefInput,
  async run(ctx, { draftId }) {
    const draft = await ownDraft(ctx, draftId)
    const files = [...new Set(Object.values(draft.files ?? {}).flat())]
    if (files.length === 0) return { urls: {} }
    await audit(ctx, { action: 'claimDraft.files.open', entity: 'claimDraft', entityId: draft._id, after: { files } })
    return { urls: await tempUrls(ctx, files) }
  },
})
