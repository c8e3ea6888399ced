/**
 * `npm run bench`: every benchmark, printing its figures. Targets are stated beside the figures, never asserted in
 * tests. Loops are bounded and talk only to servers on 127.0.0.1 that the benchmarks start themselves.
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

const root = resolve(__dirname, '../..')

const benches: { name: string; file: string; fn: string }[] = [
  { name: 'rules', file: './rules-bench', fn: 'runRulesBench' },
  { name: 'emulator', file: './emulator-bench', fn: 'runEmulatorBench' },
  { name: 'enrolment (10,000 people)', file: './enrolment-bench', fn: 'runEnrolmentBench' },
  { name: 'cold start (each bundle vs wx-server-sdk alone)', file: './cold-start-bench', fn: 'runColdStartBench' },
  { name: 'first paint (H5 sign-in, Fast 3G)', file: './first-paint-bench', fn: 'runFirstPaintBench' },
  { name: 'city scale (1,000,000 participants, 200,000 claims)', file: './city-scale-bench', fn: 'runCityScaleBench' },
  { name: 'settlements (20,000-row bureau export)', file: './settlement-bench', fn: 'runSettlementBench' },
]

async function main(): Promise<void> {
  // The benchmarks run the built rules CLI and function bundles.
  execFileSync('npm', ['run', '--silent', 'build:rules'], { cwd: root, stdio: 'inherit' })
  execFileSync('npm', ['run', '--silent', 'build:functions'], { cwd: root, stdio: 'inherit' })
  const only = process.argv.slice(2)
  for (const bench of benches) {
    if (only.length && !only.some((o) => bench.name.startsWith(o))) continue
    console.log(`\n## ${bench.name}`)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await require(bench.file)[bench.fn]()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
