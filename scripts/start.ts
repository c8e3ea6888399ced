/**
 * `npm start`: the whole system on this machine, no account and no cloud.
 * Builds what is missing or stale (rules, functions, the H5 app), starts the local CloudBase emulator serving the
 * H5 build on http://localhost:10086, seeds the demo data on the first run, and stops everything on Ctrl-C.
 *
 * Environment: PORT (10086), MUTUAL_AID_DATA (.local-cloud/data), MUTUAL_AID_TODAY (the demo's business date).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runtimeNode } from '../local-cloud/src/launch/runtime-node'
import { DEMO_TODAY } from './demo-data'
import { seedDemo } from './seed'

const root = resolve(__dirname, '..')
const port = Number(process.env.PORT || 10086)
const dataDir = resolve(root, process.env.MUTUAL_AID_DATA || '.local-cloud/data')

/** Newest modification time under `dir` (recursively), skipping node_modules. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0
  let max = statSync(dir).mtimeMs
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    const p = join(dir, entry.name)
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return max
}

function run(script: string): void {
  const res = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' })
  if (res.status !== 0) {
    console.error(`\n✗ npm run ${script} failed; fix the error above and run npm start again.`)
    process.exit(res.status ?? 1)
  }
}

function buildIfNeeded(): void {
  run('build:rules')
  run('build:functions')
  const h5Index = join(root, 'dist', 'h5', 'index.html')
  const built = existsSync(h5Index) ? statSync(h5Index).mtimeMs : 0
  const sources = Math.max(...['src', 'shared-rules/src', 'config'].map((d) => newest(join(root, d))))
  if (sources > built) {
    console.log('Building the H5 app (about a minute on first run)…')
    run('build:h5')
  } else {
    console.log('H5 app is up to date.')
  }
}

function startEmulator(): Promise<ChildProcess> {
  mkdirSync(dataDir, { recursive: true })
  // Functions run on Node 24 on CloudBase: so does the local cloud, where the binary runs here.
  const child = spawn(
    runtimeNode(root).execPath,
    ['--import', 'tsx', 'local-cloud/src/cli.ts', '--port', String(port), '--data', dataDir, '--static', 'dist/h5'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, MUTUAL_AID_TODAY: process.env.MUTUAL_AID_TODAY || DEMO_TODAY },
    },
  )
  return new Promise((resolveReady, reject) => {
    let buffered = ''
    const onData = (chunk: Buffer) => {
      process.stdout.write(chunk)
      buffered += chunk.toString()
      if (/ready/.test(buffered)) {
        child.stdout?.off('data', onData)
        child.stdout?.pipe(process.stdout)
        resolveReady(child)
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before it was ready`)))
  })
}

async function main(): Promise<void> {
  buildIfNeeded()
  const emulator = await startEmulator()
  const url = `http://localhost:${port}`
  if (await seedDemo(`http://127.0.0.1:${port}`)) console.log('Seeded the demo data set (first run).')

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping…')
    emulator.kill('SIGTERM')
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  emulator.on('exit', (code) => process.exit(stopping ? 0 : code ?? 1))

  console.log(`\n职工医疗互助 is running: ${url}`)
  console.log(`Demo business date ${process.env.MUTUAL_AID_TODAY || DEMO_TODAY}; data in ${dataDir}. Press Ctrl-C to stop.\n`)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
