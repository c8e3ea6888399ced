/**
 * How documents are written to the snapshot and the log: relaxed Extended JSON (MongoDB's own text format), produced
 * and read by a fast path — `JSON.stringify`/`JSON.parse` plus a walk that turns only `{ "$…": … }` wrappers back
 * into values. A stored document can never have a field starting with `$` (MongoDB refuses them, and so does the
 * emulator), so such an object is always a wrapper.
 *
 * Dates are `{"$date":"<ISO>"}`, non-finite numbers and -0 `{"$numberDouble":"…"}`, a RegExp
 * `{"$regularExpression":{…}}`; anything else bson knows (Binary, Decimal128, …) goes through bson's EJSON. Lines
 * written by earlier versions in canonical EJSON (`{"$numberInt":"3"}`) read the same.
 */
import { EJSON } from 'bson'
import { toPlain, type Doc } from '../ejson'

/** One value (a document, or a log line holding documents) as one line of relaxed EJSON, without the newline. */
export function encodeStored(value: unknown): string {
  return JSON.stringify(toJsonValue(value))
}

/** Parses a line written by `encodeStored` (or canonical EJSON) back into plain values. */
export function decodeStored(line: string): unknown {
  return revive(JSON.parse(line))
}

function toJsonValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { $numberDouble: Object.is(value, -0) ? '-0.0' : String(value) }
    return value
  }
  if (Array.isArray(value)) return value.map(toJsonValue)
  if (value instanceof Date) {
    const time = value.getTime()
    return Number.isNaN(time) ? EJSON.serialize(value, { relaxed: false }) : { $date: value.toISOString() }
  }
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: [...value.flags].sort().join('') } }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return EJSON.serialize(value as Doc, { relaxed: false })
  const out: Doc = {}
  for (const key of Object.keys(value)) {
    const v = (value as Doc)[key]
    if (v !== undefined) out[key] = toJsonValue(v)
  }
  return out
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i]
      if (v !== null && typeof v === 'object') value[i] = revive(v)
    }
    return value
  }
  const obj = value as Doc
  for (const key in obj) {
    if (key.charCodeAt(0) === 36 /* $ */) return wrapper(obj)
    const v = obj[key]
    if (v !== null && typeof v === 'object') obj[key] = revive(v)
  }
  return obj
}

function wrapper(obj: Doc): unknown {
  const date = obj.$date
  if (typeof date === 'string') return new Date(date)
  return toPlain(EJSON.deserialize(obj, { relaxed: true }), 0)
}
