/** Contract: update and query operators, MongoDB semantics (null vs missing, type order, arrays, dot paths). */
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from './sdk'

let emu: Emulator
let db: any
let _: any

beforeAll(async () => {
  emu = await startEmulator()
  db = connectSdk(emu).database()
  _ = db.command
})
afterAll(async () => emu?.stop())

describe('update operators', () => {
  const coll = () => db.collection('ops_update')
  beforeEach(async () => {
    await coll().add({ data: { _id: 'u', n: 10, price: 3, tags: ['a', 'b'], list: [1, 2, 3, 2], lo: 5, hi: 5, gone: 'x', deep: { a: { b: 1 } } } }).catch(async () => {
      await coll().doc('u').set({ data: { n: 10, price: 3, tags: ['a', 'b'], list: [1, 2, 3, 2], lo: 5, hi: 5, gone: 'x', deep: { a: { b: 1 } } } })
    })
  })
  const current = async () => (await coll().doc('u').get()).data

  test.each([
    ['$set via _.set', () => ({ deep: _.set({ z: 1 }) }), (d: any) => expect(d.deep).toEqual({ z: 1 })],
    ['$inc', () => ({ n: _.inc(-3) }), (d: any) => expect(d.n).toBe(7)],
    ['$mul', () => ({ price: _.mul(4) }), (d: any) => expect(d.price).toBe(12)],
    ['$push one', () => ({ tags: _.push('c') }), (d: any) => expect(d.tags).toEqual(['a', 'b', 'c'])],
    ['$push $each', () => ({ tags: _.push(['c', 'd']) }), (d: any) => expect(d.tags).toEqual(['a', 'b', 'c', 'd'])],
    ['$push $each with $position', () => ({ tags: _.push({ each: ['z'], position: 0 }) }), (d: any) => expect(d.tags).toEqual(['z', 'a', 'b'])],
    ['$pull value', () => ({ list: _.pull(2) }), (d: any) => expect(d.list).toEqual([1, 3])],
    ['$pull condition', () => ({ list: _.pull(_.gte(2)) }), (d: any) => expect(d.list).toEqual([1])],
    ['$addToSet existing', () => ({ tags: _.addToSet('a') }), (d: any) => expect(d.tags).toEqual(['a', 'b'])],
    ['$addToSet $each', () => ({ tags: _.addToSet({ $each: ['b', 'c'] }) }), (d: any) => expect(d.tags).toEqual(['a', 'b', 'c'])],
    ['$unset via _.remove()', () => ({ gone: _.remove() }), (d: any) => expect('gone' in d).toBe(false)],
    ['$min lowers', () => ({ lo: _.min(2) }), (d: any) => expect(d.lo).toBe(2)],
    ['$min keeps', () => ({ lo: _.min(9) }), (d: any) => expect(d.lo).toBe(5)],
    ['$max raises', () => ({ hi: _.max(9) }), (d: any) => expect(d.hi).toBe(9)],
    ['$max keeps', () => ({ hi: _.max(1) }), (d: any) => expect(d.hi).toBe(5)],
    ['dot path $set', () => ({ 'deep.a.c': 2 }), (d: any) => expect(d.deep).toEqual({ a: { b: 1, c: 2 } })],
    ['dot path $inc', () => ({ deep: { a: { b: _.inc(1) } } }), (d: any) => expect(d.deep.a.b).toBe(2)],
    ['$inc creates a missing field', () => ({ fresh: _.inc(5) }), (d: any) => expect(d.fresh).toBe(5)],
  ])('%s', async (_name, data, check) => {
    await coll().doc('u').update({ data: data() })
    check(await current())
  })

  test('$inc on a string field is an error, nothing changes', async () => {
    await expect(coll().doc('u').update({ data: { gone: _.inc(1) } })).rejects.toBeTruthy()
    expect((await current()).gone).toBe('x')
  })
})

describe('query operators', () => {
  const coll = () => db.collection('ops_query')
  beforeAll(async () => {
    await coll().add({
      data: [
        { _id: 'q1', n: 1, s: 'apple', tags: ['x', 'y'], items: [{ k: 'a', v: 1 }, { k: 'b', v: 5 }], o: { p: 1 } },
        { _id: 'q2', n: 2, s: 'Banana', tags: ['y'], items: [{ k: 'a', v: 7 }], o: { p: 2 } },
        { _id: 'q3', n: 3, s: 'cherry', tags: [], items: [], o: { p: null } },
        { _id: 'q4', n: null, s: 'date', tags: ['x', 'y', 'z'] },
        { _id: 'q5', s: 'elder' },
      ],
    })
  })
  const find = async (where: any) => (await coll().where(where).orderBy('_id', 'asc').get()).data.map((d: any) => d._id)

  test.each([
    ['$eq', () => ({ n: _.eq(2) }), ['q2']],
    ['$ne (includes null and missing)', () => ({ n: _.neq(2) }), ['q1', 'q3', 'q4', 'q5']],
    ['$gt', () => ({ n: _.gt(1) }), ['q2', 'q3']],
    ['$gte', () => ({ n: _.gte(2) }), ['q2', 'q3']],
    ['$lt', () => ({ n: _.lt(2) }), ['q1']],
    ['$lte', () => ({ n: _.lte(2) }), ['q1', 'q2']],
    ['$in', () => ({ n: _.in([1, 3]) }), ['q1', 'q3']],
    ['$nin (includes missing)', () => ({ n: _.nin([1, 3]) }), ['q2', 'q4', 'q5']],
    ['$and', () => _.and([{ n: _.gte(1) }, { n: _.lte(2) }]), ['q1', 'q2']],
    ['$or', () => _.or([{ n: 1 }, { s: 'date' }]), ['q1', 'q4']],
    ['$nor', () => _.nor([{ n: 1 }, { s: 'date' }]), ['q2', 'q3', 'q5']],
    ['field-level and', () => ({ n: _.gt(1).and(_.lt(3)) }), ['q2']],
    ['$exists true', () => ({ n: _.exists(true) }), ['q1', 'q2', 'q3', 'q4']],
    ['$exists false', () => ({ n: _.exists(false) }), ['q5']],
    ['$regex via db.RegExp, case-insensitive', () => ({ s: db.RegExp({ regexp: '^b', options: 'i' }) }), ['q2']],
    ['$regex via JS RegExp', () => ({ s: /rr/ }), ['q3']],
    ['$elemMatch', () => ({ items: _.elemMatch({ k: 'a', v: _.gt(3) }) }), ['q2']],
    ['$all', () => ({ tags: _.all(['x', 'y']) }), ['q1', 'q4']],
    ['$size', () => ({ tags: _.size(1) }), ['q2']],
    ['array contains a value', () => ({ tags: 'z' }), ['q4']],
    ['array of documents by dot path', () => ({ 'items.v': 5 }), ['q1']],
    ['array element by index', () => ({ 'tags.0': 'y' }), ['q2']],
    ['nested object becomes a dot path', () => ({ o: { p: 2 } }), ['q2']],
    ['null matches null and missing', () => ({ n: null }), ['q4', 'q5']],
    ['dot path null matches null and missing', () => ({ 'o.p': null }), ['q3', 'q4', 'q5']],
    ['$eq null via command', () => ({ n: _.eq(null) }), ['q4', 'q5']],
  ])('%s', async (_name, where, expected) => {
    expect(await find(where())).toEqual(expected)
  })
})

describe('sort order across types (MongoDB BSON order)', () => {
  test('null/missing < numbers (an array sorts by its smallest element) < strings < objects < booleans < dates', async () => {
    const coll = db.collection('ops_sort')
    await coll.add({
      data: [
        { _id: 'date', v: new Date('2020-01-01') },
        { _id: 'bool', v: true },
        { _id: 'obj', v: { a: 1 } },
        { _id: 'str', v: 'abc' },
        { _id: 'num10', v: 10 },
        { _id: 'num2', v: 2.5 },
        { _id: 'null', v: null },
        { _id: 'missing' },
        { _id: 'arr', v: [5, 1] },
      ],
    })
    const asc = (await coll.orderBy('v', 'asc').orderBy('_id', 'asc').get()).data.map((d: any) => d._id)
    expect(asc).toEqual(['missing', 'null', 'arr', 'num2', 'num10', 'str', 'obj', 'bool', 'date'])
    const desc = (await coll.orderBy('v', 'desc').orderBy('_id', 'asc').get()).data.map((d: any) => d._id)
    expect(desc[0]).toBe('date')
    expect(desc.slice(-2).sort()).toEqual(['missing', 'null'])
  })
})

describe('type errors MongoDB refuses', () => {
  beforeAll(async () => {
    await db.collection('ops_types').add({ data: { _id: 't', s: 'x', n: 1 } })
  })
  test.each([
    ['$push to a non-array', () => ({ n: _.push(2) })],
    ['$mul on a string', () => ({ s: _.mul(2) })],
    ['$addToSet to a non-array', () => ({ s: _.addToSet('y') })],
  ])('%s fails and changes nothing', async (_name, data) => {
    await expect(db.collection('ops_types').doc('t').update({ data: data() })).rejects.toBeTruthy()
    expect((await db.collection('ops_types').doc('t').get()).data).toEqual({ _id: 't', s: 'x', n: 1 })
  })
})
