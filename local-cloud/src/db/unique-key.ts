/**
 * Unique index keys with MongoDB's rules: a missing field indexes as null (so two documents both missing a
 * uniquely indexed field collide), and numerically equal values are the same key.
 */
import { EJSON } from 'bson'
import type { Doc } from '../ejson'
import { valueAtPath } from './value-at-path'

export interface UniqueIndex {
  name: string
  fields: string[]
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
