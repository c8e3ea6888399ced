/**
 * Extended JSON at the wire boundary.
 *
 * The SDK sends queries, updates and documents as canonical EJSON strings (`{"$numberInt":"3"}`) and parses
 * our answers with `EJSON.parse`. Inside the emulator values are plain JS (number, Date, RegExp) so that mingo
 * sees what MongoDB would see.
 */
import { BSONRegExp, EJSON, Long, ObjectId } from 'bson'
import { jsonDepth, MAX_NESTING } from './http/nesting'
import { WireError } from './wire-error'

export type Doc = Record<string, unknown>

/** Flags JS RegExp understands; MongoDB's `x` (extended) has no JS equivalent and is dropped. */
const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

/** Parses an EJSON string from the SDK into plain JS values, resolving `serverDate` against `now`. */
export function decodeEjson(text: string, now: number): unknown {
  // EJSON wraps each leaf in one more level ({"$numberInt":"1"}); beyond that MongoDB's 100 levels apply.
  if (jsonDepth(text) > MAX_NESTING + 1) {
    throw new WireError('DATABASE_REQUEST_FAILED', `BSONObj exceeded maximum nested object depth: ${MAX_NESTING}（请求嵌套超过 ${MAX_NESTING} 层）`)
  }
  return toPlain(EJSON.parse(text, { relaxed: true }), now)
}

/** Canonical EJSON, as CloudBase answers (the SDK parses it back to numbers and Dates). */
export function encodeEjson(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false })
}

/** A decoded EJSON value (bson's classes) as the plain JS the emulator keeps (numbers, Dates, RegExps, hex ids). */
export function toPlain(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (value instanceof RegExp) return value
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((f) => JS_REGEX_FLAGS.has(f)).join('')
    return new RegExp(value.pattern, flags)
  }
  if (value instanceof Long) return value.toNumber()
  if (value instanceof ObjectId) return value.toHexString()
  if (Array.isArray(value)) return value.map((v) => toPlain(v, now))
  const obj = value as Doc
  const serverDate = obj.$tcb_server_date as { offset?: unknown } | undefined
  if (serverDate && typeof serverDate === 'object' && Object.keys(obj).length === 1) {
    const offset = typeof serverDate.offset === 'number' ? serverDate.offset : 0
    return new Date(now + offset)
  }
  const out: Doc = {}
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v, now)
  return out
}

/** Deep copy of a stored document (Dates and RegExps copied, not shared). */
export function cloneDoc<T>(value: T): T {
  return structuredClone(value)
}
