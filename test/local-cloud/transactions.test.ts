/** Contract: transactions (runTransaction, start/commit/rollback) and unique indexes. */
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from './sdk'

let emu: Emulator
let db: any
let _: any

beforeAll(async () => {
  emu = await startEmulator()
  db = connectSdk(emu).database()
  _ = db.command
  await db.collection('tx_accounts').add({ data: [{ _id: 'a', fen: 1000 }, { _id: 'b', fen: 0 }] })
})
afterAll(async () => emu?.stop())

const balance = async (id: string) => (await db.collection('tx_accounts').doc(id).get()).data.fen

describe('runTransaction', () => {
  test('commits all writes together and returns the callback result', async () => {
    const result = await db.runTransaction(async (t: any) => {
      const a = (await t.collection('tx_accounts').doc('a').get()).data
      await t.collection('tx_accounts').doc('a').update({ data: { fen: a.fen - 300 } })
      await t.collection('tx_accounts').doc('b').update({ data: { fen: _.inc(300) } })
      await t.collection('tx_log').add({ data: { _id: 'log1', moved: 300 } })
      return 'done'
    })
    expect(result).toBe('done')
    expect(await balance('a')).toBe(700)
    expect(await balance('b')).toBe(300)
    expect((await db.collection('tx_log').doc('log1').get()).data.moved).toBe(300)
  })

  test('a throw rolls back everything, including created documents and collections', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('tx_accounts').doc('a').update({ data: { fen: 0 } })
        await t.collection('tx_accounts').doc('b').remove()
        await t.collection('tx_new_coll').add({ data: { _id: 'x' } })
        throw new Error('余额不足')
      }),
    ).rejects.toThrow('余额不足')
    expect(await balance('a')).toBe(700)
    expect(await balance('b')).toBe(300)
    await expect(db.collection('tx_new_coll').get()).rejects.toMatchObject({ errCode: -502005 })
  })

  test('writes inside are invisible outside until commit', async () => {
    let seenOutside: number | undefined
    await db.runTransaction(async (t: any) => {
      await t.collection('tx_accounts').doc('a').update({ data: { fen: 1 } })
      expect((await t.collection('tx_accounts').doc('a').get()).data.fen).toBe(1)
      seenOutside = await balance('a')
      await t.collection('tx_accounts').doc('a').update({ data: { fen: 700 } })
    })
    expect(seenOutside).toBe(700)
  })

  test('a conflict with an outside write makes runTransaction retry the callback', async () => {
    await db.collection('tx_retry').add({ data: { _id: 'r', n: 0, outside: false } })
    let attempts = 0
    await db.runTransaction(async (t: any) => {
      attempts++
      const { data } = await t.collection('tx_retry').doc('r').get()
      await t.collection('tx_retry').doc('r').update({ data: { n: data.n + 1 } })
      if (attempts === 1) await db.collection('tx_retry').doc('r').update({ data: { outside: true } })
    })
    expect(attempts).toBe(2)
    expect((await db.collection('tx_retry').doc('r').get()).data).toEqual({ _id: 'r', n: 1, outside: true })
  })

  test('concurrent transactions never lose an update: the loser of a conflict retries', async () => {
    await db.collection('tx_counter').add({ data: { _id: 'seq', n: 0 } })
    let conflicts = 0
    const bump = async (): Promise<void> => {
      for (;;) {
        try {
          await db.runTransaction(async (t: any) => {
            const { data } = await t.collection('tx_counter').doc('seq').get()
            await new Promise((r) => setTimeout(r, 5))
            await t.collection('tx_counter').doc('seq').update({ data: { n: data.n + 1 } })
          })
          return
        } catch (err: any) {
          // Transactions run side by side: a conflict is an answer to retry, with jitter, not a wait.
          if (!/WriteConflict|TRANSACTION_CONFLICT/.test(String(err?.errMsg ?? err?.message))) throw err
          conflicts++
          await new Promise((r) => setTimeout(r, Math.random() * 20))
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, bump))
    expect((await db.collection('tx_counter').doc('seq').get()).data.n).toBe(8)
    expect(conflicts).toBeGreaterThan(0)
  })
})

describe('startTransaction / commit / rollback', () => {
  test('commit applies', async () => {
    const t = await db.startTransaction()
    await t.collection('tx_accounts').doc('b').update({ data: { fen: _.inc(1) } })
    await t.commit()
    expect(await balance('b')).toBe(301)
  })

  test('rollback restores', async () => {
    const t = await db.startTransaction()
    await t.collection('tx_accounts').doc('b').update({ data: { fen: 999 } })
    await t.collection('tx_accounts').add({ data: { _id: 'c', fen: 5 } })
    await t.rollback()
    expect(await balance('b')).toBe(301)
    expect((await db.collection('tx_accounts').doc('c').get()).data).toBeNull()
  })

  test('a write outside to a document the transaction changed makes the commit fail (no lost update)', async () => {
    const t = await db.startTransaction()
    await t.collection('tx_accounts').doc('b').update({ data: { fen: 5 } })
    await db.collection('tx_accounts').doc('b').update({ data: { fen: 302 } })
    await expect(t.commit()).rejects.toMatchObject({ message: expect.stringContaining('事务冲突') })
    expect(await balance('b')).toBe(302)
    await db.collection('tx_accounts').doc('b').update({ data: { fen: 301 } })
  })

  test('only single-document operations are allowed inside, as on CloudBase', async () => {
    const t = await db.startTransaction()
    await expect(t.collection('tx_accounts').where({ fen: _.gt(0) }).get()).rejects.toMatchObject({ errMsg: expect.stringContaining('单记录操作') })
    const t2 = await db.startTransaction()
    await expect(t2.collection('tx_accounts').add({ data: [{ fen: 1 }, { fen: 2 }] })).rejects.toMatchObject({ errMsg: expect.stringContaining('单记录操作') })
    const t3 = await db.startTransaction()
    await t3.rollback()
  })

  test('a finished transaction cannot be used again', async () => {
    const t = await db.startTransaction()
    await t.commit()
    await expect(t.collection('tx_accounts').doc('b').update({ data: { fen: 0 } })).rejects.toBeTruthy()
    expect(await balance('b')).toBe(301)
  })
})

describe('unique indexes from the collection declaration', () => {
  test('insert with a duplicate key answers E11000', async () => {
    await db.collection('units').add({ data: { _id: 'unit-1', uscc: '91330000123456789X', name: '一中' } })
    const err = await db.collection('units').add({ data: { uscc: '91330000123456789X', name: '冒名' } }).catch((e: any) => e)
    expect(err.errMsg).toMatch(/E11000 duplicate key error collection: units index: uscc_unique dup key: \{ uscc: "91330000123456789X" \}/)
  })

  test('update into a duplicate key is refused', async () => {
    await db.collection('units').add({ data: { _id: 'unit-2', uscc: '91330000000000000Y' } })
    await expect(db.collection('units').doc('unit-2').update({ data: { uscc: '91330000123456789X' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('E11000') })
    expect((await db.collection('units').doc('unit-2').get()).data.uscc).toBe('91330000000000000Y')
  })

  test('upsert (set) into a duplicate key is refused', async () => {
    await expect(db.collection('units').doc('unit-3').set({ data: { uscc: '91330000123456789X' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('E11000') })
    expect((await db.collection('units').doc('unit-3').get()).data).toBeNull()
  })

  test('compound unique keys: only the full combination must be unique', async () => {
    await db.collection('people').add({ data: [{ unitId: 'u1', idHash: 'h1' }, { unitId: 'u2', idHash: 'h1' }] })
    await expect(db.collection('people').add({ data: { unitId: 'u1', idHash: 'h1' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('unit_id_unique') })
  })

  test('a key freed by delete or change can be reused', async () => {
    await db.collection('units').doc('unit-2').update({ data: { uscc: 'FREE-1' } })
    await db.collection('units').add({ data: { _id: 'unit-4', uscc: '91330000000000000Y' } })
    await db.collection('units').doc('unit-4').remove()
    await db.collection('units').add({ data: { _id: 'unit-5', uscc: '91330000000000000Y' } })
  })

  test('MongoDB semantics: a missing field indexes as null, so a second document without it collides', async () => {
    await db.collection('invites').add({ data: { note: 'no code' } })
    await expect(db.collection('invites').add({ data: { note: 'also no code' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('dup key: { codeHash: null }') })
  })

  test('inside a transaction: duplicate fails the operation and the transaction', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('units').add({ data: { _id: 'unit-6', uscc: 'TX-1' } })
        await t.collection('units').add({ data: { _id: 'unit-7', uscc: 'TX-1' } })
      }),
    ).rejects.toBeTruthy()
    expect((await db.collection('units').doc('unit-6').get()).data).toBeNull()
  })
})
