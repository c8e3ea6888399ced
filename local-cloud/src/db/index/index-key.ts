/**
 * Index keys, ordered exactly as the emulator sorts query results (mingo's `$sort`, which follows MongoDB's BSON type
 * order: null < numbers < strings < … < booleans < dates), so that walking an index gives the same order as sorting.
 *
 * Only scalar values are ordered here: string, number, boolean, date, and null (a missing field is null, as in
 * MongoDB's indexes and in mingo's sort, which groups both together). A document whose value on an indexed path is
 * anything else — an array (a multikey entry), an embedded document, NaN, -0, an invalid date, a RegExp — is
 * "unindexable": it is kept out of the tree, and while any such document exists the index is not used for queries.
 * (mingo compares those values in ways a single ordered key cannot reproduce: arrays by their sorted elements,
 * NaN equal to every number.)
 */
import { compare as mingoCompare, resolve } from 'mingo/util'
import type { Doc } from '../../ejson'

export type ScalarKey = string | number | boolean | Date | null

/** A key tuple in the tree: one value per index field, then the document's natural position (ties in natural order). */
export type KeyTuple = unknown[]

/** Before / after every key, whatever the field's direction (fills the unconstrained fields of a bound). */
export const LOWEST: unique symbol = Symbol('lowest')
export const HIGHEST: unique symbol = Symbol('highest')

/**
 * The start (`side` -1) or end (+1) of one type's values, in value order: bounds a range to the type of its operand,
 * as MongoDB (and mingo: `$gt` compares only values of the same type) do.
 */
export class TypeEdge {
  constructor(
    readonly rank: number,
    readonly side: -1 | 1,
  ) {}
}

/** mingo's SORT_ORDER for the scalar types an index holds. */
export function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 2
  switch (typeof value) {
    case 'number':
      return 3
    case 'string':
      return 4
    case 'boolean':
      return 9
    default:
      return value instanceof Date ? 10 : 6
  }
}

/** Is `value` a scalar with one place in the order (see the module comment)? */
export function isOrderable(value: unknown): value is ScalarKey | undefined {
  if (value === null || value === undefined) return true
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return !Number.isNaN(value) && !Object.is(value, -0)
    case 'object':
      return value instanceof Date && !Number.isNaN(value.getTime())
    default:
      return false
  }
}

/** The value a query sees at `path` (mingo's own resolution), or `undefined` when it has no single ordered value. */
export function orderedValueAt(doc: Doc, path: string): { value: ScalarKey } | undefined {
  const value: unknown = valueAt(doc, path)
  if (!isOrderable(value)) return undefined
  return { value: value === undefined ? null : value }
}

const segmentsOf = new Map<string, string[]>()

/**
 * mingo's `resolve(doc, path)`, walked directly while every step is an own field of a plain object (the common case:
 * a start extracts a key per document per index, and mingo's general walk cost seconds at city scale); anything else
 * on the way — an array, a Date, a missing field inherited from Object.prototype — goes to mingo itself.
 */
function valueAt(doc: Doc, path: string): unknown {
  let segments = segmentsOf.get(path)
  if (!segments) {
    segments = path.split('.')
    segmentsOf.set(path, segments)
  }
  let value: unknown = doc
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return resolve(doc, path)
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return resolve(doc, path)
    if (!Object.hasOwn(value, segment)) return segment in value ? resolve(doc, path) : undefined
    value = (value as Record<string, unknown>)[segment]
  }
  return value
}

/** Compares two parts of a key tuple in value order times `dir` (sentinels are already in index order). */
export function comparePart(a: unknown, b: unknown, dir: 1 | -1): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -dir : a > b ? dir : 0
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -dir : a > b ? dir : 0
  if (a === LOWEST) return b === LOWEST ? 0 : -1
  if (a === HIGHEST) return b === HIGHEST ? 0 : 1
  if (b === LOWEST) return 1
  if (b === HIGHEST) return -1
  if (a instanceof TypeEdge || b instanceof TypeEdge) return compareEdge(a, b) * dir
  const c = mingoCompare(a, b)
  return c === 0 ? 0 : c * dir
}

function compareEdge(a: unknown, b: unknown): number {
  const rankA = a instanceof TypeEdge ? a.rank : typeRank(a)
  const rankB = b instanceof TypeEdge ? b.rank : typeRank(b)
  if (rankA !== rankB) return rankA < rankB ? -1 : 1
  const sideA = a instanceof TypeEdge ? a.side : 0
  const sideB = b instanceof TypeEdge ? b.side : 0
  return sideA === sideB ? 0 : sideA < sideB ? -1 : 1
}

/** Orders key tuples of an index with these field directions; the last element (natural position) breaks ties. */
export function tupleComparator(directions: readonly (1 | -1)[]): (a: KeyTuple, b: KeyTuple) => number {
  const n = directions.length
  return (a, b) => {
    for (let i = 0; i < n; i++) {
      const c = comparePart(a[i], b[i], directions[i])
      if (c !== 0) return c
    }
    const pa = a[n] as number
    const pb = b[n] as number
    return pa < pb ? -1 : pa > pb ? 1 : 0
  }
}

/** Do two key tuples hold the same values in their first `n` fields? */
export function sameValues(a: KeyTuple, b: KeyTuple, n: number, from = 0): boolean {
  for (let i = from; i < n; i++) if (comparePart(a[i], b[i], 1) !== 0) return false
  return true
}
