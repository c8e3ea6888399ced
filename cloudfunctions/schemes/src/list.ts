import { noInput, schemeRefInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { notFound } from '@cloud-shared/errors'
import { loadSchemes, type AnnouncedFeesDoc, type PublishedVersionDoc } from '@cloud-shared/schemes'
import type { HandlerContext } from '@cloud-shared/context'
import type { SchemeDraftDoc } from './model'
import { versionSummary } from './summary'

/** The versions with their fee announcements and publications, for the list and the version page. */
export async function loadCatalogue(ctx: HandlerContext) {
  const [schemes, announced, published] = await Promise.all([
    loadSchemes(ctx.db),
    findAll<AnnouncedFeesDoc>(ctx.db, 'schemeFees', {}, 1000),
    findAll<PublishedVersionDoc>(ctx.db, 'schemeVersions', {}, 1000),
  ])
  const announcedById = new Map(announced.map((d) => [d._id as string, d]))
  const publishedById = new Map(published.map((d) => [d._id as string, d]))
  return { schemes, announcedById, publishedById, summary: (id: string) => versionSummary(schemes.registry.get(id as never), schemes, announcedById, publishedById) }
}

/**
 * Every version (built-in and published, newest first) with its dates and fee state; for the office also the drafts
 * being edited and any stored configuration that does not load.
 */
export const list = action({
  access: ['office', 'agent', 'clerk'],
  input: noInput,
  async run(ctx) {
    const { schemes, summary } = await loadCatalogue(ctx)
    const office = ctx.caller.roles.includes('office')
    const drafts = office ? await findAll<SchemeDraftDoc>(ctx.db, 'schemeDrafts', { status: 'draft' }, 1000) : []
    return {
      today: ctx.clock.today(),
      versions: [...schemes.registry.schemes].reverse().map((s) => summary(s.id)),
      drafts: drafts
        .sort((a, b) => +new Date(b.updatedAt) - +new Date(a.updatedAt))
        .map((d) => ({ id: d._id, targetId: d.targetId, baseId: d.baseId, family: d.family, name: d.scheme.name, version: d.version, status: d.status === 'published' ? ('published' as const) : ('draft' as const), updatedAt: d.updatedAt, updatedByName: d.updatedByName })),
      problems: office ? [...schemes.problems].map(([id, message]) => ({ id, message })) : [],
    }
  },
})

/** One version's full data as the functions use it, and its fee announcement. */
export const get = action({
  access: ['office', 'agent', 'clerk'],
  input: schemeRefInput,
  async run(ctx, { schemeId }) {
    const { schemes, announcedById, summary } = await loadCatalogue(ctx)
    if (!schemes.registry.has(schemeId)) throw notFound(`方案版本 ${schemeId}`)
    const a = announcedById.get(schemeId)
    return {
      summary: summary(schemeId),
      rules: schemes.registry.get(schemeId),
      announcement: a ? { notice: a.notice, announcedOn: a.announcedOn, fees: a.fees } : null,
    }
  },
})
