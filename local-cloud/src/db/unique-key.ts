/**
 * Unique index keys with MongoDB's rules: a missing field indexes as null (so two documents both missing a
 * uniquely indexed field collide), and numerically equal values are the same key.
 */
import { EJSON } from 'bson'
import type { Doc } from '../ejson'

export interface UniqueIndex {
  name: string
  fields: string[]
}

/** Value at a dot path; undefined when any step is missing. Arrays are not traversed (whole value is the key). */
export function valueAtPath(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Doc)[part]
  }
  return cur
}

/** The index key of a document as a comparable string. */
export function uniqueKey(doc: Doc, index: UniqueIndex): string {
  const values = index.fields.map((f) => {
    const v = valueAtPath(doc, f)
    return v === undefined ? null : v
  })
  return EJSON.stringify(values, { relaxed: true })
}

/** The `dup key: { … }` part of MongoDB's E11000 message. */
export function describeKey(doc: Doc, index: UniqueIndex): string {
  const parts = index.fields.map((f) => {
    const v = valueAtPath(doc, f)
    return `${f}: ${JSON.stringify(v === undefined ? null : v)}`
  })
  return `{ ${parts.join(', ')} }`
}
