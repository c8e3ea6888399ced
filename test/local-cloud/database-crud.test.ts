/** Contract: basic database operations through the real wx-server-sdk. */
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

const ids = (res: { data: { _id: string }[] }) => res.data.map((d) => d._id)

describe('add', () => {
  test('one document: generated _id, types round-trip', async () => {
    const res = await db.collection('crud_one').add({ data: { name: '张三', amountFen: 12345, ratio: 0.5, ok: true, none: null, at: new Date('2024-03-01T00:00:00Z'), tags: ['a'], nested: { x: 1 } } })
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await db.collection('crud_one').doc(res._id).get()
    expect(data).toEqual({ _id: res._id, name: '张三', amountFen: 12345, ratio: 0.5, ok: true, none: null, at: new Date('2024-03-01T00:00:00Z'), tags: ['a'], nested: { x: 1 } })
    expect(data.at).toBeInstanceOf(Date)
  })

  test('one document with its own _id', async () => {
    const res = await db.collection('crud_one').add({ data: { _id: 'fixed-1', v: 1 } })
    expect(res._id).toBe('fixed-1')
  })

  test('many documents in one call', async () => {
    const res = await db.collection('crud_many').add({ data: [{ _id: 'm1', n: 1 }, { _id: 'm2', n: 2 }, { n: 3 }] })
    expect(res._ids).toHaveLength(3)
    expect(res._ids.slice(0, 2)).toEqual(['m1', 'm2'])
    expect((await db.collection('crud_many').count()).total).toBe(3)
  })

  test('duplicate _id is rejected and nothing of the batch is written', async () => {
    await expect(db.collection('crud_many').add({ data: [{ _id: 'm9', n: 9 }, { _id: 'm1', n: 1 }] })).rejects.toMatchObject({ errMsg: expect.stringContaining('E11000 duplicate key') })
    expect((await db.collection('crud_many').where({ _id: 'm9' }).get()).data).toEqual([])
  })
})

describe('get', () => {
  beforeAll(async () => {
    const docs = Array.from({ length: 12 }, (_v, i) => ({ _id: `g${String(i).padStart(2, '0')}`, i, group: i % 3, name: `n${i}`, secret: 's' }))
    await db.collection('crud_get').add({ data: docs })
  })

  test('where + orderBy + skip + limit', async () => {
    const res = await db.collection('crud_get').where({ group: 1 }).orderBy('i', 'desc').skip(1).limit(2).get()
    expect(res.data.map((d: any) => d.i)).toEqual([7, 4])
  })

  test('orderBy on two fields', async () => {
    const res = await db.collection('crud_get').orderBy('group', 'asc').orderBy('i', 'desc').limit(4).get()
    expect(res.data.map((d: any) => [d.group, d.i])).toEqual([[0, 9], [0, 6], [0, 3], [0, 0]])
  })

  test('field() includes and excludes', async () => {
    const inc = await db.collection('crud_get').doc('g01').field({ name: true }).get()
    expect(inc.data).toEqual({ _id: 'g01', name: 'n1' })
    const exc = await db.collection('crud_get').where({ _id: 'g02' }).field({ secret: false, group: false }).get()
    expect(exc.data).toEqual([{ _id: 'g02', i: 2, name: 'n2' }])
  })

  test('default limit is 100, natural order is insertion order', async () => {
    await db.collection('crud_big').add({ data: Array.from({ length: 130 }, (_v, i) => ({ i })) })
    const res = await db.collection('crud_big').get()
    expect(res.data).toHaveLength(100)
    expect(res.data.map((d: any) => d.i)).toEqual(Array.from({ length: 100 }, (_v, i) => i))
  })

  test('a query on _id still applies its other conditions', async () => {
    expect((await db.collection('crud_get').where({ _id: 'g01', group: 1 }).get()).data).toHaveLength(1)
    expect((await db.collection('crud_get').where({ _id: 'g01', group: 2 }).get()).data).toEqual([])
    expect((await db.collection('crud_get').where({ _id: 'g01', group: 2 }).update({ data: { touched: true } })).stats.updated).toBe(0)
  })

  test('count with where', async () => {
    expect((await db.collection('crud_get').where({ group: 2 }).count()).total).toBe(4)
  })

  test('doc().get() of a missing document gives null (throwOnNotFound: false)', async () => {
    expect((await db.collection('crud_get').doc('nope').get()).data).toBeNull()
  })

  test('reading an unknown collection fails like CloudBase', async () => {
    await expect(db.collection('never_created').get()).rejects.toMatchObject({ errCode: -502005 })
    await expect(db.collection('never_created').count()).rejects.toMatchObject({ errCode: -502005 })
  })

  test('declared collections and the emulator’s own exist at start', async () => {
    expect((await db.collection('users').count()).total).toBe(0)
    expect((await db.collection('_local_identities').count()).total).toBe(0)
    expect(await (await fetch(`${emu.url}/local/identities`)).json()).toEqual([])
  })
})

describe('update, set, remove', () => {
  beforeAll(async () => {
    await db.createCollection('crud_w')
  })

  beforeEach(async () => {
    await db.collection('crud_w').where({ _id: _.exists(true) }).remove()
    await db.collection('crud_w').add({ data: [{ _id: 'w1', k: 'a', n: 1, o: { p: 1, q: 2 } }, { _id: 'w2', k: 'a', n: 2 }, { _id: 'w3', k: 'b', n: 3 }] })
  })

  test('doc update merges nested objects into dot paths', async () => {
    const res = await db.collection('crud_w').doc('w1').update({ data: { n: 10, o: { p: 5 } } })
    expect(res.stats.updated).toBe(1)
    expect((await db.collection('crud_w').doc('w1').get()).data).toEqual({ _id: 'w1', k: 'a', n: 10, o: { p: 5, q: 2 } })
  })

  test('update that changes nothing reports 0 updated', async () => {
    expect((await db.collection('crud_w').doc('w1').update({ data: { n: 1 } })).stats.updated).toBe(0)
  })

  test('where update is multi', async () => {
    const res = await db.collection('crud_w').where({ k: 'a' }).update({ data: { flagged: true } })
    expect(res.stats.updated).toBe(2)
    expect(ids(await db.collection('crud_w').where({ flagged: true }).get()).sort()).toEqual(['w1', 'w2'])
  })

  test('set replaces the whole document', async () => {
    const res = await db.collection('crud_w').doc('w1').set({ data: { only: 'this' } })
    expect(res.stats.updated).toBe(1)
    expect((await db.collection('crud_w').doc('w1').get()).data).toEqual({ _id: 'w1', only: 'this' })
  })

  test('set of a missing document creates it (upsert)', async () => {
    const res = await db.collection('crud_w').doc('w9').set({ data: { fresh: 1 } })
    expect(res._id).toBe('w9')
    expect(res.stats.created).toBe(1)
    expect((await db.collection('crud_w').doc('w9').get()).data).toEqual({ _id: 'w9', fresh: 1 })
  })

  test('doc remove and where remove (multi)', async () => {
    expect((await db.collection('crud_w').doc('w3').remove()).stats.removed).toBe(1)
    expect((await db.collection('crud_w').doc('w3').remove()).stats.removed).toBe(0)
    expect((await db.collection('crud_w').where({ k: 'a' }).remove()).stats.removed).toBe(2)
    expect((await db.collection('crud_w').count()).total).toBe(0)
  })

  test('serverDate on add and update is the server clock', async () => {
    const before = Date.now()
    const { _id } = await db.collection('crud_w').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    await db.collection('crud_w').doc(_id).update({ data: { touched: db.serverDate() } })
    const { data } = await db.collection('crud_w').doc(_id).get()
    const after = Date.now()
    expect(data.at).toBeInstanceOf(Date)
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before - 5)
    expect(data.at.getTime()).toBeLessThanOrEqual(after + 5)
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000)
    expect(data.touched.getTime()).toBeGreaterThanOrEqual(data.at.getTime())
  })

  test('updating _id is refused by the SDK', async () => {
    await expect(db.collection('crud_w').doc('w1').update({ data: { _id: 'x' } })).rejects.toBeTruthy()
  })
})

describe('modifyAndReturnDoc (node-sdk updateAndReturn)', () => {
  test('updates one document and returns it after the update', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const nodeDb = require('@cloudbase/node-sdk').init({ env: 'local-dev' }).database()
    await db.collection('crud_ret').add({ data: [{ _id: 'r1', k: 'x', n: 1 }, { _id: 'r2', k: 'x', n: 1 }] })
    const res = await nodeDb.collection('crud_ret').where({ k: 'x' }).updateAndReturn({ n: nodeDb.command.inc(5) })
    expect(res.updated).toBe(1)
    expect(res.doc).toEqual({ _id: 'r1', k: 'x', n: 6 })
    expect((await db.collection('crud_ret').doc('r2').get()).data.n).toBe(1)
  })
})
