/** Contract: data survives restarts, and no acknowledged write is lost when the process is SIGKILLed. */
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from './sdk'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

async function start(dataDir?: string): Promise<{ emu: Emulator; db: any; cloud: any }> {
  const started = await startEmulator(dataDir ? { dataDir } : {})
  emu = started
  const cloud = connectSdk(started)
  // The SDK reads its endpoint from the environment at call time: point it at this emulator.
  Object.assign(process.env, started.sdkEnv())
  return { emu: started, db: cloud.database(), cloud }
}

test('everything written is there after a restart', async () => {
  const first = await start()
  const { db } = first
  await db.collection('dur_docs').add({ data: [{ _id: 'a', at: new Date('2024-01-02T03:04:05Z'), n: 1.5, big: 2 ** 40, nested: { list: [1, 'x', null] } }, { _id: 'b', n: 2 }, { _id: 'c' }] })
  await db.collection('dur_docs').doc('b').update({ data: { n: db.command.inc(40) } })
  await db.collection('dur_docs').doc('c').remove()
  await db.runTransaction(async (t: any) => {
    await t.collection('dur_docs').add({ data: { _id: 'tx', ok: true } })
  })
  await db.collection('units').add({ data: { _id: 'u1', uscc: 'DUP' } })
  await db.createCollection('dur_empty')
  await first.emu.stop()

  const second = await start(first.emu.dataDir)
  const docs = (await second.db.collection('dur_docs').orderBy('_id', 'asc').get()).data
  expect(docs).toEqual([
    { _id: 'a', at: new Date('2024-01-02T03:04:05Z'), n: 1.5, big: 2 ** 40, nested: { list: [1, 'x', null] } },
    { _id: 'b', n: 42 },
    { _id: 'tx', ok: true },
  ])
  expect((await second.db.collection('dur_empty').count()).total).toBe(0)
  // Unique indexes are rebuilt from the restored data.
  await expect(second.db.collection('units').add({ data: { uscc: 'DUP' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('E11000') })
})

test('SIGKILL during a burst of writes loses no acknowledged write', async () => {
  const first = await start()
  const { db } = first
  await db.createCollection('dur_burst')
  const acked: string[] = []
  let stop = false
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const single = `w${w}-${i}`
      const batch = [`w${w}-${i}-b1`, `w${w}-${i}-b2`]
      try {
        if (i % 3 === 0) {
          await db.collection('dur_burst').add({ data: batch.map((_id) => ({ _id, w, i })) })
          acked.push(...batch)
        } else {
          await db.collection('dur_burst').add({ data: { _id: single, w, i } })
          acked.push(single)
        }
      } catch {
        return // the emulator is gone
      }
    }
  }
  const writers = Array.from({ length: 12 }, (_v, w) => writer(w))
  // Kill in the middle of the burst: once enough writes were acknowledged (a loaded machine fsyncs slowly), not
  // after a fixed time.
  for (const until = Date.now() + 30_000; acked.length < 60 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20))
  first.emu.kill()
  stop = true
  await Promise.all(writers)
  emu = undefined
  expect(acked.length).toBeGreaterThan(50)

  const second = await start(first.emu.dataDir)
  const present = new Set<string>()
  for (let skip = 0; ; skip += 1000) {
    const page = (await second.db.collection('dur_burst').orderBy('_id', 'asc').skip(skip).limit(1000).get()).data
    for (const d of page) present.add(d._id)
    if (page.length < 1000) break
  }
  const lost = acked.filter((id) => !present.has(id))
  expect(lost).toEqual([])
})

test('a torn last log line (a write cut off mid-way) is ignored on start', async () => {
  const first = await start()
  await first.db.collection('dur_torn').add({ data: { _id: 'kept' } })
  first.emu.kill()
  await new Promise((r) => setTimeout(r, 200))
  emu = undefined
  appendFileSync(path.join(first.emu.dataDir, 'db', 'wal.ejsonl'), '{"ops":[{"op":"put","c":"dur_torn","d":{"_id":"half')
  const second = await start(first.emu.dataDir)
  expect((await second.db.collection('dur_torn').get()).data).toEqual([{ _id: 'kept' }])
})
