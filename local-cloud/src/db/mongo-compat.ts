/**
 * Where mingo differs from MongoDB on queries the SDK can send, the query is rewritten into an equivalent that mingo
 * evaluates the MongoDB way (MongoDB manual: $elemMatch, $week, $substrBytes / $substr):
 * - `$elemMatch` with field conditions matches only embedded documents (mingo also matched arrays of plain values);
 * - `$week` is the week of the year with weeks starting on Sunday, days before the first Sunday in week 0 (mingo
 *   derived it from the ISO week);
 * - `$substr` / `$substrBytes` with a negative length take the rest of the string, and a negative or out-of-range
 *   start gives "" (mingo raised an error).
 * Regular expressions with a NUL byte are refused as MongoDB refuses them.
 */
import type { Doc } from '../ejson'
import { WireError } from '../wire-error'

const isPlainObject = (v: unknown): v is Doc =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp)

/** Only an embedded document passes (tested against the array element itself). */
const EMBEDDED_DOCUMENT = { $expr: { $eq: [{ $type: '$$CURRENT' }, 'object'] } }

function hasFieldCondition(criteria: Doc): boolean {
  return Object.keys(criteria).some((k) => !k.startsWith('$') || k === '$and' || k === '$or' || k === '$nor')
}

/** MongoDB's $week from $dayOfYear and $dayOfWeek of the same date argument (timezone included). */
function week(arg: unknown): Doc {
  return {
    $let: {
      vars: { weekdoy: { $subtract: [{ $dayOfYear: arg }, 1] }, weekdow: { $subtract: [{ $dayOfWeek: arg }, 1] } },
      in: {
        $floor: {
          $divide: [
            // Day of the week of 1 January (0 = Sunday), then the number of Sundays passed.
            { $add: ['$$weekdoy', { $mod: [{ $add: [{ $mod: [{ $subtract: ['$$weekdow', '$$weekdoy'] }, 7] }, 7] }, 7] }] },
            7,
          ],
        },
      },
    },
  }
}

function substr(args: unknown[]): Doc {
  const [s, index, count] = args
  const len = { $strLenBytes: { $ifNull: ['$$substrs', ''] } }
  return {
    $let: {
      vars: { substrs: s, substri: index, substrn: count },
      in: {
        $cond: [
          { $or: [{ $lt: ['$$substri', 0] }, { $gte: ['$$substri', len] }] },
          '',
          {
            $substrBytes: [
              '$$substrs',
              '$$substri',
              { $cond: [{ $or: [{ $lt: ['$$substrn', 0] }, { $gt: [{ $add: ['$$substri', '$$substrn'] }, len] }] }, { $subtract: [len, '$$substri'] }, '$$substrn'] },
            ],
          },
        ],
      },
    },
  }
}

/** Rewrites a query condition, projection or pipeline stage for MongoDB semantics; refuses NUL in patterns. */
export function mongoCompatible<T>(value: T): T {
  return rewrite(value) as T
}

function refuseNul(pattern: string): void {
  if (pattern.includes('\u0000')) {
    throw new WireError('DATABASE_REQUEST_FAILED', 'Regular expression cannot contain an embedded null byte（正则表达式不能含 NUL 字符）')
  }
}

function rewrite(value: unknown): unknown {
  if (value instanceof RegExp) {
    refuseNul(value.source)
    return value
  }
  if (Array.isArray(value)) return value.map(rewrite)
  if (!isPlainObject(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1) {
    const [key] = keys
    const arg = value[key]
    if (key === '$week') return week(rewrite(arg))
    if ((key === '$substr' || key === '$substrBytes') && Array.isArray(arg) && arg.length === 3) return substr(arg.map(rewrite))
  }
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === '$regex' && typeof v === 'string') refuseNul(v)
    if (k === '$elemMatch' && isPlainObject(v) && hasFieldCondition(v)) out[k] = { $and: [rewrite(v), EMBEDDED_DOCUMENT] }
    else out[k] = rewrite(v)
  }
  return out
}
