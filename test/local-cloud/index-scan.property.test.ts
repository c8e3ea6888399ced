/**
 * Property: a query answered over a declared index gives exactly the answer of the full scan — same documents, same
 * order (ties in natural order), same counts, same first match for an update — whatever the documents (mixed types,
 * missing fields, nulls, arrays and embedded documents that turn an index off) and whatever the writes, deletions and
 * abandoned changes before it. The reference is the same database with no index declared.
 */
import fc from 'fast-check'
import { scaledRuns } from '../helpers/fast-check-runs'
import { Changes, Database, type CollectionDeclaration } from '../../local-cloud/src/db/database'
import { newExplain, type Explain } from '../../local-cloud/src/db/explain'
import { count, find, type FindOptions } from '../../local-cloud/src/db/operations'
import type { Doc } from '../../local-cloud/src/ejson'

const INDEXES: CollectionDeclaration['indexes'] = [
  { name: 'a', keys: { a: 1 } },
  { name: 'a_b', keys: { a: 1, b: -1 } },
  { name: 'b_c', keys: { b: 1, c: 1 } },
  { name: 'c_desc', keys: { c: -1 } },
  { name: 'nested', keys: { 'n.x': 1, a: 1 } },
]

const d1 = new Date('2024-01-01T00:00:00Z')
const d2 = new Date('2024-06-30T16:00:00Z')
/** Scalars an index orders, including values of different types that compare across types. */
const scalar = fc.constantFrom<unknown>('x', 'y', 'z', '', 'X', 0, 1, 2, 2.5, -1, 10, true, false, null, d1, d2, Infinity)
/** Values that make an index unusable while a document holds them (arrays: multikey, documents, NaN). */
const odd = fc.constantFrom<unknown>(['x', 1], [], { k: 1 }, Number.NaN)
const value = fc.oneof({ weight: 12, arbitrary: scalar }, { weight: 1, arbitrary: odd })

const field = fc.option(value, { nil: undefined, freq: 4 })
const docArb = fc.record({
  id: fc.integer({ min: 1, max: 30 }),
  a: field,
  b: field,
  c: field,
  n: fc.option(fc.record({ x: field }), { nil: undefined, freq: 3 }),
})

type Step = { kind: 'put'; doc: Doc } | { kind: 'remove'; id: number }
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: docArb.map((d) => ({ kind: 'put' as const, doc: toDoc(d) })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((id) => ({ kind: 'remove' as const, id })) },
)
const group = fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 5 }), commit: fc.boolean() })

function toDoc(d: { id: number; a: unknown; b: unknown; c: unknown; n: { x: unknown } | undefined }): Doc {
  const doc: Doc = { _id: `d${d.id}` }
  for (const k of ['a', 'b', 'c', 'n'] as const) if (d[k] !== undefined) doc[k] = k === 'n' ? clean(d.n as Doc) : d[k]
  return doc
}

function clean(o: Doc): Doc {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
}

const path = fc.constantFrom('a', 'b', 'c', 'n.x')
const condition: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: scalar.map((v) => ({ $eq: v })) },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }).map((vs) => ({ $in: vs })) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), scalar).map(([op, v]) => ({ [op]: v })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('$gt', '$gte'), scalar, fc.constantFrom('$lt', '$lte'), scalar)
      .map(([lo, a, hi, b]) => ({ [lo]: a, [hi]: b })),
  },
  { weight: 1, arbitrary: scalar.map((v) => ({ $ne: v })) },
  { weight: 1, arbitrary: fc.boolean().map((v) => ({ $exists: v })) },
  { weight: 1, arbitrary: fc.tuple(scalar, fc.constantFrom('$gte', '$lt'), scalar).map(([eq, op, v]) => ({ $in: [eq], [op]: v })) },
)
const criteria: fc.Arbitrary<Doc> = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(path, condition, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.tuple(fc.dictionary(path, condition, { maxKeys: 2 }), fc.dictionary(path, condition, { maxKeys: 2 })).map(([x, y]) => ({ $and: [x, y] })) },
  { weight: 1, arbitrary: fc.tuple(path, condition, fc.dictionary(path, condition, { maxKeys: 1 })).map(([p, c, y]) => ({ [p]: c, $or: [y, { a: 'x' }] })) },
)
const order: fc.Arbitrary<Record<string, 1 | -1> | undefined> = fc.option(
  fc.uniqueArray(fc.tuple(path, fc.constantFrom<1 | -1>(1, -1)), { minLength: 1, maxLength: 3, selector: ([p]) => p }).map((pairs) => Object.fromEntries(pairs)),
  { nil: undefined },
)
const page = fc.record({ offset: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), limit: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }) })

function apply(db: Database, groups: { steps: Step[]; commit: boolean }[]): void {
  for (const g of groups) {
    const changes = new Changes()
    for (const s of g.steps) {
      if (s.kind === 'put') db.put(changes, 'c', s.doc)
      else db.remove(changes, 'c', `d${s.id}`)
    }
    if (g.commit) db.commit(changes)
  }
}

/** The same history in a database with the indexes, one without, and one with the indexes built at a start. */
function databases(groups: { steps: Step[]; commit: boolean }[]): { indexed: Database; loaded: Database; plain: Database } {
  const indexed = new Database([{ name: 'c', indexes: INDEXES }])
  const plain = new Database([{ name: 'c', indexes: [] }])
  apply(indexed, groups)
  apply(plain, groups)
  const loaded = new Database([{ name: 'c', indexes: INDEXES }])
  loaded.beginLoading()
  for (const doc of plain.list('c')) loaded.replay({ op: 'put', c: 'c', d: doc })
  loaded.finishLoading()
  return { indexed, loaded, plain }
}

const ids = (docs: Doc[]) => docs.map((d) => d._id)
const seen = { ixscan: 0, sortFromIndex: 0, countScan: 0, queries: 0 }

test('index-served find and count equal the full scan', () => {
  fc.assert(
    fc.property(fc.array(group, { minLength: 1, maxLength: 10 }), criteria, order, page, (groups, where, sort, { offset, limit }) => {
      const { indexed, loaded, plain } = databases(groups)
      const options: FindOptions = { order: sort, offset, limit }
      const expected = find({ db: plain, changes: new Changes() }, 'c', where, options)
      for (const db of [indexed, loaded]) {
        const explain: Explain = newExplain()
        const got = find({ db, changes: new Changes() }, 'c', where, options, explain)
        expect(ids(got)).toEqual(ids(expected))
        expect(got).toEqual(expected)
        seen.queries++
        if (explain.stage === 'IXSCAN') seen.ixscan++
        if (explain.stage === 'IXSCAN' && sort && !explain.sortInMemory) seen.sortFromIndex++
        const counted = newExplain()
        expect(count({ db, changes: new Changes() }, 'c', where, counted)).toBe(count({ db: plain, changes: new Changes() }, 'c', where))
        if (counted.stage === 'COUNT_SCAN') seen.countScan++
      }
    }),
    scaledRuns({ numRuns: 1500 }),
  )
  // The property is only worth something if the indexes were really used, for filtering, sorting and counting.
  expect(seen.ixscan).toBeGreaterThan(seen.queries / 4)
  expect(seen.sortFromIndex).toBeGreaterThan(50)
  expect(seen.countScan).toBeGreaterThan(50)
})

test('a transaction reads its snapshot, not the indexes; an abandoned change leaves them as they were', () => {
  const db = new Database([{ name: 'c', indexes: INDEXES }])
  const seed = new Changes()
  for (let i = 0; i < 20; i++) db.put(seed, 'c', { _id: `d${i}`, a: i % 3, b: `b${i % 4}` })
  db.commit(seed)

  const tx = db.openSnapshot('tx1')
  db.put(tx, 'c', { _id: 'd1', a: 99 })
  const inTx = newExplain()
  const txView = { db, changes: tx }
  expect(ids(find(txView, 'c', { a: 99 }, {}, inTx))).toEqual(['d1'])
  expect(inTx.stage).toBe('COLLSCAN')

  // Committed meanwhile by someone else: the index sees it at once, the abandoned transaction never counted.
  const other = new Changes()
  db.put(other, 'c', { _id: 'd2', a: 99 })
  db.commit(other)
  db.closeSnapshot('tx1')
  const explain = newExplain()
  expect(ids(find({ db, changes: new Changes() }, 'c', { a: 99 }, {}, explain))).toEqual(['d2'])
  expect(explain).toMatchObject({ stage: 'IXSCAN', index: 'a', docsExamined: 1, keysExamined: 1 })
})

test('the trial picks the index with the fewest keys; a sort-and-limit walk stops early', () => {
  const db = new Database([{ name: 'c', indexes: [{ name: 'by_status', keys: { status: 1, due: 1 } }, { name: 'by_agent', keys: { agent: 1 } }] }])
  const changes = new Changes()
  for (let i = 0; i < 3000; i++) db.put(changes, 'c', { _id: `c${i}`, status: i % 2 ? 'open' : 'closed', due: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, agent: `a${i % 100}` })
  db.commit(changes)
  const view = { db, changes: new Changes() }

  const byAgent = newExplain()
  const agentDocs = find(view, 'c', { status: 'open', agent: 'a7' }, { limit: 100 }, byAgent)
  expect(agentDocs).toHaveLength(30)
  expect(byAgent).toMatchObject({ stage: 'IXSCAN', index: 'by_agent', keysExamined: 30, docsExamined: 30 })

  const queue = newExplain()
  const first = find(view, 'c', { status: 'open' }, { order: { due: -1 }, limit: 20 }, queue)
  expect(first.map((d) => d.due)).toEqual(Array(20).fill('2024-01-28'))
  expect(queue).toMatchObject({ stage: 'IXSCAN', index: 'by_status', sortInMemory: false, docsExamined: 20 })

  const counted = newExplain()
  expect(count(view, 'c', { status: 'open' }, counted)).toBe(1500)
  expect(counted).toMatchObject({ stage: 'COUNT_SCAN', docsExamined: 0, keysExamined: 1500 })
})
