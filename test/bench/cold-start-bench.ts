/**
 * Cold start (issue 12, deliverable 6): how long a fresh Node process takes to load each function bundle
 * (`cloudfunctions/<name>/index.js`, wx-server-sdk included), against loading `wx-server-sdk` alone from node_modules —
 * what any function on the SDK pays at least. Target (stated, not asserted): no bundle slower than the SDK alone
 * (ratio ≤ 1.00). Runs alternate between bundle and SDK so the machine's load falls on both alike.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { listFunctions, functionsDir } from '../../scripts/build-functions'

const RUNS = 9
const ROOT = path.resolve(__dirname, '..', '..')

/** Milliseconds a new process spends in `require(target)`. */
function loadMs(target: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));process.exit(0)`
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SILENCE: 'true' } }))
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function runColdStartBench(): Promise<void> {
  const sdk = require.resolve('wx-server-sdk', { paths: [ROOT] })
  console.log(`require() in a fresh process, median of ${RUNS} (node ${process.version})`)
  console.log(`${'bundle'.padEnd(12)} ${'ms'.padStart(8)} ${'sdk ms'.padStart(8)} ${'ratio'.padStart(7)}  target ≤ 1.00`)
  let worst = 0
  for (const name of listFunctions()) {
    const bundle = path.join(functionsDir, name, 'index.js')
    const own: number[] = []
    const base: number[] = []
    for (let i = 0; i < RUNS; i++) {
      own.push(loadMs(bundle))
      base.push(loadMs(sdk))
    }
    const ratio = median(own) / median(base)
    worst = Math.max(worst, ratio)
    console.log(`${name.padEnd(12)} ${median(own).toFixed(1).padStart(8)} ${median(base).toFixed(1).padStart(8)} ${ratio.toFixed(2).padStart(7)}${ratio > 1 ? '  ← slower than the SDK alone' : ''}`)
  }
  console.log(`worst ratio ${worst.toFixed(2)} ${worst <= 1 ? '(every bundle loads no slower than wx-server-sdk alone)' : '(over the target)'}`)
}

if (require.main === module) {
  runColdStartBench().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
