/**
 * Database operations on a view (committed state + the caller's uncommitted `Changes`), with MongoDB
 * semantics delegated to mingo: matching, sort order across types, projection, update operators, pipelines.
 */
import { randomBytes } from 'node:crypto'
import { Aggregator, ProcessingMode, Query, update as applyModifier } from 'mingo'
import { cloneDoc, encodeEjson, type Doc } from '../ejson'
import { WireError, invalidParam } from '../wire-error'
import { duplicateKey, type Changes, type Database } from './database'
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

export function find(view: View, collection: string, criteria: Doc, options: FindOptions): Doc[] {
  view.db.requireCollection(collection, view.changes)
  const limit = Math.min(options.limit && options.limit > 0 ? options.limit : DEFAULT_LIMIT, MAX_LIMIT)
  let cursor = compile(criteria).find<Doc>(candidates(view, collection, criteria), options.projection)
  if (options.order && Object.keys(options.order).length > 0) cursor = cursor.sort(options.order)
  if (options.offset && options.offset > 0) cursor = cursor.skip(options.offset)
  return cursor.limit(limit).all()
}

export function count(view: View, collection: string, criteria: Doc): number {
  view.db.requireCollection(collection, view.changes)
  const query = compile(criteria)
  let total = 0
  for (const doc of candidates(view, collection, criteria)) if (query.test(doc)) total++
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
  updated: number
  upsertedId?: unknown
  /** The first matched document after the update (for modifyAndReturnDoc). */
  first?: Doc
}

export function modify(view: View, collection: string, request: ModifyRequest): ModifyResult {
  if (!request.upsert) view.db.requireCollection(collection, view.changes)
  const modifier = request.merge ? toModifier(request.data) : null
  const query = compile(request.criteria)
  const matches = view.db.exists(collection, view.changes)
    ? candidates(view, collection, request.criteria).filter((d) => query.test(d))
    : []
  const targets = request.multi ? matches : matches.slice(0, 1)

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
    return { updated: 0, upsertedId: id, first: view.db.get(collection, id, view.changes) }
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
  return { updated, first }
}

export function remove(view: View, collection: string, criteria: Doc, multi: boolean): number {
  view.db.requireCollection(collection, view.changes)
  const query = compile(criteria)
  const matches = candidates(view, collection, criteria).filter((d) => query.test(d))
  const targets = multi ? matches : matches.slice(0, 1)
  for (const doc of targets) view.db.remove(view.changes, collection, doc._id)
  return targets.length
}

export function aggregate(view: View, collection: string, pipeline: Doc[]): Doc[] {
  view.db.requireCollection(collection, view.changes)
  const aggregator = new Aggregator(mongoCompatible(pipeline), {
    ...QUERY_OPTIONS,
    // Stages such as $lookup and $addFields may write into their input: work on copies.
    processingMode: ProcessingMode.CLONE_INPUT,
    collectionResolver: (name: string) => (view.db.exists(name, view.changes) ? view.db.list(name, view.changes) : []),
  })
  return aggregator.run(view.db.list(collection, view.changes)) as Doc[]
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

/**
 * Documents that can match: just one when the query fixes `_id` to a string or number (every doc() call),
 * otherwise the whole collection. The full query is still applied to them.
 */
function candidates(view: View, collection: string, criteria: Doc): Doc[] {
  const id = criteria._id
  if (typeof id === 'string' || typeof id === 'number') {
    const doc = view.db.get(collection, id, view.changes)
    return doc ? [doc] : []
  }
  return view.db.list(collection, view.changes)
}

function compile(criteria: Doc): Query {
  const compatible = mongoCompatible(criteria)
  try {
    return new Query(compatible, QUERY_OPTIONS)
  } catch (error) {
    throw new WireError('DATABASE_INVALID_OPERRATOR', `查询条件无效：${(error as Error).message}`)
  }
}

const SUPPORTED_UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate',
  '$push', '$pull', '$pullAll', '$addToSet', '$pop',
])

function toModifier(data: Doc): Doc {
  const keys = Object.keys(data)
  const operators = keys.filter((k) => k.startsWith('$'))
  if (operators.length === 0) return { $set: data }
  if (operators.length !== keys.length) throw invalidParam('更新数据不能混用操作符和普通字段')
  for (const op of operators) {
    if (!SUPPORTED_UPDATE_OPERATORS.has(op)) {
      throw new WireError('DATABASE_INVALID_OPERRATOR', `不支持的更新操作符：${op}`)
    }
  }
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
