/**
 * Contract: a plain query (where / count / update's and remove's condition) or update uses only the operators
 * CloudBase documents (db.command); anything else — which mingo would happily compute — is refused with CloudBase's
 * DATABASE_INVALID_OPERRATOR, and nothing changes. Sent on the wire as wx-server-sdk would send it (the SDK turns a
 * nested object in where() into dot paths, so an undocumented operator reaches CloudBase only this way or through
 * `_.expr`).
 */
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from './sdk'

let emu: Emulator
let db: any
let _: any

const COLL = 'cmd_ops'
const DOC = { _id: 'd', n: 6, s: 'abc', tags: ['a', 'b', 'c'], bits: 5, items: [{ k: 'a', v: 1 }], o: { p: 1 } }

beforeAll(async () => {
  emu = await startEmulator()
  db = connectSdk(emu).database()
  _ = db.command
  await db.collection(COLL).add({ data: DOC })
})
afterAll(async () => emu?.stop())

/** The wire protocol as the SDK speaks it, to see the answer's `code`. */
async function wire(body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${emu.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collectionName: COLL, ...body }) })
  return res.json()
}
const get = (query: unknown) => wire({ action: 'database.getDocument', queryType: 'WHERE', query: JSON.stringify(query), limit: 10 })
const count = (query: unknown) => wire({ action: 'database.calculateDocument', queryType: 'WHERE', query: JSON.stringify(query) })
const update = (query: unknown, data: unknown) => wire({ action: 'database.modifyDocument', queryType: 'WHERE', query: JSON.stringify(query), data: JSON.stringify(data), merge: true, multi: true })
const remove = (query: unknown) => wire({ action: 'database.removeDocument', queryType: 'WHERE', query: JSON.stringify(query), multi: true })
const stored = async () => (await db.collection(COLL).doc('d').get()).data

describe('queries: only documented operators', () => {
  // Each of these mingo evaluates; CloudBase's Command has none of them.
  const refused: [string, unknown, string][] = [
    ['$type', { n: { $type: 'number' } }, '$type'],
    ['$where', { $where: 'this.n > 1' }, '$where'],
    ['$jsonSchema', { $jsonSchema: { required: ['n'] } }, '$jsonSchema'],
    ['$text', { $text: { $search: 'abc' } }, '$text'],
    ['$bitsAllSet', { bits: { $bitsAllSet: 1 } }, '$bitsAllSet'],
    ['$near (geoNear sends $nearSphere)', { o: { $near: [0, 0] } }, '$near'],
    ['$comment', { n: 6, $comment: 'x' }, '$comment'],
    ['inside $or', { $or: [{ n: 6 }, { s: { $type: 'string' } }] }, '$type'],
    ['inside $elemMatch', { items: { $elemMatch: { v: { $type: 'number' } } } }, '$type'],
    ['inside $not', { n: { $not: { $type: 'string' } } }, '$type'],
    ['an undocumented expression inside $expr', { $expr: { $eq: [{ $type: '$n' }, 'int'] } }, '$type'],
  ]

  test.each(refused)('%s is refused by get, count, update and remove alike, and nothing changes', async (_what, query, operator) => {
    for (const answer of [await get(query), await count(query), await update(query, { $set: { n: 99 } }), await remove(query)]) {
      expect(answer.code).toBe('DATABASE_INVALID_OPERRATOR')
      expect(answer.message).toContain(operator)
    }
    expect(await stored()).toEqual(DOC)
  })

  // Documented, and the SDK sends them in exactly this form (db.command: neq → $ne, db.RegExp → $regex/$options, expr).
  const accepted: [string, unknown][] = [
    ['$eq $ne $lt $lte $gt $gte', { n: { $eq: 6, $ne: 5, $lt: 7, $lte: 6, $gt: 5, $gte: 6 } }],
    ['$in $nin', { n: { $in: [6], $nin: [1] } }],
    ['$and $or $nor', { $and: [{ $or: [{ n: 6 }, { n: 7 }] }, { $nor: [{ s: 'x' }] }] }],
    ['$not', { n: { $not: { $gt: 10 } } }],
    ['$all $size $elemMatch', { tags: { $all: ['a', 'b'], $size: 3 }, items: { $elemMatch: { k: 'a', v: { $gte: 1 } } } }],
    ['$exists $mod', { n: { $exists: true, $mod: [3, 0] } }],
    ['$regex $options (db.RegExp)', { s: { $regex: '^A', $options: 'i' } }],
    ['$expr with documented expressions', { $expr: { $gt: ['$n', { $size: '$tags' }] } }],
  ]

  test.each(accepted)('%s matches the document', async (_what, query) => {
    const answer = await count(query)
    expect(answer.code).toBeUndefined()
    expect(answer.data.total).toBe(1)
  })

  test('through the SDK: _.expr with an undocumented expression fails with the operator named', async () => {
    const $ = _.aggregate
    await expect(db.collection(COLL).where(_.expr($.eq([{ $toString: '$n' }, '6']))).get()).rejects.toThrow(/DATABASE_INVALID_OPERRATOR|\$toString/)
    expect((await db.collection(COLL).where(_.expr($.eq(['$n', 6]))).count()).total).toBe(1)
  })
})

describe('updates: only documented operators', () => {
  const refused: [string, unknown, string][] = [
    ['$currentDate (db.serverDate() is the documented way)', { $currentDate: { at: true } }, '$currentDate'],
    ['$setOnInsert', { $setOnInsert: { n: 1 } }, '$setOnInsert'],
    ['$pushAll', { $pushAll: { tags: ['x'] } }, '$pushAll'],
    ['an undocumented $push modifier', { $push: { tags: { $each: ['x'], $unknown: 1 } } }, '$unknown'],
    ['an undocumented operator in a $pull condition', { $pull: { items: { v: { $type: 'number' } } } }, '$type'],
  ]

  test.each(refused)('%s is refused, and nothing changes', async (_what, data, operator) => {
    const answer = await update({ _id: 'd' }, data)
    expect(answer.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(answer.message).toContain(operator)
    expect(await stored()).toEqual(DOC)
  })

  // The documented update commands the existing operator suite does not already cover, in the SDK's wire form.
  test.each([
    ['$rename (_.rename)', { $rename: { s: 'name' } }, (d: any) => expect(d).toMatchObject({ name: 'abc' })],
    ['$bit (_.bit)', { $bit: { bits: { and: 4 } } }, (d: any) => expect(d.bits).toBe(4)],
    ['$pop -1 (_.shift)', { $pop: { tags: -1 } }, (d: any) => expect(d.tags).toEqual(['b', 'c'])],
    ['$pullAll', { $pullAll: { tags: ['a', 'c'] } }, (d: any) => expect(d.tags).toEqual(['b'])],
    ['$push with $each $position $sort $slice', { $push: { tags: { $each: ['z', 'y'], $sort: 1, $slice: 3 } } }, (d: any) => expect(d.tags).toEqual(['a', 'b', 'c'])],
    ['$pull with a documented condition', { $pull: { items: { v: { $gte: 1 } } } }, (d: any) => expect(d.items).toEqual([])],
  ])('%s is applied', async (_what, data, check) => {
    const { _id, ...fields } = DOC
    await db.collection(COLL).doc('u').set({ data: fields })
    const answer = await update({ _id: 'u' }, data)
    expect(answer.code).toBeUndefined()
    check((await db.collection(COLL).doc('u').get()).data)
  })
})
