/**
 * Emulator throughput over loopback: SDK inserts/s, SDK queries/s, function calls/s through `POST /fn`.
 * Bounded loops (a few seconds on a small machine). Run alone with `npx tsx test/bench/emulator-bench.ts`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../helpers/emulator'

const INSERTS = 1000
const QUERIES = 1000
const CALLS = 400
const CONCURRENCY = 8

async function timed(label: string, count: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++)
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  console.log(`${label.padEnd(34)} ${Math.round(count / seconds).toString().padStart(6)} /s  (${count} in ${seconds.toFixed(2)} s, ${CONCURRENCY} concurrent)`)
}

export async function runEmulatorBench(): Promise<void> {
  const functionsDir = mkdtempSync(path.join(os.tmpdir(), 'emu-bench-fns-'))
  mkdirSync(path.join(functionsDir, 'echo'))
  writeFileSync(path.join(functionsDir, 'echo', 'index.js'), 'exports.main = async (event) => ({ ok: true, data: event })')
  const emu = await startEmulator({ functionsDir })
  try {
    Object.assign(process.env, emu.sdkEnv(), { SILENCE: 'true' })
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const db = cloud.database()
    const _ = db.command

    console.log('local-cloud emulator benchmark')
    await timed('SDK insert (one doc, fsynced)', INSERTS, (i) =>
      db.collection('bench_docs').add({ data: { i, unitId: `u${i % 20}`, amountFen: i * 100, at: new Date() } }),
    )
    await timed('SDK query (where+orderBy+limit 20)', QUERIES, (i) =>
      db.collection('bench_docs').where({ unitId: `u${i % 20}`, amountFen: _.gte(1000) }).orderBy('amountFen', 'desc').limit(20).get(),
    )
    const token = await emu.token('o_bench_user')
    await timed('function call via POST /fn', CALLS, async (i) => {
      const res = await fetch(`${emu.url}/fn/echo`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ i }) })
      const body = (await res.json()) as { ok?: boolean }
      if (!body.ok) throw new Error(`function call failed: ${JSON.stringify(body)}`)
    })
  } finally {
    await emu.stop()
  }
}

if (require.main === module) {
  runEmulatorBench().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
