/**
 * Property: the sort strings a start's index build sorts (sort-key.ts) order exactly as the index's tuple comparator
 * (MongoDB's BSON type order through mingo, field directions, natural position last) — for any orderable values of
 * every type the emulator indexes (any string, including NUL, U+0001 and lone surrogates; any non-NaN number but
 * −0; dates; booleans; null) — and an index built at a start holds the same entries in the same order as one kept
 * up write by write, including documents with missing fields, nested paths and values that cannot be ordered; the
 * key read from a document is the value mingo resolves at its path.
 */
import fc from 'fast-check'
import { scaledRuns } from '../helpers/fast-check-runs'
import { Changes, Database, type CollectionDeclaration } from '../../local-cloud/src/db/database'
import { resolve } from 'mingo/util'
import { isOrderable, orderedValueAt, tupleComparator, type KeyTuple } from '../../local-cloud/src/db/index/index-key'
import { type OrderedIndex } from '../../local-cloud/src/db/index/ordered-index'
import { ordinalOf, sortKey } from '../../local-cloud/src/db/index/sort-key'
import type { Doc } from '../../local-cloud/src/ejson'

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u0002', 'a', 'b', '\uffff', '\ud800', '\udc00'), maxLength: 5 }),
)
const number = fc.oneof(
  fc.double({ noNaN: true }).filter((n) => !Object.is(n, -0)),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 2 ** 53, 0.1),
)
const date = fc.date({ noInvalidDate: true })
const scalar = fc.oneof(text, number, date, fc.boolean(), fc.constant(null))
const directions = fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 1, maxLength: 4 })

test('sort strings order like the tuple comparator', () => {
  fc.assert(
    fc.property(
      directions.chain((dirs) =>
        fc.tuple(fc.constant(dirs), fc.array(fc.tuple(fc.tuple(...dirs.map(() => scalar)), fc.nat({ max: 2 ** 40 })), { minLength: 2, maxLength: 30 })),
      ),
      ([dirs, rows]) => {
        const compare = tupleComparator(dirs)
        // Positions are unique in an index; reuse of values across rows makes ties on the fields common.
        const tuples: KeyTuple[] = rows.map(([values, pos], i) => [...values, pos * 64 + i])
        const expected = [...tuples].sort(compare)
        const keys = tuples.map((t, i) => sortKey(t, dirs, t[dirs.length] as number, i))
        const got = keys.sort().map((k) => tuples[ordinalOf(k)])
        expect(got).toEqual(expected)
      },
    ),
    scaledRuns({ numRuns: 3000 }),
  )
})

test('equal values in different rows tie on the fields and fall back to the natural position', () => {
  fc.assert(
    fc.property(directions, fc.array(scalar, { minLength: 1, maxLength: 3 }), (dirs, pool) => {
      const compare = tupleComparator(dirs)
      const tuples: KeyTuple[] = []
      for (let i = 0; i < 40; i++) tuples.push([...dirs.map((_, f) => pool[(i * 7 + f * 3) % pool.length]), 1000 - i])
      const expected = [...tuples].sort(compare)
      const got = tuples.map((t, i) => sortKey(t, dirs, t[dirs.length] as number, i)).sort().map((k) => tuples[ordinalOf(k)])
      expect(got).toEqual(expected)
    }),
    scaledRuns({ numRuns: 500 }),
  )
})

const INDEXES: CollectionDeclaration['indexes'] = [
  { name: 'a_b', keys: { a: 1, b: -1 } },
  { name: 'b_desc', keys: { b: -1 } },
  { name: 'nested', keys: { 'n.x': -1, a: 1, c: -1 } },
]
const odd = fc.constantFrom<unknown>(['x', 1], [], { k: 1 }, Number.NaN, -0)
const field = fc.option(fc.oneof({ weight: 10, arbitrary: scalar }, { weight: 1, arbitrary: odd }), { nil: undefined, freq: 4 })
const doc = fc.record({ a: field, b: field, c: field, x: field })

function entries(index: OrderedIndex): unknown[] {
  return [...index.ascending(index.lowest)].map(([k, stored]) => [k, stored.key])
}

test('an index built at a start equals one kept up write by write', () => {
  fc.assert(
    fc.property(fc.array(doc, { maxLength: 60 }), (rows) => {
      const docs: Doc[] = rows.map((r, i) => {
        const d: Doc = { _id: `d${i}` }
        for (const k of ['a', 'b', 'c'] as const) if (r[k] !== undefined) d[k] = r[k]
        if (r.x !== undefined) d.n = { x: r.x }
        return d
      })
      const live = new Database([{ name: 'c', indexes: INDEXES }])
      for (const d of docs) {
        const changes = new Changes()
        live.put(changes, 'c', d)
        live.commit(changes)
      }
      const loaded = new Database([{ name: 'c', indexes: INDEXES }])
      loaded.beginLoading()
      for (const d of docs) loaded.replay({ op: 'put', c: 'c', d })
      loaded.finishLoading()
      const view = (db: Database) => db.indexesFor('c', new Changes()).indexes
      const liveIndexes = view(live)
      const loadedIndexes = view(loaded)
      for (let i = 0; i < INDEXES.length; i++) {
        expect(entries(loadedIndexes[i])).toEqual(entries(liveIndexes[i]))
        expect(loadedIndexes[i].unusableReason).toEqual(liveIndexes[i].unusableReason)
      }
    }),
    scaledRuns({ numRuns: 400 }),
  )
})

const leaf = fc.oneof(scalar, odd, fc.constant(undefined))
const nested: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(fc.constantFrom('a', 'b', '0', 'constructor', 'toString'), tie('node'), { maxKeys: 3 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node

test('the key a start extracts is the value mingo resolves, whatever lies on the path', () => {
  fc.assert(
    fc.property(nested, fc.constantFrom('a', 'b', 'a.b', 'a.0', 'b.a.b', '0', 'constructor', 'a.toString', 'a.b.0.a'), (value, path) => {
      const doc = { _id: 'd', a: value, b: { a: value } } as Doc
      const resolved: unknown = resolve(doc, path)
      const expected = isOrderable(resolved) ? { value: resolved === undefined ? null : resolved } : undefined
      expect(orderedValueAt(doc, path)).toEqual(expected)
    }),
    scaledRuns({ numRuns: 3000 }),
  )
})
