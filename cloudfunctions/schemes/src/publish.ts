import { previewVersion } from '@mutual-aid/shared-rules'
import { schemeDraftRefInput, versionedSchemeDraftInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { AppError, isDuplicateKey, notFound } from '@cloud-shared/errors'
import { loadSchemes, versionSlot, type PublishedVersionDoc } from '@cloud-shared/schemes'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet, txGetVersioned } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import type { SchemeDraftDoc } from './model'
import { loadDraft } from './drafts'
import { publishBlockers } from './blockers'
import { changesBetween } from './changes'

/**
 * What publishing the draft would change: every seed case of its family (the documents' examples, benefit-table rows,
 * the fee example) under the version it was copied from and under the draft, each in its own period, with the changed
 * outcomes marked; the values changed; and what would stop publishing today.
 */
export const preview = action({
  access: ['office'],
  input: schemeDraftRefInput,
  async run(ctx, { draftId }) {
    const draft = await loadDraft(ctx, draftId)
    const schemes = await loadSchemes(ctx.db)
    const base = schemes.get(draft.baseId)
    return {
      draftId: draft._id,
      version: draft.version,
      baseId: draft.baseId,
      targetId: draft.targetId,
      rows: previewVersion(base, draft.scheme),
      changes: changesBetween(base, draft.scheme),
      blockers: draft.status === 'draft' ? publishBlockers(draft.scheme, schemes, ctx.clock.today()) : ['该草稿已发布。'],
    }
  },
})

/**
 * Publishes a draft: its data becomes the version `schemeVersions/<id>` — immutable, effective by its dates, joining
 * every function's registry on the next call — and the draft becomes read-only, in one transaction with the audit
 * entry. Publishing twice (a double tap, two office users) publishes once: the other answers VERSION_EXISTS or
 * CONFLICT, and the database's unique slot refuses a second version for the same TZ year or WH effective date.
 */
export const publish = action({
  access: ['office'],
  input: versionedSchemeDraftInput,
  async run(ctx, { draftId, version }) {
    const today = ctx.clock.today()
    const now = ctx.clock.now()
    const schemes = await loadSchemes(ctx.db)
    try {
      const published = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
        const draft = await txGetVersioned<SchemeDraftDoc>(tx, 'schemeDrafts', draftId, version, () => notFound('该方案草稿'))
        if (draft.status !== 'draft') throw new AppError('DRAFT_PUBLISHED', '该草稿已经发布（或已删除），不能再次发布。')
        const s = draft.scheme
        const blockers = publishBlockers(s, schemes, today)
        if (blockers.length > 0) throw new AppError(blockers[0].includes('编号') || blockers[0].includes('已有') ? 'VERSION_EXISTS' : 'EFFECTIVE_TOO_EARLY', blockers.join(''))
        if (await txGet<PublishedVersionDoc>(tx, 'schemeVersions', s.id)) throw new AppError('VERSION_EXISTS', `方案版本 ${s.id} 已经发布。`)
        const doc: Omit<PublishedVersionDoc, '_id'> = {
          schemeId: s.id,
          family: s.family,
          slot: versionSlot(s),
          scheme: s,
          baseId: draft.baseId,
          draftId: draft._id,
          publishedOn: today,
          publishedBy: ctx.caller.openid,
          publishedByName: ctx.caller.user?.name ?? '',
          createdAt: now,
        }
        await tx.collection('schemeVersions').doc(s.id).set({ data: doc })
        await tx.collection('schemeDrafts').doc(draftId).update({ data: { status: 'published', publishedAt: now, version: draft.version + 1, updatedAt: now } })
        await audit(ctx, { action: 'scheme.publish', entity: 'scheme', entityId: s.id, before: null, after: { baseId: draft.baseId, draftId, slot: doc.slot, effectiveFrom: s.effectiveFrom, changes: changesBetween(schemes.get(draft.baseId), s).length } }, tx)
        return s
      }, { busyMessage: '该方案正在被他人同时发布，请稍等几秒后刷新查看。' })
      return { schemeId: published.id, publishedOn: today }
    } catch (err) {
      // Another draft for the same TZ year or WH effective date committed first: the unique slot refused this one.
      if (isDuplicateKey(err)) throw new AppError('VERSION_EXISTS', '同一年度（或同一施行日期）已经发布了方案版本，不能重复发布。请刷新后查看。')
      throw err
    }
  },
})
