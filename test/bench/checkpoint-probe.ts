/**
 * Child process of the city-scale benchmark (it needs a larger heap than the benchmark's own): opens a data
 * directory in-process, keeps writing one small document every few ms, runs one checkpoint of the whole database
 * meanwhile, and prints JSON figures — how long the checkpoint took and how long writes waited during it.
 *   node --max-old-space-size=12288 --import tsx test/bench/checkpoint-probe.ts <dataDir>
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { Changes } from '../../local-cloud/src/db/database'
import { openDatabase } from '../../local-cloud/src/db/persistence'
import { COLLECTIONS } from '../../cloudfunctions/_shared/src/collections'

/** Pause between two probe writes, ms. */
const WRITE_EVERY_MS = 5

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  const opened = Date.now()
  const { db, wal, load } = await openDatabase(dataDir, [...COLLECTIONS, { name: 'probe', indexes: [] }])
  const openMs = Date.now() - opened
  const latencies: number[] = []
  let writing = true
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const changes = new Changes()
      db.put(changes, 'probe', { _id: `w${i}`, at: new Date() })
      const started = process.hrtime.bigint()
      await wal.append(db.commit(changes))
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
      await new Promise((r) => setTimeout(r, WRITE_EVERY_MS))
    }
  })()
  await new Promise((r) => setTimeout(r, 200))
  const before = latencies.length
  const started = Date.now()
  wal.checkpointSoon()
  await new Promise((r) => setTimeout(r, 10))
  await wal.whenCheckpointed()
  const checkpointMs = Date.now() - started
  const during = latencies.slice(before)
  writing = false
  await writer
  await wal.close()
  during.sort((a, b) => a - b)
  const snapshotBytes = statSync(path.join(dataDir, 'db', 'snapshot.ejsonl')).size
  console.log(
    JSON.stringify({
      openMs,
      load,
      checkpointMs,
      snapshotBytes,
      writesDuring: during.length,
      writeP50Ms: during[Math.floor(during.length / 2)] ?? 0,
      writeP99Ms: during[Math.floor(during.length * 0.99)] ?? 0,
      writeMaxMs: during[during.length - 1] ?? 0,
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
