import type { HandlerContext } from './context'
import { PAGE_LIMIT, findAll } from './db'
import type { ParticipationDoc } from './documents'

/**
 * Participations of the given people (by ID hash) in one scheme family and year, fetched in chunks so each query
 * stays within CloudBase's 1000-document limit (at most one participation per person and period: Art. 6).
 */
export async function participationsByHash(
  ctx: HandlerContext,
  family: 'WH' | 'TZ',
  year: number,
  idHashes: string[],
): Promise<ParticipationDoc[]> {
  const _ = ctx.db.command
  const out: ParticipationDoc[] = []
  const chunks: string[][] = []
  for (let i = 0; i < idHashes.length; i += PAGE_LIMIT) chunks.push(idHashes.slice(i, i + PAGE_LIMIT))
  // A few chunks at a time: fast for 10,000 people without flooding the database.
  for (let i = 0; i < chunks.length; i += 4) {
    const batch = await Promise.all(
      chunks.slice(i, i + 4).map((chunk) => findAll<ParticipationDoc>(ctx.db, 'participations', { family, year, idHash: _.in(chunk) }, 2 * PAGE_LIMIT)),
    )
    for (const b of batch) out.push(...b)
  }
  return out
}
