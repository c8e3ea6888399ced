/**
 * Child process of the city-scale benchmark (it needs a larger heap than the benchmark's own): opens a data
 * directory in-process, keeps writing one small document every few ms, runs one checkpoint of the whole database
 * meanwhile, and prints JSON figures — how long the checkpoint took and how long writes waited during it.
 *   node --max-old-space-size=12288 --import tsx test/bench/checkpoint-probe.ts <dataDir>
 */
import { statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
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
  // Why a write waits, if it does: the event loop held by a slice or a GC pause (in-thread) vs. the disk (fsync).
  const gcPauses: number[] = []
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEntry[]) gcPauses.push(entry.duration)
  })
  gcObserver.observe({ entryTypes: ['gc'] })
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  const started = Date.now()
  wal.checkpointSoon()
  await new Promise((r) => setTimeout(r, 10))
  await wal.whenCheckpointed()
  const checkpointMs = Date.now() - started
  loopDelay.disable()
  gcObserver.disconnect()
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
      gcPauses: gcPauses.length,
      gcPauseTotalMs: Math.round(gcPauses.reduce((a, b) => a + b, 0)),
      gcPauseMaxMs: Math.round(Math.max(0, ...gcPauses)),
      loopDelayMaxMs: Math.round(loopDelay.max / 1e6),
      loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
