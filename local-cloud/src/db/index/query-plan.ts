/**
 * Chooses how a query reads a collection — by `_id`, over one declared index (equality and range on a prefix of its
 * fields, sort by its order), or by a full scan — and walks it. Like MongoDB's planner it prefers the index that
 * bounds the most fields, then the one a short trial walk finds fewest keys in, then one that also gives the sort.
 *
 * An index never changes an answer: every document it yields is still tested against the whole query, documents
 * come out in exactly the order the full scan + mingo sort would give (ties in natural order), and anything the
 * index cannot do exactly is left to the full scan.
 */
import { HIGHEST, LOWEST, sameValues, type KeyTuple } from './index-key'
import { isPoints, isSinglePoint, queryBounds, type FieldBounds, type Interval } from './index-bounds'
import type { OrderedIndex, StoredDoc } from './ordered-index'
import type { Doc } from '../../ejson'

/** Most key ranges one plan walks (equality × `$in` combinations); beyond it only a shorter prefix is bounded. */
const MAX_RANGES = 1000
/** Keys a trial walk counts before it stops (to compare candidate indexes). */
const TRIAL_KEYS = 1000

export interface SortPlan {
  /** 1: walk the index ascending; -1: descending. */
  direction: 1 | -1
  /** Index fields giving the order: positions [from, to). */
  from: number
  to: number
}

export interface IndexPlan {
  index: OrderedIndex
  /** [start, end] bound tuples, ascending in index order, disjoint. */
  ranges: [KeyTuple, KeyTuple][]
  /** Fields of the index the ranges bound (a prefix). */
  boundedFields: number
  /** The bounds are exactly the query: a count needs no document. */
  covered: boolean
  /** Every range is one full key, so entries come out in natural order. */
  naturalOrder: boolean
  /** Set when the walk gives the requested sort. */
  sort?: SortPlan
  /** Keys a trial walk found (capped), used to choose between indexes. */
  trialKeys: number
}

export interface PlanRequest {
  criteria: Doc
  order?: Record<string, 1 | -1>
  /** A limit that lets an index walk in sort order stop early. */
  limited: boolean
}

/** The best index plan, or why there is none. */
export function chooseIndex(indexes: readonly OrderedIndex[], request: PlanRequest): { plan?: IndexPlan; reason: string } {
  if (indexes.length === 0) return { reason: '该集合没有声明索引' }
  const bounds = queryBounds(request.criteria)
  const candidates: IndexPlan[] = []
  const unusable: string[] = []
  for (const index of indexes) {
    const reason = index.unusableReason
    if (reason) {
      unusable.push(reason)
      continue
    }
    const plan = planFor(index, bounds, request)
    if (plan.boundedFields > 0 || (plan.sort && request.limited)) candidates.push(plan)
  }
  if (candidates.length === 0) {
    const fields = [...bounds.fields.keys()]
    const why = fields.length === 0 ? '查询没有条件' : `没有以 ${fields.join('、')} 开头的可用索引`
    return { reason: [why, ...unusable].join('；') }
  }
  for (const plan of candidates) plan.trialKeys = trialWalk(plan)
  candidates.sort(
    (a, b) =>
      b.boundedFields - a.boundedFields ||
      a.trialKeys - b.trialKeys ||
      Number(!!b.sort) - Number(!!a.sort) ||
      Number(b.index.unique) - Number(a.index.unique),
  )
  return { plan: candidates[0], reason: '' }
}

function planFor(index: OrderedIndex, query: ReturnType<typeof queryBounds>, request: PlanRequest): IndexPlan {
  const fieldBounds = index.fields.map((f) => query.fields.get(f))
  // A prefix of bounded fields: points, then at most one field with ranges; stop at the first unconstrained field.
  let bounded = 0
  let combinations = 1
  while (bounded < index.fields.length) {
    const b = fieldBounds[bounded]
    if (!b?.intervals) break
    if (combinations * Math.max(b.intervals.length, 1) > MAX_RANGES) break
    combinations *= Math.max(b.intervals.length, 1)
    bounded++
    if (!isPoints(b)) break
  }
  const ranges = buildRanges(index, fieldBounds.slice(0, bounded) as FieldBounds[])
  const covered =
    query.allFieldsBounded &&
    [...query.fields].every(([field, b]) => {
      const at = index.fields.indexOf(field)
      return at >= 0 && at < bounded && b.exact
    })
  const naturalOrder = bounded === index.fields.length && fieldBounds.every(isPoints) && ranges.length <= 1
  return { index, ranges, boundedFields: bounded, covered, naturalOrder, sort: sortPlan(index, fieldBounds, request.order), trialKeys: 0 }
}

/**
 * The sort an index walk gives: after the fields fixed to one value, the sort's fields (those not fixed) must be
 * the next index fields, all in the index's direction or all reversed.
 */
function sortPlan(index: OrderedIndex, fieldBounds: (FieldBounds | undefined)[], order: Record<string, 1 | -1> | undefined): SortPlan | undefined {
  if (!order) return undefined
  const fixed = (field: string) => {
    const at = index.fields.indexOf(field)
    return at >= 0 && isSinglePoint(fieldBounds[at])
  }
  const keys = Object.entries(order).filter(([field]) => !fixed(field))
  let from = 0
  while (from < index.fields.length && isSinglePoint(fieldBounds[from])) from++
  // Every sort field fixed to one value: the sort changes nothing, natural order is the answer's order.
  if (keys.length === 0) return { direction: 1, from, to: from }
  let direction: 1 | -1 | undefined
  for (let k = 0; k < keys.length; k++) {
    const at = from + k
    if (index.fields[at] !== keys[k][0]) return undefined
    const d = (keys[k][1] * index.directions[at]) as 1 | -1
    if (direction !== undefined && d !== direction) return undefined
    direction = d
  }
  return { direction: direction ?? 1, from, to: from + keys.length }
}

/** Bound tuples for every combination of the bounded fields' intervals, ascending in index order. */
function buildRanges(index: OrderedIndex, bounds: FieldBounds[]): [KeyTuple, KeyTuple][] {
  if (bounds.length === 0) return [[index.lowest, index.highest]]
  let prefixes: { start: unknown[]; end: unknown[]; startIncl: boolean; endIncl: boolean }[] = [{ start: [], end: [], startIncl: true, endIncl: true }]
  bounds.forEach((b, i) => {
    const dir = index.directions[i]
    const next: typeof prefixes = []
    for (const prefix of prefixes) {
      for (const interval of b.intervals as Interval[]) {
        const [s, sIncl, e, eIncl] = dir === 1 ? [interval.lo, interval.loIncl, interval.hi, interval.hiIncl] : [interval.hi, interval.hiIncl, interval.lo, interval.loIncl]
        next.push({ start: [...prefix.start, s], end: [...prefix.end, e], startIncl: sIncl, endIncl: eIncl })
      }
    }
    prefixes = next
  })
  const rest = index.fields.length - bounds.length
  const ranges = prefixes.map(({ start, end, startIncl, endIncl }): [KeyTuple, KeyTuple] => [
    [...start, ...fill(rest, startIncl ? LOWEST : HIGHEST), startIncl ? -Infinity : Infinity],
    [...end, ...fill(rest, endIncl ? HIGHEST : LOWEST), endIncl ? Infinity : -Infinity],
  ])
  return ranges.filter(([s, e]) => index.compare(s, e) <= 0).sort(([a], [b]) => index.compare(a, b))
}

function fill(n: number, sentinel: symbol): symbol[] {
  return Array.from({ length: n }, () => sentinel)
}

function trialWalk(plan: IndexPlan): number {
  let keys = 0
  for (const _entry of walk(plan.index, plan.ranges, 1)) if (++keys >= TRIAL_KEYS) break
  return keys
}

/** Keys inside the ranges (a count the index answers alone); they are added to `keysExamined`. */
export function countKeys(index: OrderedIndex, ranges: [KeyTuple, KeyTuple][], stats: WalkStats): number {
  let total = 0
  for (const [start, end] of ranges) total += index.countBetween(start, end)
  stats.keysExamined += total
  return total
}

/** Counters a walk adds to (MongoDB explain's totalKeysExamined / totalDocsExamined). */
export interface WalkStats {
  keysExamined: number
  docsExamined: number
}

/** Index entries inside the ranges, ascending or descending. */
export function* walk(index: OrderedIndex, ranges: [KeyTuple, KeyTuple][], direction: 1 | -1, stats?: WalkStats): Generator<[KeyTuple, StoredDoc]> {
  if (direction === 1) {
    for (const [start, end] of ranges) {
      for (const entry of index.ascending(start)) {
        if (index.compare(entry[0], end) > 0) break
        if (stats) stats.keysExamined++
        yield entry
      }
    }
    return
  }
  for (let r = ranges.length - 1; r >= 0; r--) {
    const [start, end] = ranges[r]
    for (const entry of index.descending(end)) {
      if (index.compare(entry[0], start) < 0) break
      if (stats) stats.keysExamined++
      yield entry
    }
  }
}

/**
 * Stored documents in the plan's order. With a sort: in sort order, ties in natural order. Without: natural order
 * (all entries gathered and ordered by position, unless every range is one full key).
 */
export function* planOrder(plan: IndexPlan, stats: WalkStats): Generator<StoredDoc> {
  const { index, ranges, sort } = plan
  if (!sort || sort.from === sort.to) {
    if (plan.naturalOrder) {
      for (const [, stored] of walk(index, ranges, 1, stats)) yield stored
      return
    }
    const all: StoredDoc[] = []
    for (const [, stored] of walk(index, ranges, 1, stats)) all.push(stored)
    all.sort((a, b) => a.pos - b.pos)
    yield* all
    return
  }
  const n = index.fields.length
  if (sort.to === n && sort.direction === 1) {
    // Equal keys are already in natural order (the position is the last part of the key).
    for (const [, stored] of walk(index, ranges, 1, stats)) yield stored
    return
  }
  if (sort.to === n) {
    yield* descendingByGroup(index, ranges, stats)
    return
  }
  // The sort's fields are followed by other index fields: ties on the sort's fields are gathered and ordered.
  let group: StoredDoc[] = []
  let groupKey: KeyTuple | undefined
  for (const [key, stored] of walk(index, ranges, sort.direction, stats)) {
    if (groupKey && sameValues(key, groupKey, sort.to, sort.from)) {
      group.push(stored)
      continue
    }
    if (group.length > 0) yield* group.sort((a, b) => a.pos - b.pos)
    group = [stored]
    groupKey = key
  }
  if (group.length > 0) yield* group.sort((a, b) => a.pos - b.pos)
}

/**
 * Descending over whole keys, each key's documents ascending (natural order among ties): find the highest key
 * left, then read that key's entries upwards from its first.
 */
function* descendingByGroup(index: OrderedIndex, ranges: [KeyTuple, KeyTuple][], stats: WalkStats): Generator<StoredDoc> {
  const n = index.fields.length
  for (let r = ranges.length - 1; r >= 0; r--) {
    const [start, end] = ranges[r]
    let upper = end
    for (;;) {
      const last = index.descending(upper).next()
      if (last.done || index.compare(last.value[0], start) < 0) break
      const first = [...last.value[0].slice(0, n), -Infinity]
      for (const [key, stored] of index.ascending(first)) {
        if (!sameValues(key, first, n)) break
        stats.keysExamined++
        yield stored
      }
      upper = first
    }
  }
}
