/**
 * Contract: transactions run side by side as on CloudBase — snapshot reads, a write-write conflict answered at once
 * with DATABASE_TRANSACTION_CONFLICT (never a wait), the first to write and commit wins.
 */
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from './sdk'

let emu: Emulator
let db: any

beforeAll(async () => {
  emu = await startEmulator()
  db = connectSdk(emu).database()
  await db.collection('cc_docs').add({ data: [{ _id: 'one', n: 0 }, { _id: 'two', n: 0 }, { _id: 'snap', n: 1 }] })
})
afterAll(async () => emu?.stop())

const value = async (id: string) => (await db.collection('cc_docs').doc(id).get()).data.n

/** The wire protocol as the SDK speaks it, to see the answer's `code` (the SDK folds it into errCode/errMsg). */
async function wire(body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${emu.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return res.json()
}

test('two concurrent transactions write one document: one commits, the other gets DATABASE_TRANSACTION_CONFLICT at once', async () => {
  const t1 = await db.startTransaction()
  const t2 = await db.startTransaction()
  expect((await t1.collection('cc_docs').doc('one').get()).data.n).toBe(0)
  expect((await t2.collection('cc_docs').doc('one').get()).data.n).toBe(0)
  await t1.collection('cc_docs').doc('one').update({ data: { n: 1 } })
  const started = Date.now()
  const err = await t2.collection('cc_docs').doc('one').update({ data: { n: 2 } }).catch((e: any) => e)
  expect(Date.now() - started).toBeLessThan(1000)
  expect(err.errMsg).toMatch(/WriteConflict/)
  await t1.commit()
  expect(await value('one')).toBe(1)
  // The loser's transaction is over: its commit cannot resurrect the write.
  await expect(t2.commit()).rejects.toBeTruthy()
  expect(await value('one')).toBe(1)
})

test('on the wire the conflict carries the code DATABASE_TRANSACTION_CONFLICT (what runTransaction retries)', async () => {
  const a = await wire({ action: 'database.startTransaction' })
  const b = await wire({ action: 'database.startTransaction' })
  const update = (transactionId: string, n: number) =>
    wire({
      action: 'database.modifyDocument', collectionName: 'cc_docs', queryType: 'DOC', transactionId,
      query: JSON.stringify({ _id: 'two' }), data: JSON.stringify({ $set: { n: { $numberInt: String(n) } } }), merge: true, multi: false,
    })
  expect((await update(a.transactionId, 5)).code).toBeUndefined()
  const lost = await update(b.transactionId, 6)
  expect(lost.code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(await wire({ action: 'database.commitTransaction', transactionId: a.transactionId })).not.toHaveProperty('code')
  expect(await value('two')).toBe(5)
})

test('a transaction reads its snapshot: a write committed after it began is invisible, and writing over it conflicts', async () => {
  const t = await db.startTransaction()
  expect((await t.collection('cc_docs').doc('snap').get()).data.n).toBe(1)
  await db.collection('cc_docs').doc('snap').update({ data: { n: 2 } })
  expect((await t.collection('cc_docs').doc('snap').get()).data.n).toBe(1)
  const err = await t.collection('cc_docs').doc('snap').update({ data: { n: 10 } }).catch((e: any) => e)
  expect(err.errMsg).toMatch(/WriteConflict/)
  expect(await value('snap')).toBe(2)
})

test('a document inserted after the snapshot is invisible to the transaction, and inserting the same _id conflicts', async () => {
  const t = await db.startTransaction()
  await db.collection('cc_docs').add({ data: { _id: 'late', n: 7 } })
  expect((await t.collection('cc_docs').doc('late').get()).data).toBeNull()
  const err = await t.collection('cc_docs').add({ data: { _id: 'late', n: 8 } }).catch((e: any) => e)
  expect(err.errMsg).toMatch(/WriteConflict/)
  expect(await value('late')).toBe(7)
})

test('transactions on different documents run side by side: neither waits for the other', async () => {
  const t1 = await db.startTransaction()
  await t1.collection('cc_docs').doc('one').update({ data: { n: 100 } })
  const started = Date.now()
  const t2 = await db.startTransaction()
  await t2.collection('cc_docs').doc('two').update({ data: { n: 200 } })
  await t2.commit()
  expect(Date.now() - started).toBeLessThan(1000)
  await t1.commit()
  expect([await value('one'), await value('two')]).toEqual([100, 200])
})

test('runTransaction under contention: of 10 concurrent increments each commits exactly once or fails with a conflict', async () => {
  await db.collection('cc_docs').add({ data: { _id: 'hot', n: 0 } })
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, () =>
      db.runTransaction(async (t: any) => {
        const { data } = await t.collection('cc_docs').doc('hot').get()
        await new Promise((r) => setTimeout(r, 10))
        await t.collection('cc_docs').doc('hot').update({ data: { n: data.n + 1 } })
      }),
    ),
  )
  const committed = outcomes.filter((o) => o.status === 'fulfilled').length
  const failed = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[]
  for (const f of failed) expect(String(f.reason?.errMsg ?? f.reason?.message)).toMatch(/WriteConflict|TRANSACTION_CONFLICT/)
  // No lost update: the counter is exactly the number of transactions that reported success.
  expect(await value('hot')).toBe(committed)
  expect(committed).toBeGreaterThanOrEqual(1)
  expect(failed.length).toBeGreaterThanOrEqual(1)
})
