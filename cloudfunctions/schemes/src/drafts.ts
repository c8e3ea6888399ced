import { randomBytes } from 'node:crypto'
import { nextVersionDraft, parseScheme, schemeSchema, type Scheme } from '@mutual-aid/shared-rules'
import { createSchemeDraftInput, saveSchemeDraftInput, schemeDraftRefInput, versionedSchemeDraftInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { audit } from '@cloud-shared/audit'
import { findById } from '@cloud-shared/db'
import { AppError, notFound } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGetVersioned, withoutId } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import type { SchemeDraftDoc } from './model'
import { changesBetween } from './changes'

const who = (ctx: HandlerContext) => ({ openid: ctx.caller.openid, name: ctx.caller.user?.name ?? '' })

/** The draft, or NOT_FOUND (drafts are the office's: only office users reach these actions). */
export async function loadDraft(ctx: HandlerContext, draftId: string): Promise<SchemeDraftDoc> {
  const draft = await findById<SchemeDraftDoc>(ctx.db, 'schemeDrafts', draftId)
  if (!draft || draft.status === 'discarded') throw notFound('该方案草稿')
  return draft
}

/**
 * The refusal of a draft's data, naming each problem by the field it is in (the form shows them by field): the same
 * schema as the built-in versions (`schemeSchema`).
 */
function invalidScheme(value: unknown): AppError | null {
  const parsed = schemeSchema.safeParse(value)
  if (parsed.success) return null
  const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  const text = issues.slice(0, 3).map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')
  return new AppError('INVALID_SCHEME', `方案数据不符合规定：${text}。请修改后再保存。`, { issues })
}

/**
 * Starts next year's version (or a revised WH) from a version: a copy with its dates moved (`nextVersionDraft`), kept
 * as a draft only the office sees until it is published. The draft and its audit entry are written together.
 */
export const createDraft = action({
  access: ['office'],
  input: createSchemeDraftInput,
  async run(ctx, { baseId, year }) {
    const schemes = await loadSchemes(ctx.db)
    const base = schemes.registry.find(baseId)
    if (!base) throw notFound(`方案版本 ${baseId}`)
    const todayYear = Number(ctx.clock.today().slice(0, 4))
    if (base.family === 'WH' && year <= todayYear) {
      throw new AppError('EFFECTIVE_TOO_EARLY', `修订的办法只能自以后年度施行（${todayYear + 1} 年或以后）：已开始的保障期按原办法执行（第二十六条）。`)
    }
    let scheme: Scheme
    try {
      scheme = nextVersionDraft(base, year)
    } catch (err) {
      throw new AppError('INVALID_INPUT', `无法生成 ${year} 年度的草稿：${(err as Error).message}`)
    }
    if (schemes.registry.has(scheme.id)) throw new AppError('VERSION_EXISTS', `方案版本 ${scheme.id} 已经存在，不需要再新建。`)
    const now = ctx.clock.now()
    const me = who(ctx)
    const id = `draft-${scheme.id}-${randomBytes(4).toString('hex')}`
    const doc: Omit<SchemeDraftDoc, '_id'> = {
      targetId: scheme.id,
      baseId: base.id,
      family: base.family,
      scheme,
      status: 'draft',
      version: 1,
      createdBy: me.openid,
      createdByName: me.name,
      updatedBy: me.openid,
      updatedByName: me.name,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    }
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      await tx.collection('schemeDrafts').doc(id).set({ data: doc })
      await audit(ctx, { action: 'scheme.createDraft', entity: 'schemeDraft', entityId: id, after: { targetId: scheme.id, baseId: base.id, year } }, tx)
    })
    return { draftId: id, version: 1 }
  },
})

/** A draft with the version it was copied from, for the edit form. */
export const getDraft = action({
  access: ['office'],
  input: schemeDraftRefInput,
  async run(ctx, { draftId }) {
    const draft = await loadDraft(ctx, draftId)
    const schemes = await loadSchemes(ctx.db)
    return {
      draft: {
        id: draft._id,
        targetId: draft.targetId,
        baseId: draft.baseId,
        family: draft.family,
        name: draft.scheme.name,
        version: draft.version,
        status: draft.status === 'published' ? ('published' as const) : ('draft' as const),
        updatedAt: draft.updatedAt,
        updatedByName: draft.updatedByName,
        createdAt: draft.createdAt,
        publishedAt: draft.publishedAt,
      },
      scheme: draft.scheme,
      base: schemes.get(draft.baseId),
      today: ctx.clock.today(),
    }
  },
})

/**
 * Saves the office's edit of a draft: the whole version's data, validated by the same schema as the built-in versions
 * (a refusal lists the problems by field), at the version the editor loaded — of two office users editing one draft,
 * the second to save gets CONFLICT and reloads, nothing is overwritten. The audit entry lists what changed.
 */
export const saveDraft = action({
  access: ['office'],
  input: saveSchemeDraftInput,
  async run(ctx, { draftId, version, scheme: raw }) {
    const invalid = invalidScheme(raw)
    if (invalid) throw invalid
    const parsed = parseScheme(raw)
    if (!parsed.ok) throw new AppError('INVALID_SCHEME', parsed.message)
    const scheme = parsed.scheme
    const now = ctx.clock.now()
    const me = who(ctx)
    const saved = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const draft = await txGetVersioned<SchemeDraftDoc>(tx, 'schemeDrafts', draftId, version, () => notFound('该方案草稿'))
      if (draft.status !== 'draft') throw new AppError('DRAFT_PUBLISHED', '该草稿已发布或已删除，不能再修改。已发布的版本不可更改；如需调整，请以它为基础新建下一版本。')
      if (scheme.family !== draft.family) throw new AppError('INVALID_SCHEME', `草稿是 ${draft.family} 方案，不能改为 ${scheme.family} 方案。`)
      const after: SchemeDraftDoc = { ...draft, scheme, targetId: scheme.id, version: draft.version + 1, updatedBy: me.openid, updatedByName: me.name, updatedAt: now }
      await tx.collection('schemeDrafts').doc(draftId).set({ data: withoutId(after) })
      await audit(ctx, {
        action: 'scheme.saveDraft',
        entity: 'schemeDraft',
        entityId: draftId,
        before: { version: draft.version },
        after: { version: after.version, changes: changesBetween(draft.scheme, scheme).slice(0, 50) },
      }, tx)
      return after
    }, { busyMessage: '该草稿正在被他人同时保存，请稍等几秒后刷新再改。' })
    return { draftId, version: saved.version }
  },
})

/** Discards a draft that was never published (kept, marked discarded, for the audit trail). */
export const discardDraft = action({
  access: ['office'],
  input: versionedSchemeDraftInput,
  async run(ctx, { draftId, version }) {
    const now = ctx.clock.now()
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const draft = await txGetVersioned<SchemeDraftDoc>(tx, 'schemeDrafts', draftId, version, () => notFound('该方案草稿'))
      if (draft.status !== 'draft') throw new AppError('DRAFT_PUBLISHED', '该草稿已发布或已删除。')
      await tx.collection('schemeDrafts').doc(draftId).update({ data: { status: 'discarded', version: draft.version + 1, updatedBy: ctx.caller.openid, updatedAt: now } })
      await audit(ctx, { action: 'scheme.discardDraft', entity: 'schemeDraft', entityId: draftId, before: { status: 'draft', version }, after: { status: 'discarded' } }, tx)
    })
    return { discarded: true as const }
  },
})
