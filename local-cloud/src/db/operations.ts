/**
 * Database operations on a view (committed state + the caller's uncommitted `Changes`), with MongoDB
 * semantics delegated to mingo: matching, sort order across types, projection, update operators, pipelines.
 */
import { randomBytes } from 'node:crypto'
import { Aggregator, ProcessingMode, Query, update as applyModifier } from 'mingo'
import { cloneDoc, encodeEjson, type Doc } from '../ejson'
import { WireError, invalidParam } from '../wire-error'
import { checkCloudBasePipeline } from './aggregate-operators'
import { checkCloudBaseQuery, checkCloudBaseUpdate } from './command-operators'
import { duplicateKey, type Changes, type Database } from './database'
import { newExplain, type Explain } from './explain'
import { chooseIndex, countKeys, planOrder } from './index/query-plan'
import { MAX_NESTING } from '../http/nesting'
import { mongoCompatible } from './mongo-compat'
import { valueAtPath } from './value-at-path'

export interface View {
  db: Database
  changes: Changes
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Doc
}

/** CloudBase's page size when a query gives no limit, and its cap. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

const QUERY_OPTIONS = { idKey: '_id', scriptEnabled: false, useStrictMode: true }

export function find(view: View, collection: string, criteria: Doc, options: FindOptions, explain: Explain = newExplain()): Doc[] {
  view.db.requireCollection(collection, view.changes)
  checkCloudBaseQuery(criteria)
  const limit = Math.min(options.limit && options.limit > 0 ? options.limit : DEFAULT_LIMIT, MAX_LIMIT)
  const offset = options.offset && options.offset > 0 ? options.offset : 0
  const order = options.order && Object.keys(options.order).length > 0 ? options.order : undefined
  const source = readSource(view, collection, criteria, explain, { order, limited: true })
  if (source.inOrder) {
    // Already in the answer's order (natural order, or the index gives the sort): stop at the limit.
    const query = compile(criteria)
    const page: Doc[] = []
    let skip = offset
    for (const doc of source.docs) {
      explain.docsExamined++
      if (!query.test(doc)) continue
      if (skip > 0) {
        skip--
        continue
      }
      page.push(doc)
      if (page.length >= limit) break
    }
    return options.projection ? compile(criteria).find<Doc>(page, options.projection).all() : page
  }
  const docs = [...source.docs]
  explain.docsExamined += docs.length
  explain.sortInMemory = true
  let cursor = compile(criteria).find<Doc>(docs, options.projection)
  if (order) cursor = cursor.sort(order)
  if (offset > 0) cursor = cursor.skip(offset)
  return cursor.limit(limit).all()
}

export function count(view: View, collection: string, criteria: Doc, explain: Explain = newExplain()): number {
  view.db.requireCollection(collection, view.changes)
  checkCloudBaseQuery(criteria)
  // No filter: the collection's kept size, as MongoDB answers count() from its record count, not a scan.
  if (Object.keys(criteria).length === 0) {
    const fast = view.db.visibleCount(collection, view.changes)
    if (fast !== undefined) {
      explain.stage = 'COUNT'
      return fast
    }
  }
  const source = readSource(view, collection, criteria, explain, { limited: false, countOnly: true })
  if (source.countScan) return source.countScan()
  const query = compile(criteria)
  let total = 0
  for (const doc of source.docs) {
    explain.docsExamined++
    if (query.test(doc)) total++
  }
  return total
}

/** Inserts documents; a missing `_id` gets a 32-hex id like CloudBase's. Returns the ids in order. */
export function insert(view: View, collection: string, docs: Doc[]): unknown[] {
  const ids: unknown[] = []
  for (const input of docs) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) throw invalidParam('文档必须是对象')
    const doc = { ...input }
    if (doc._id === undefined || doc._id === null || doc._id === '') doc._id = newId()
    checkStorable(doc)
    if (view.db.get(collection, doc._id, view.changes)) {
      throw duplicateKey(collection, { name: '_id_' }, `{ _id: ${JSON.stringify(doc._id)} }`)
    }
    view.db.put(view.changes, collection, doc)
    ids.push(doc._id)
  }
  return ids
}

export interface ModifyRequest {
  criteria: Doc
  data: Doc
  /** true: `data` is an update (operators, or plain fields meaning $set); false: replace the document. */
  merge: boolean
  multi: boolean
  upsert: boolean
}

export interface ModifyResult {
  /** Documents the query matched (at most one unless `multi`). */
  matched: number
  updated: number
  upsertedId?: unknown
  /** The first matched document after the update (for modifyAndReturnDoc). */
  first?: Doc
}

export function modify(view: View, collection: string, request: ModifyRequest, explain: Explain = newExplain()): ModifyResult {
  if (!request.upsert) view.db.requireCollection(collection, view.changes)
  checkCloudBaseQuery(request.criteria)
  const modifier = request.merge ? toModifier(request.data) : null
  const targets = view.db.exists(collection, view.changes)
    ? matching(view, collection, request.criteria, explain, request.multi ? Infinity : 1)
    : []

  if (targets.length === 0 && request.upsert) {
    const seed = equalityFields(request.criteria)
    let doc: Doc
    if (modifier) {
      doc = seed
      applyModifier(doc, modifier, undefined, undefined, { cloneMode: 'deep', queryOptions: QUERY_OPTIONS })
    } else {
      doc = { ...request.data, ...(seed._id !== undefined ? { _id: seed._id } : {}) }
    }
    const [id] = insert(view, collection, [doc])
    return { matched: 0, updated: 0, upsertedId: id, first: view.db.get(collection, id, view.changes) }
  }

  let updated = 0
  let first: Doc | undefined
  for (const target of targets) {
    const next = modifier ? cloneDoc(target) : { ...request.data, _id: target._id }
    if (modifier) {
      checkOperandTypes(target, modifier)
      applyModifier(next, modifier, undefined, undefined, { cloneMode: 'deep', queryOptions: QUERY_OPTIONS })
      if (encodeEjson(next._id) !== encodeEjson(target._id)) throw invalidParam('不能更新_id的值')
    }
    checkStorable(next)
    if (encodeEjson(next) !== encodeEjson(target)) {
      view.db.put(view.changes, collection, next)
      updated++
    } else if (!modifier) {
      // doc(id).set() answers updated: 1 whenever the document exists, even with identical data (WeChat docs).
      updated++
    }
    first ??= next
  }
  return { matched: targets.length, updated, first }
}

export function remove(view: View, collection: string, criteria: Doc, multi: boolean, explain: Explain = newExplain()): number {
  view.db.requireCollection(collection, view.changes)
  checkCloudBaseQuery(criteria)
  const targets = matching(view, collection, criteria, explain, multi ? Infinity : 1)
  for (const doc of targets) view.db.remove(view.changes, collection, doc._id)
  return targets.length
}

export function aggregate(view: View, collection: string, pipeline: Doc[], explain: Explain = newExplain()): Doc[] {
  view.db.requireCollection(collection, view.changes)
  // mingo knows more of MongoDB than CloudBase documents: refuse the rest, as CloudBase would.
  checkCloudBasePipeline(pipeline)
  // A leading $match picks the documents the pipeline starts from (MongoDB's $cursor stage): by index when it can.
  // They go in in natural order, as the full scan would give them ($group's $first, $push depend on it).
  const match = pipeline[0]?.$match
  const criteria = match !== null && typeof match === 'object' && !Array.isArray(match) ? (match as Doc) : {}
  const input = [...readSource(view, collection, criteria, explain, { limited: false }).docs]
  explain.docsExamined += input.length
  const aggregator = new Aggregator(mongoCompatible(pipeline), {
    ...QUERY_OPTIONS,
    // Stages such as $lookup and $addFields may write into their input: work on copies.
    processingMode: ProcessingMode.CLONE_INPUT,
    collectionResolver: (name: string) => (view.db.exists(name, view.changes) ? view.db.list(name, view.changes) : []),
  })
  return aggregator.run(input) as Doc[]
}

/**
 * What MongoDB refuses to store (CloudBase likewise): a field name starting with `$` at any depth (MongoDB
 * DollarPrefixedFieldName, "Document can't have $ prefixed field names") and nesting deeper than 100 levels.
 */
export function checkStorable(doc: Doc): void {
  const stack: { value: unknown; depth: number }[] = [{ value: doc, depth: 1 }]
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number }
    if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) continue
    if (depth > MAX_NESTING) throw new WireError('DATABASE_REQUEST_FAILED', `BSONObj exceeded maximum nested object depth: ${MAX_NESTING}（文档嵌套超过 ${MAX_NESTING} 层）`)
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 })
      continue
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) throw new WireError('DATABASE_REQUEST_FAILED', `Document can't have $ prefixed field names: ${key}（字段名不能以 $ 开头）`)
      stack.push({ value: item, depth: depth + 1 })
    }
  }
}

/** Where a read gets its documents: a sequence, and whether it is already in the answer's order. */
interface Source {
  docs: Iterable<Doc>
  /** Natural order when no order was asked for, or the requested order. */
  inOrder: boolean
  /** For a count the index answers alone: counts the matching keys. */
  countScan?: () => number
}

/**
 * The documents that can match: the one a query fixes `_id` to (every doc() call), those a declared index bounds,
 * or the whole collection. The full query is still applied to them; `explain` says which it was.
 */
function readSource(
  view: View,
  collection: string,
  criteria: Doc,
  explain: Explain,
  request: { order?: Record<string, 1 | -1>; limited: boolean; countOnly?: boolean },
): Source {
  const id = criteria._id
  if (typeof id === 'string' || typeof id === 'number') {
    explain.stage = 'IDHACK'
    const doc = view.db.get(collection, id, view.changes)
    return { docs: doc ? [doc] : [], inOrder: true }
  }
  // `_id: {$in: [ids]}`: the `_id` index, one lookup per id (a declaration's chunk of people, a page's people by id);
  // the keys counted are those found.
  const ids = idList(id)
  if (ids) {
    const docs = view.db.byIds(collection, ids, view.changes)
    if (docs) {
      explain.stage = 'IXSCAN'
      explain.index = '_id_'
      explain.keysExamined += docs.length
      return { docs, inOrder: !request.order }
    }
  }
  const usable = view.db.indexesFor(collection, view.changes)
  const chosen = usable.reason ? { reason: usable.reason, plan: undefined } : chooseIndex(usable.indexes, { criteria, order: request.order, limited: request.limited })
  const plan = chosen.plan
  if (!plan) {
    explain.stage = 'COLLSCAN'
    explain.reason = chosen.reason
    return { docs: view.db.list(collection, view.changes), inOrder: !request.order }
  }
  explain.index = plan.index.name
  if (request.countOnly && plan.covered) {
    explain.stage = 'COUNT_SCAN'
    return { docs: [], inOrder: true, countScan: () => countKeys(plan.index, plan.ranges, explain) }
  }
  explain.stage = 'IXSCAN'
  return { docs: docsOf(planOrder(plan, explain)), inOrder: !request.order || plan.sort !== undefined }
}

/** The ids of `_id: {$in: [...]}` when every one is a string or a number; otherwise undefined. */
function idList(condition: unknown): unknown[] | undefined {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return undefined
  const keys = Object.keys(condition)
  const list = (condition as { $in?: unknown }).$in
  if (keys.length !== 1 || !Array.isArray(list)) return undefined
  return list.every((v) => typeof v === 'string' || typeof v === 'number') ? list : undefined
}

function* docsOf(stored: Iterable<{ doc: Doc }>): Generator<Doc> {
  for (const s of stored) yield s.doc
}

/** The first `max` matching documents in natural order (what update and remove act on). */
function matching(view: View, collection: string, criteria: Doc, explain: Explain, max: number): Doc[] {
  const query = compile(criteria)
  const out: Doc[] = []
  for (const doc of readSource(view, collection, criteria, explain, { limited: max !== Infinity }).docs) {
    explain.docsExamined++
    if (!query.test(doc)) continue
    out.push(doc)
    if (out.length >= max) break
  }
  return out
}

function compile(criteria: Doc): Query {
  const compatible = mongoCompatible(criteria)
  try {
    return new Query(compatible, QUERY_OPTIONS)
  } catch (error) {
    throw new WireError('DATABASE_INVALID_OPERRATOR', `查询条件无效：${(error as Error).message}`)
  }
}

function toModifier(data: Doc): Doc {
  const keys = Object.keys(data)
  const operators = keys.filter((k) => k.startsWith('$'))
  if (operators.length === 0) return { $set: data }
  if (operators.length !== keys.length) throw invalidParam('更新数据不能混用操作符和普通字段')
  // Only what CloudBase documents (command-operators.ts): not $currentDate (db.serverDate() is the way), $setOnInsert ….
  checkCloudBaseUpdate(data)
  return data
}

const NUMERIC_OPERATORS = ['$inc', '$mul']
const ARRAY_OPERATORS = ['$push', '$addToSet', '$pull', '$pullAll', '$pop']

/** MongoDB refuses arithmetic on non-numbers and array operators on non-arrays; mingo would not. */
function checkOperandTypes(doc: Doc, modifier: Doc): void {
  for (const op of [...NUMERIC_OPERATORS, ...ARRAY_OPERATORS]) {
    const fields = modifier[op] as Doc | undefined
    if (!fields) continue
    for (const field of Object.keys(fields)) {
      const current = valueAtPath(doc, field)
      if (current === undefined) continue
      if (NUMERIC_OPERATORS.includes(op) && typeof current !== 'number') {
        throw new WireError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${field}' of non-numeric type ${typeName(current)}`)
      }
      if (ARRAY_OPERATORS.includes(op) && !Array.isArray(current)) {
        throw new WireError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to non-array field. Field named '${field}' has non-array type ${typeName(current)}`)
      }
    }
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (value instanceof Date) return 'date'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}

/** Fields fixed by equality in an upsert's query (MongoDB seeds the inserted document with them). */
function equalityFields(criteria: Doc): Doc {
  const seed: Doc = {}
  for (const [key, value] of Object.entries(criteria)) {
    if (key.startsWith('$')) continue
    const isOperatorObject =
      value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp) &&
      Object.keys(value).some((k) => k.startsWith('$'))
    if (value instanceof RegExp) continue
    if (isOperatorObject) {
      const eq = (value as Doc).$eq
      if (eq !== undefined) setPath(seed, key, eq)
      continue
    }
    setPath(seed, key, value)
  }
  return seed
}

function setPath(target: Doc, dotted: string, value: unknown): void {
  const parts = dotted.split('.')
  let cur = target
  for (const part of parts.slice(0, -1)) {
    if (cur[part] === null || typeof cur[part] !== 'object') cur[part] = {}
    cur = cur[part] as Doc
  }
  cur[parts[parts.length - 1]] = value
}

function newId(): string {
  return randomBytes(16).toString('hex')
}
