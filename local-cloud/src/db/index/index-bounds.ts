/**
 * What a query tells about each field, as value intervals an index can be walked over (MongoDB's index bounds).
 *
 * Bounds are always a superset of what the query matches (the full query is still tested on every document the
 * index yields), and `exact` says when they are exactly the query's condition on that field, so a count can be
 * answered from the index keys alone. Only conditions whose meaning on scalar values is certain are turned into
 * bounds: equality and `$eq`/`$in` on scalars, and `$gt/$gte/$lt/$lte` on a number, string, boolean or date —
 * within that type only, as MongoDB and mingo compare only values of the same type. Everything else (`$ne`,
 * `$regex`, `$exists`, `$or`, `$elemMatch`, …) leaves the field unconstrained and the bounds inexact.
 */
import type { Doc } from '../../ejson'
import { comparePart, isOrderable, TypeEdge, typeRank } from './index-key'

/** An interval in value order; `lo`/`hi` are values or the edges of one type's values. */
export interface Interval {
  lo: unknown
  loIncl: boolean
  hi: unknown
  hiIncl: boolean
}

export interface FieldBounds {
  /** Sorted, disjoint intervals; undefined = no constraint. */
  intervals?: Interval[]
  /** The intervals are exactly the query's condition on this field. */
  exact: boolean
}

export interface QueryBounds {
  fields: Map<string, FieldBounds>
  /** Every condition of the query is a field condition turned into bounds (no $or, $expr, … at the top). */
  allFieldsBounded: boolean
}

const isPlainObject = (v: unknown): v is Doc =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp)

const point = (v: unknown): Interval => ({ lo: v, loIncl: true, hi: v, hiIncl: true })

/** The bounds of every field the query constrains (top-level fields and `$and` branches). */
export function queryBounds(criteria: Doc): QueryBounds {
  const conditions = new Map<string, unknown[]>()
  let allFieldsBounded = true
  const collect = (c: Doc): void => {
    for (const [key, value] of Object.entries(c)) {
      if (key === '$and' && Array.isArray(value) && value.every(isPlainObject)) {
        for (const branch of value) collect(branch as Doc)
      } else if (key.startsWith('$')) {
        allFieldsBounded = false
      } else {
        const list = conditions.get(key) ?? []
        list.push(value)
        conditions.set(key, list)
      }
    }
  }
  collect(criteria)
  const fields = new Map<string, FieldBounds>()
  for (const [field, list] of conditions) {
    let bounds: FieldBounds = { exact: true }
    for (const condition of list) bounds = intersectBounds(bounds, conditionBounds(condition))
    fields.set(field, bounds)
  }
  return { fields, allFieldsBounded }
}

function conditionBounds(condition: unknown): FieldBounds {
  if (isPlainObject(condition)) {
    const keys = Object.keys(condition)
    if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return { exact: false } // an embedded document
    let bounds: FieldBounds = { exact: true }
    for (const op of keys) bounds = intersectBounds(bounds, operatorBounds(op, condition[op]))
    return bounds
  }
  return equalityBounds(condition)
}

function equalityBounds(value: unknown): FieldBounds {
  if (Object.is(value, -0)) return { intervals: [point(0)], exact: true }
  if (value === undefined || !isOrderable(value)) return { exact: false } // arrays, RegExp, NaN, embedded documents
  return { intervals: [point(value)], exact: true }
}

function operatorBounds(op: string, operand: unknown): FieldBounds {
  switch (op) {
    case '$eq':
      return equalityBounds(operand)
    case '$in': {
      if (!Array.isArray(operand)) return { exact: false }
      const points: unknown[] = []
      for (const v of operand) {
        const b = equalityBounds(v)
        if (!b.intervals) return { exact: false }
        points.push(b.intervals[0].lo)
      }
      points.sort((a, b) => comparePart(a, b, 1))
      const unique = points.filter((v, i) => i === 0 || comparePart(points[i - 1], v, 1) !== 0)
      return { intervals: unique.map(point), exact: true }
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (operand === null || operand === undefined || !isOrderable(operand)) return { exact: false }
      const rank = typeRank(operand)
      const inclusive = op === '$gte' || op === '$lte'
      const interval =
        op === '$gt' || op === '$gte'
          ? { lo: operand, loIncl: inclusive, hi: new TypeEdge(rank, 1), hiIncl: true }
          : { lo: new TypeEdge(rank, -1), loIncl: true, hi: operand, hiIncl: inclusive }
      return { intervals: [interval], exact: true }
    }
    default:
      return { exact: false }
  }
}

function intersectBounds(a: FieldBounds, b: FieldBounds): FieldBounds {
  const exact = a.exact && b.exact
  if (!a.intervals) return { intervals: b.intervals, exact }
  if (!b.intervals) return { intervals: a.intervals, exact }
  const out: Interval[] = []
  for (const x of a.intervals) {
    for (const y of b.intervals) {
      const lo = maxLow(x, y)
      const hi = minHigh(x, y)
      const c = comparePart(lo.v, hi.v, 1)
      if (c < 0 || (c === 0 && lo.incl && hi.incl)) out.push({ lo: lo.v, loIncl: lo.incl, hi: hi.v, hiIncl: hi.incl })
    }
  }
  out.sort((p, q) => comparePart(p.lo, q.lo, 1))
  return { intervals: out, exact }
}

function maxLow(x: Interval, y: Interval): { v: unknown; incl: boolean } {
  const c = comparePart(x.lo, y.lo, 1)
  if (c > 0) return { v: x.lo, incl: x.loIncl }
  if (c < 0) return { v: y.lo, incl: y.loIncl }
  return { v: x.lo, incl: x.loIncl && y.loIncl }
}

function minHigh(x: Interval, y: Interval): { v: unknown; incl: boolean } {
  const c = comparePart(x.hi, y.hi, 1)
  if (c < 0) return { v: x.hi, incl: x.hiIncl }
  if (c > 0) return { v: y.hi, incl: y.hiIncl }
  return { v: x.hi, incl: x.hiIncl && y.hiIncl }
}

/** Is this field fixed to one value by the bounds (so it cannot change a sort)? */
export function isSinglePoint(bounds: FieldBounds | undefined): boolean {
  const intervals = bounds?.intervals
  if (!intervals || intervals.length !== 1) return false
  const [i] = intervals
  return i.loIncl && i.hiIncl && !(i.lo instanceof TypeEdge) && comparePart(i.lo, i.hi, 1) === 0
}

/** Are all intervals points (equality / $in)? */
export function isPoints(bounds: FieldBounds | undefined): boolean {
  return !!bounds?.intervals && bounds.intervals.every((i) => i.loIncl && i.hiIncl && !(i.lo instanceof TypeEdge) && comparePart(i.lo, i.hi, 1) === 0)
}
