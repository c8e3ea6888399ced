import type { SdkHandle } from '@cloud-shared/sdk'
import { PAGE } from './tick'

/** One page of `collection` matching `where`, after `cursor` in `_id` order (keyset paging: each page costs the same). */
export async function pageAfter<T extends { _id: string }>(db: SdkHandle, collection: string, where: Record<string, unknown>, cursor: string | null): Promise<{ docs: T[]; next: string | null }> {
  const _ = db.command
  const query = cursor ? { ...where, _id: _.gt(cursor) } : where
  const res = await db.collection(collection).where(query).orderBy('_id', 'asc').limit(PAGE).get()
  const docs = res.data as T[]
  return { docs, next: docs.length === PAGE ? docs[docs.length - 1]._id : null }
}

/** Documents whose `field` is one of `values` (in chunks the database accepts). */
export async function findIn<T>(db: SdkHandle, collection: string, field: string, values: readonly string[], where: Record<string, unknown> = {}): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  const unique = [...new Set(values)]
  for (let i = 0; i < unique.length; i += 500) {
    const res = await db.collection(collection).where({ ...where, [field]: _.in(unique.slice(i, i + 500)) }).limit(1000).get()
    out.push(...(res.data as T[]))
  }
  return out
}
