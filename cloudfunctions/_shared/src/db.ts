import { conflict } from './errors'
import type { SdkHandle } from './sdk'

/** CloudBase returns at most 1000 documents per query (and the SDK caps `limit` there). */
export const PAGE_LIMIT = 1000

/** One document by `_id`, or null. (`where` rather than `doc().get()`, which rejects when the document is missing.) */
export async function findById<T>(db: SdkHandle, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).where({ _id: id }).limit(1).get()
  return (res.data[0] as T) ?? null
}

/**
 * Every document matching `where` — for sets bounded by the domain (a unit's few declarations for a year, the
 * handful of agents), never for a list that grows with use: those are paged (`keysetPage`). Fetched in pages of 1000
 * ordered by `_id`. More than `max` matches is a bug in the caller's assumption and fails loudly instead of answering
 * a silently truncated list.
 */
export async function findAll<T>(db: SdkHandle, collection: string, where: object, max = 1000): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE_LIMIT) {
    const res = await db.collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(PAGE_LIMIT).get()
    out.push(...(res.data as T[]))
    if (out.length > max) throw new Error(`findAll(${collection}): more than ${max} documents match — read it by pages instead`)
    if (res.data.length < PAGE_LIMIT) return out
  }
}

/**
 * Inserts many documents in batches (one wire request per batch) and returns the inserted ids in order.
 * A batch the database refuses (e.g. a duplicate key) throws; the batches before it stay written.
 */
export async function insertMany(db: SdkHandle, collection: string, docs: object[], batch = 500): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < docs.length; i += batch) {
    const chunk = docs.slice(i, i + batch)
    // wx-server-sdk answers `_ids` for an array insert.
    const res = await db.collection(collection).add({ data: chunk })
    const written: string[] = res._ids ?? []
    if (written.length !== chunk.length) {
      throw new Error(`insertMany(${collection}): ${written.length} of ${chunk.length} documents acknowledged`)
    }
    ids.push(...written)
  }
  return ids
}

/**
 * Optimistic concurrency: updates the document only if its `version` is still `expected`, and bumps it.
 * A concurrent edit makes the update match nothing, which answers CONFLICT instead of overwriting silently.
 */
export async function updateVersioned(db: SdkHandle, collection: string, id: string, expected: number, patch: object): Promise<void> {
  const _ = db.command
  const res = await db
    .collection(collection)
    .where({ _id: id, version: expected })
    .update({ data: { ...patch, version: _.inc(1), updatedAt: db.serverDate() } })
  if (res.stats.updated !== 1) throw conflict()
}
