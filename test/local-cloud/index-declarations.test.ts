/**
 * The emulator refuses index declarations CloudBase would refuse (declaration-rules.ts), takes the project's own,
 * and answers a count with no filter from the collection's kept size, reading no document (MongoDB's fast count).
 */
import { COLLECTIONS } from '../../cloudfunctions/_shared/src/collections'
import { Changes, Database } from '../../local-cloud/src/db/database'
import { newExplain } from '../../local-cloud/src/db/explain'
import { indexDeclarationProblems } from '../../local-cloud/src/db/index/declaration-rules'
import { count, find } from '../../local-cloud/src/db/operations'

test("the project's declarations are all ones CloudBase accepts", () => {
  expect(COLLECTIONS.flatMap((c) => indexDeclarationProblems(c.name, c.indexes))).toEqual([])
  expect(() => new Database(COLLECTIONS)).not.toThrow()
})

test.each([
  ['an index on _id alone (it always exists)', { name: 'by_id', keys: { _id: 1 as const } }, '_id 已有默认索引'],
  ['a field starting with an underscore', { name: 'x', keys: { _secret: 1 as const } }, '字段名 _secret'],
  ['a field name over 32 characters', { name: 'x', keys: { ['f'.repeat(33)]: 1 as const } }, '不超过 32 位'],
  ['a field with other characters', { name: 'x', keys: { 'a-b': 1 as const } }, '字段名 a-b'],
  ['32 fields', { name: 'x', keys: Object.fromEntries(Array.from({ length: 32 }, (_v, i) => [`f${i}`, 1 as const])) }, '31 个的上限'],
  ['a name over 64 characters', { name: 'n'.repeat(65), keys: { a: 1 as const } }, '1–64 个字符'],
  ['a direction other than 1 or -1', { name: 'x', keys: { a: 2 as unknown as 1 } }, '方向须为 1 或 -1'],
])('refuses %s', (_what, index, message) => {
  expect(indexDeclarationProblems('c', [index]).join('\n')).toContain(message)
  expect(() => new Database([{ name: 'c', indexes: [index] }])).toThrow(message)
})

test('refuses 101 indexes and a repeated name; accepts _id as the last key, _openid and dot paths', () => {
  const many = Array.from({ length: 101 }, (_v, i) => ({ name: `i${i}`, keys: { [`f${i}`]: 1 as const } }))
  expect(indexDeclarationProblems('c', many).join()).toContain('100 个的上限')
  expect(indexDeclarationProblems('c', [{ name: 'a', keys: { a: 1 } }, { name: 'a', keys: { b: 1 } }]).join()).toContain('索引名重复')
  expect(indexDeclarationProblems('c', [{ name: 'ok', keys: { unitId: 1, name: 1, _id: 1 } }, { name: 'o', keys: { _openid: 1, 'filedBy.openid': -1 } }])).toEqual([])
})

test('a count with no filter reads no document and sees the request’s own writes', () => {
  const db = new Database([{ name: 'c', indexes: [] }])
  const load = new Changes()
  for (let i = 0; i < 5000; i++) db.put(load, 'c', { _id: `d${i}`, n: i })
  db.commit(load)
  const explain = newExplain()
  expect(count({ db, changes: new Changes() }, 'c', {}, explain)).toBe(5000)
  expect(explain).toMatchObject({ stage: 'COUNT', docsExamined: 0, keysExamined: 0 })

  const own = new Changes()
  db.put(own, 'c', { _id: 'new', n: -1 })
  db.remove(own, 'c', 'd1')
  db.remove(own, 'c', 'd2')
  db.put(own, 'c', { _id: 'd3', n: 33 })
  expect(count({ db, changes: own }, 'c', {})).toBe(4999)
  // A filtered count still tests every document it reads.
  const filtered = newExplain()
  expect(count({ db, changes: new Changes() }, 'c', { n: 7 }, filtered)).toBe(1)
  expect(filtered).toMatchObject({ stage: 'COLLSCAN', docsExamined: 5000 })
})

test('_id: {$in: […]} reads by the _id index (one lookup per id), in natural order, as the full scan answers', () => {
  const db = new Database([{ name: 'c', indexes: [] }])
  const load = new Changes()
  for (let i = 0; i < 3000; i++) db.put(load, 'c', { _id: `d${i}`, n: i % 7 })
  db.commit(load)
  const explain = newExplain()
  const docs = find({ db, changes: new Changes() }, 'c', { _id: { $in: ['d2999', 'd5', 'nope', 'd5', 'd12'] }, n: { $gte: 0 } }, {}, explain)
  expect(docs.map((d) => d._id)).toEqual(['d5', 'd12', 'd2999'])
  expect(explain).toMatchObject({ stage: 'IXSCAN', index: '_id_', keysExamined: 3, docsExamined: 3 })
  // Inside a request that already wrote the collection: the scan, with its own writes.
  const own = new Changes()
  db.put(own, 'c', { _id: 'new', n: 1 })
  expect(find({ db, changes: own }, 'c', { _id: { $in: ['new', 'd1'] } }, {}).map((d) => d._id)).toEqual(['d1', 'new'])
})
