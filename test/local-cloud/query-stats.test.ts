/**
 * Contract: every read a function (or an SDK in a test) sends is recorded with MongoDB explain's figures — stage,
 * index, keys and documents examined, what it returned — per function call, and `expectQueriesIndexed` fails a read
 * that examines far more than it returns.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { expectQueriesIndexed, overExamined } from '../helpers/query-stats'
import { connectSdk } from './sdk'

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')
let emu: Emulator
let db: any

const clerk = { openid: 'o_stats_clerk' }

beforeAll(async () => {
  emu = await startEmulator({ functionsDir: FIXTURES })
  db = connectSdk(emu).database()
  // 600 claims: half submitted, due over 30 days, 12 units. `claims` declares by_status: { status: 1, dueDate: 1 }.
  const docs = Array.from({ length: 600 }, (_v, i) => ({
    _id: `qs-${String(i).padStart(4, '0')}`,
    claimNo: `QS${i}`,
    idempotencyKey: `qs-key-${i}`,
    status: i % 2 ? 'submitted' : 'approved',
    dueDate: `2025-03-${String((i % 30) + 1).padStart(2, '0')}`,
    unitId: `u${i % 12}`,
    // No index starts with it (claims are indexed by unit for the queue).
    hospital: `h${i % 12}`,
  }))
  for (let i = 0; i < docs.length; i += 100) await db.collection('claims').add({ data: docs.slice(i, i + 100) })
})
afterAll(async () => emu?.stop())

test('a function call’s page and count are read over the index, and the records say so', async () => {
  const { result, callId, queries } = await emu.callFunctionWithStats(
    'pager',
    { collection: 'claims', where: { status: 'submitted' }, orderBy: ['dueDate', 'asc'], limit: 20 },
    clerk,
  )
  expect(result.total).toBe(300)
  expect(result.ids).toHaveLength(20)
  expect(queries).toHaveLength(2)
  const [page, counted] = queries
  expect(page).toMatchObject({
    callId,
    function: 'pager',
    action: 'find',
    collection: 'claims',
    stage: 'IXSCAN',
    index: 'by_status',
    sortInMemory: false,
    keysExamined: 20,
    docsExamined: 20,
    nReturned: 20,
    sort: { dueDate: 1 },
    limit: 20,
  })
  expect(JSON.parse(page.filter)).toEqual({ status: 'submitted' })
  expect(counted).toMatchObject({ action: 'count', stage: 'COUNT_SCAN', index: 'by_status', docsExamined: 0, keysExamined: 300, nReturned: 300 })
  expect(() => expectQueriesIndexed(queries)).not.toThrow()
})

test('a read without a usable index is a full scan, and the assertion names it', async () => {
  const { result, queries } = await emu.callFunctionWithStats('pager', { collection: 'claims', where: { hospital: 'h3' }, limit: 10 }, clerk)
  expect(result.total).toBe(50)
  const [page, counted] = queries
  expect(page).toMatchObject({ stage: 'COLLSCAN', nReturned: 10, reason: expect.stringContaining('hospital') })
  expect(counted).toMatchObject({ stage: 'COLLSCAN', docsExamined: 600, nReturned: 50 })
  // The page stops at its 10th match (112th claim in natural order); the count reads all 600.
  expect(page.docsExamined).toBe(112)
  expect(overExamined(queries)).toEqual([
    'pager: find claims {"hospital":"h3"} — examined 0 keys / 112 docs, returned 10 (allowed 21) — COLLSCAN（没有以 hospital 开头的可用索引）',
    'pager: count claims {"hospital":"h3"} — examined 0 keys / 600 docs, returned 50 (allowed 101) — COLLSCAN（没有以 hospital 开头的可用索引）',
  ])
  expect(() => expectQueriesIndexed(queries)).toThrow(/read far more than they returned[\s\S]*COLLSCAN/)
  // A sort the index cannot give reads every match to sort it in memory.
  const sorted = await emu.callFunctionWithStats('pager', { collection: 'claims', where: { status: 'approved' }, orderBy: ['hospital', 'desc'], limit: 5 }, clerk)
  expect(sorted.queries[0]).toMatchObject({ stage: 'IXSCAN', index: 'by_status', sortInMemory: true, docsExamined: 300, nReturned: 5 })
  expect(() => expectQueriesIndexed(sorted.queries)).toThrow(/内存排序/)
})

test('concurrent calls each get their own records; direct SDK reads are recorded without a call', async () => {
  const calls = await Promise.all(
    ['u1', 'u2', 'u5', 'u7'].map((unitId) => emu.callFunctionWithStats('pager', { collection: 'claims', where: { status: 'submitted', unitId }, limit: 3 }, clerk)),
  )
  const ids = new Set(calls.map((c) => c.callId))
  expect(ids.size).toBe(4)
  for (const call of calls) {
    expect(call.queries).toHaveLength(2)
    expect(call.queries.every((q) => q.callId === call.callId)).toBe(true)
  }

  const mark = await emu.queryMark()
  const got = await db.collection('claims').where({ status: 'approved', dueDate: db.command.gte('2025-03-29') }).orderBy('dueDate', 'desc').get()
  // Approved (even i) and due on the 29th (i % 30 = 28): 20 claims, ties in the order they were added.
  expect(got.data.map((d: any) => d._id)).toEqual(Array.from({ length: 20 }, (_v, k) => `qs-${String(28 + 30 * k).padStart(4, '0')}`))
  const records = await emu.queryStatsSince(mark)
  expect(records).toEqual([expect.objectContaining({ action: 'find', stage: 'IXSCAN', index: 'by_status', sortInMemory: false, docsExamined: 20, nReturned: 20 })])
  expect(records[0].callId).toBeUndefined()
})
