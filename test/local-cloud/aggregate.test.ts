/** Contract: aggregation pipelines through the real SDK (mingo does the work, MongoDB semantics). */
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from './sdk'

let emu: Emulator
let db: any
let $: any

beforeAll(async () => {
  emu = await startEmulator()
  db = connectSdk(emu).database()
  $ = db.command.aggregate
  await db.collection('agg_claims').add({
    data: [
      { _id: 'c1', unitId: 'u1', status: 'paid', amountFen: 1000, items: [{ code: 'A', fen: 600 }, { code: 'B', fen: 400 }] },
      { _id: 'c2', unitId: 'u1', status: 'paid', amountFen: 2500, items: [{ code: 'A', fen: 2500 }] },
      { _id: 'c3', unitId: 'u2', status: 'rejected', amountFen: 0, items: [] },
      { _id: 'c4', unitId: 'u2', status: 'paid', amountFen: 700, items: [{ code: 'C', fen: 700 }] },
    ],
  })
  await db.collection('agg_units').add({ data: [{ _id: 'u1', name: '一中' }, { _id: 'u2', name: '二中' }] })
})
afterAll(async () => emu?.stop())

test('$match $group ($sum, $first, count via $sum:1) $sort', async () => {
  const res = await db
    .collection('agg_claims')
    .aggregate()
    .match({ status: 'paid' })
    .group({ _id: '$unitId', totalFen: $.sum('$amountFen'), claims: $.sum(1), firstClaim: $.first('$_id') })
    .sort({ totalFen: -1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'u1', totalFen: 3500, claims: 2, firstClaim: 'c1' },
    { _id: 'u2', totalFen: 700, claims: 1, firstClaim: 'c4' },
  ])
})

test('$group counts with $sum: 1 ($count as an accumulator is MongoDB 5, not documented by CloudBase: refused)', async () => {
  const res = await db.collection('agg_claims').aggregate().group({ _id: '$status', n: $.sum(1) }).sort({ _id: 1 }).end()
  expect(res.list).toEqual([{ _id: 'paid', n: 3 }, { _id: 'rejected', n: 1 }])
  await expect(db.collection('agg_claims').aggregate().group({ _id: '$status', n: { $count: {} } }).end()).rejects.toThrow(/\$count/)
})

describe('only what CloudBase documents', () => {
  // Each is computed by mingo, so only the emulator's own check refuses it.
  test.each([
    ['a stage', [{ $facet: { a: [{ $match: {} }] } }], /\$facet/],
    ['a stage mingo adds ($set)', [{ $set: { x: 1 } }], /\$set/],
    ['an expression ($toDate)', [{ $project: { d: { $toDate: '$amountFen' } } }], /\$toDate/],
    ['an expression ($dateDiff)', [{ $project: { d: { $dateDiff: { startDate: '$$NOW', endDate: '$$NOW', unit: 'day' } } } }], /\$dateDiff/],
    ['a query operator in $match ($type)', [{ $match: { status: { $type: 'string' } } }], /\$type/],
    ['inside a $lookup sub-pipeline', [{ $lookup: { from: 'agg_units', pipeline: [{ $match: { name: { $type: 'string' } } }], as: 'u' } }], /\$type/],
  ])('%s is refused', async (_what, stages, message) => {
    // Sent as the SDK's own raw-pipeline constructor does (its inner `_pipe(name, value, raw)`), so a stage the builder has no
    // method for reaches the wire too.
    const pipeline = db.collection('agg_claims').aggregate()
    for (const stage of stages as Record<string, unknown>[]) {
      const [name, value] = Object.entries(stage)[0]
      pipeline._aggregate._pipe(name, value, true)
    }
    await expect(pipeline.end()).rejects.toThrow(message)
  })

  test('every operator the reports use is accepted ($dateFromString, $floor, $cond/$in, $exists/$ne in $match)', async () => {
    const res = await db
      .collection('agg_claims')
      .aggregate()
      .match({ status: { $in: ['paid', 'rejected'] }, unitId: { $exists: true, $ne: null } })
      .project({
        paidFen: $.cond([$.in(['$status', ['paid']]), '$amountFen', 0]),
        days: $.floor($.divide([$.subtract([$.add([$.dateFromString({ dateString: '2021-05-11' }), 0]), $.dateFromString({ dateString: '2021-05-01' })]), 86_400_000])),
      })
      .group({ _id: null, paidFen: $.sum('$paidFen'), days: $.sum('$days') })
      .end()
    expect(res.list).toEqual([{ _id: null, paidFen: 4200, days: 40 }])
  })
})

test('$project $skip $limit', async () => {
  const res = await db.collection('agg_claims').aggregate().sort({ _id: 1 }).project({ _id: 0, id: '$_id', yuan: $.divide(['$amountFen', 100]) }).skip(1).limit(2).end()
  expect(res.list).toEqual([{ id: 'c2', yuan: 25 }, { id: 'c3', yuan: 0 }])
})

test('$count', async () => {
  const res = await db.collection('agg_claims').aggregate().match({ amountFen: db.command.gt(500) }).count('n').end()
  expect(res.list).toEqual([{ n: 3 }])
})

test('$unwind then $group per item code', async () => {
  const res = await db.collection('agg_claims').aggregate().unwind('$items').group({ _id: '$items.code', fen: $.sum('$items.fen') }).sort({ _id: 1 }).end()
  expect(res.list).toEqual([{ _id: 'A', fen: 3100 }, { _id: 'B', fen: 400 }, { _id: 'C', fen: 700 }])
})

test('$lookup joins another collection', async () => {
  const res = await db
    .collection('agg_claims')
    .aggregate()
    .match({ _id: 'c4' })
    .lookup({ from: 'agg_units', localField: 'unitId', foreignField: '_id', as: 'unit' })
    .project({ _id: 1, unitName: $.arrayElemAt(['$unit.name', 0]) })
    .end()
  expect(res.list).toEqual([{ _id: 'c4', unitName: '二中' }])
})

test('aggregate on an unknown collection fails like CloudBase', async () => {
  // The SDK's aggregate path reports it with errCode -1 but keeps CloudBase's message.
  await expect(db.collection('agg_missing').aggregate().match({}).end()).rejects.toMatchObject({ errMsg: expect.stringContaining('Db or Table not exist: agg_missing') })
})

test('aggregation does not modify stored documents', async () => {
  await db.collection('agg_claims').aggregate().lookup({ from: 'agg_units', localField: 'unitId', foreignField: '_id', as: 'unit' }).end()
  const { data } = await db.collection('agg_claims').doc('c1').get()
  expect(data.unit).toBeUndefined()
})
