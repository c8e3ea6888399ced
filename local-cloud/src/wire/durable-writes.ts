/**
 * Which wire requests are database writes that a crash can come before or after: every insert, update, set,
 * upsert, remove and collection creation made outside a transaction, and every transaction commit. Writes inside a
 * transaction are not counted on their own: nothing of them is kept until the commit, so stopping a function at one
 * leaves the same state as stopping it at the commit.
 */
import { EJSON } from 'bson'
import type { WireParams } from './types'

const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.addCollection',
])

export const COMMIT = 'database.commitTransaction'

export function isDurableWrite(action: string, params: WireParams): boolean {
  if (action === COMMIT) return true
  if (!WRITES.has(action)) return false
  return typeof params.transactionId !== 'string' || params.transactionId === ''
}

/** A short description of what a write touches, for people reading a crash point: `claims/abc` or `claims (where)`. */
export function describeWrite(action: string, params: WireParams): { collection: string | null; target: string } {
  const collection = typeof params.collectionName === 'string' ? params.collectionName : null
  if (action === COMMIT) return { collection, target: 'transaction commit' }
  if (action === 'database.insertDocument' && Array.isArray(params.data)) {
    const ids = params.data.map((d) => idIn(d)).filter((id): id is string => id !== null)
    return { collection, target: ids.length === params.data.length ? ids.join(',') : `${params.data.length} new document(s)` }
  }
  if (params.queryType === 'DOC') return { collection, target: idIn(params.query) ?? '(doc)' }
  if (action === 'database.addCollection') return { collection, target: '(create collection)' }
  return { collection, target: params.multi === true ? '(where, multi)' : '(where)' }
}

function idIn(ejson: unknown): string | null {
  if (typeof ejson !== 'string') return null
  try {
    const doc = EJSON.parse(ejson, { relaxed: true }) as { _id?: unknown }
    return typeof doc._id === 'string' || typeof doc._id === 'number' ? String(doc._id) : null
  } catch {
    return null
  }
}
