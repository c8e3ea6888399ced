/**
 * `database.*` wire actions. Request and reply shapes follow @cloudbase/database 1.4.3 (as used by
 * wx-server-sdk 4.0.2): queries, orders, projections and documents travel as canonical EJSON strings.
 */
import { decodeEjson, encodeEjson, type Doc } from '../ejson'
import { Changes, type Database } from '../db/database'
import { newExplain, type Explain } from '../db/explain'
import * as ops from '../db/operations'
import type { QueryAction, QueryLog } from '../db/query-log'
import { encodeStored } from '../db/storage-format'
import type { TransactionManager } from '../db/transactions'
import type { WriteAheadLog } from '../db/wal'
import { WireError, invalidParam } from '../wire-error'
import type { WireCaller, WireHandler, WireParams } from './types'

export interface DatabaseDeps {
  db: Database
  wal: WriteAheadLog
  transactions: TransactionManager
  /** Where each read's statistics go (MongoDB explain's executionStats, per request). */
  queryLog?: QueryLog
  /** The function a call id belongs to, for the statistics. */
  functionOf?: (callId: string | undefined) => string | undefined
}

/** What a read reports besides its plan. */
interface ReadReport {
  action: QueryAction
  collection: string
  filter: Doc
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
}

export function databaseActions(deps: DatabaseDeps): Record<string, WireHandler> {
  const { db, wal, transactions, queryLog, functionOf } = deps

  /** Runs a read (or the read half of a write) with an explain record, and logs it with what it answered. */
  async function explained<T>(
    params: WireParams,
    caller: WireCaller,
    report: ReadReport,
    work: (view: ops.View, explain: Explain) => T,
    answered: (result: T) => number,
  ): Promise<T> {
    const explain = newExplain()
    const started = process.hrtime.bigint()
    let ms = 0
    const result = await run(params, (view) => {
      try {
        return work(view, explain)
      } finally {
        ms = Number(process.hrtime.bigint() - started) / 1e6
      }
    })
    queryLog?.record({
      ...explain,
      ...report,
      filter: encodeStored(report.filter),
      callId: caller.callId,
      function: functionOf?.(caller.callId),
      nReturned: answered(result),
      ms: Math.round(ms * 1000) / 1000,
    })
    return result
  }

  /** Runs `work` on the right view; a write outside a transaction commits and is fsynced before answering. */
  async function run<T>(params: WireParams, work: (view: ops.View) => T): Promise<T> {
    const txId = optionalString(params.transactionId)
    if (txId) {
      const view = { db, changes: transactions.changesOf(txId) }
      try {
        assertSingleDocument(params)
        return work(view)
      } catch (error) {
        // MongoDB aborts a transaction when one of its operations fails.
        transactions.abort(txId)
        throw error
      }
    }
    const view = { db, changes: new Changes() }
    const result = work(view)
    if (!view.changes.isEmpty) await wal.append(db.commit(view.changes))
    return result
  }

  const now = () => Date.now()

  return {
    'database.getDocument': async (params, caller) => {
      const collection = collectionName(params)
      const criteria = query(params, now())
      const options = {
        order: order(params),
        offset: optionalNumber(params.offset),
        limit: optionalNumber(params.limit),
        projection: optionalEjson(params.projection, now()) as Doc | undefined,
      }
      const report = { action: 'find' as const, collection, filter: criteria, sort: options.order, skip: options.offset, limit: options.limit }
      const list = await explained(params, caller, report, (view, explain) => ops.find(view, collection, criteria, options, explain), (l) => l.length)
      return { json: { data: { list: list.map(encodeEjson) } } }
    },

    'database.calculateDocument': async (params, caller) => {
      const collection = collectionName(params)
      const criteria = query(params, now())
      const total = await explained(params, caller, { action: 'count', collection, filter: criteria }, (view, explain) => ops.count(view, collection, criteria, explain), (n) => n)
      return { json: { data: { total } } }
    },

    'database.insertDocument': async (params, caller) => {
      const collection = collectionName(params)
      if (!Array.isArray(params.data)) throw invalidParam('data 必须是文档数组')
      const at = now()
      const docs = params.data.map((d) => decodeEjson(String(d), at) as Doc)
      // Logged too (nothing examined; answered = documents inserted), so a profile counts every request a call made.
      const insertedIds = await explained(params, caller, { action: 'insert', collection, filter: {} }, (view, explain) => {
        explain.stage = 'INSERT'
        return ops.insert(view, collection, docs)
      }, (ids) => ids.length)
      return { json: { data: { insertedIds } } }
    },

    'database.modifyDocument': async (params, caller) => {
      const collection = collectionName(params)
      const at = now()
      const criteria = query(params, at)
      const request = { criteria, data: ejsonObject(params.data, at, 'data'), merge: params.merge !== false, multi: params.multi === true, upsert: params.upsert === true }
      const result = await explained(params, caller, { action: 'update', collection, filter: criteria }, (view, explain) => ops.modify(view, collection, request, explain), (r) => r.matched)
      const data: Record<string, unknown> = { updated: result.updated }
      if (result.upsertedId !== undefined) data.upsert_id = result.upsertedId
      return { json: { data } }
    },

    'database.modifyAndReturnDoc': async (params, caller) => {
      const collection = collectionName(params)
      const at = now()
      const criteria = query(params, at)
      const request = { criteria, data: ejsonObject(params.data, at, 'data'), merge: params.merge !== false, multi: false, upsert: params.upsert === true }
      const result = await explained(params, caller, { action: 'update', collection, filter: criteria }, (view, explain) => ops.modify(view, collection, request, explain), (r) => r.matched)
      // Nothing matched: CloudBase answers `doc: null` (the SDK passes it through as null).
      const data: Record<string, unknown> = { updated: result.updated, doc: result.first ? encodeEjson(result.first) : null }
      return { json: { data } }
    },

    'database.removeDocument': async (params, caller) => {
      const collection = collectionName(params)
      const criteria = query(params, now())
      const deleted = await explained(params, caller, { action: 'remove', collection, filter: criteria }, (view, explain) => ops.remove(view, collection, criteria, params.multi === true, explain), (n) => n)
      return { json: { data: { deleted } } }
    },

    'database.aggregateDocuments': async (params, caller) => {
      const collection = collectionName(params)
      const at = now()
      if (!Array.isArray(params.stages)) throw invalidParam('stages 必须是数组')
      const pipeline = params.stages.map((stage) => {
        const { stageKey, stageValue } = stage as { stageKey?: unknown; stageValue?: unknown }
        if (typeof stageKey !== 'string' || typeof stageValue !== 'string') throw invalidParam('聚合阶段格式无效')
        return { [stageKey]: decodeEjson(stageValue, at) } as Doc
      })
      const first = pipeline[0]?.$match
      const filter = first !== null && typeof first === 'object' && !Array.isArray(first) ? (first as Doc) : {}
      const list = await explained(params, caller, { action: 'aggregate', collection, filter }, (view, explain) => ops.aggregate(view, collection, pipeline, explain), (l) => l.length)
      return { json: { data: { list: list.map(encodeEjson) } } }
    },

    'database.addCollection': async (params) => {
      const collection = collectionName(params)
      if (db.exists(collection)) {
        throw new WireError('DATABASE_COLLECTION_ALREADY_EXIST', `集合已存在：${collection}`)
      }
      const changes = new Changes()
      db.ensureCollection(changes, collection)
      await wal.append(db.commit(changes))
      return { json: { data: {} } }
    },

    'database.startTransaction': async (_params, caller: WireCaller) => {
      const transactionId = transactions.start(caller.callId)
      return { json: { transactionId } }
    },

    'database.commitTransaction': async (params) => {
      const opsToLog = transactions.commit(requiredString(params.transactionId, 'transactionId'))
      await wal.append(opsToLog)
      return { json: {} }
    },

    'database.abortTransaction': async (params) => {
      transactions.abort(requiredString(params.transactionId, 'transactionId'))
      return { json: {} }
    },
  }
}

/**
 * CloudBase allows only single-document operations in a transaction: `add` of one document and
 * `doc(id).get/set/update/remove` — no `where`, no batches. Refusing the rest here keeps code that would
 * fail in production from passing locally.
 */
function assertSingleDocument(params: WireParams): void {
  const action = params.action
  const single =
    action === 'database.insertDocument'
      ? Array.isArray(params.data) && params.data.length === 1
      : params.queryType === 'DOC'
  if (!single) {
    throw new WireError('DATABASE_INVALID_OPERRATOR', `事务中只能进行单记录操作（add 一条记录，或 doc(id) 的 get/set/update/remove），不能使用 where 或批量操作：${String(action)}`)
  }
}

function collectionName(params: WireParams): string {
  const name = params.collectionName
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw invalidParam(`集合名无效：${String(name)}`)
  return name
}

function query(params: WireParams, now: number): Doc {
  if (params.query === undefined || params.query === '') return {}
  return ejsonObject(params.query, now, 'query')
}

function order(params: WireParams): Record<string, 1 | -1> | undefined {
  const decoded = optionalEjson(params.order, 0)
  if (decoded === undefined) return undefined
  // Older SDKs send [{ field, direction }]; @cloudbase/database 1.x sends { field: 1 | -1 }.
  const entries = Array.isArray(decoded)
    ? decoded.map((o) => [(o as Doc).field, (o as Doc).direction] as const)
    : Object.entries(decoded as Doc)
  const out: Record<string, 1 | -1> = {}
  for (const [field, direction] of entries) {
    out[String(field)] = direction === -1 || direction === 'desc' ? -1 : 1
  }
  return out
}

function ejsonObject(value: unknown, now: number, what: string): Doc {
  const decoded = typeof value === 'string' ? decodeEjson(value, now) : value
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw invalidParam(`${what} 必须是对象`)
  return decoded as Doc
}

function optionalEjson(value: unknown, now: number): unknown {
  if (value === undefined || value === null || value === '') return undefined
  return typeof value === 'string' ? decodeEjson(value, now) : value
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function requiredString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw invalidParam(`缺少 ${what}`)
  return value
}
