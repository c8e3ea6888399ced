/**
 * `npm run test:weapp` — the weapp host: the unmodified dist/weapp run as WeChat's logic layer against the local
 * emulator (seeded with the demo data). Runs the main flows through the pages' own events, then opens every page of
 * app.json as each role that can reach it. A step passes only with zero errors on every phone it used (console
 * errors, exceptions, unhandled rejections, refused WeChat rules). Prints ✓/✗ per step and `N passed, M failed`;
 * writes a report of pages × roles and flows to test-results/weapp/report.md. Exit 1 on any failure.
 *
 * Builds what is missing: the function bundles, and dist/weapp when it lacks the host's template ids
 * (test/weapp/template-ids.ts; .ci/run exports them before its one weapp build).
 * `npm run test:weapp -- <filter>` runs only the flows whose file name contains <filter> (the page matrix always runs).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEMO_TODAY } from '../../scripts/demo-data'
import { seedDemo } from '../../scripts/seed'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { HostRun } from './context'
import { runMatrix } from './matrix'
import { writeReport } from './report'
import { HOST_TEMPLATE_IDS, buildEnv } from './template-ids'

const root = resolve(__dirname, '..', '..')
const dist = join(root, 'dist', 'weapp')

function functionBundlesMissing(): boolean {
  const dir = join(root, 'cloudfunctions')
  return readdirSync(dir, { withFileTypes: true }).some(
    (e) => e.isDirectory() && !e.name.startsWith('_') && existsSync(join(dir, e.name, 'src', 'index.ts')) && !existsSync(join(dir, e.name, 'index.js')),
  )
}

/** True when dist/weapp was built with the host's template ids (the app asks for subscriptions only with ids). */
function distHasTemplateIds(): boolean {
  if (!existsSync(join(dist, 'app.json'))) return false
  const files: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name))
      else if (e.name.endsWith('.js')) files.push(join(d, e.name))
    }
  }
  walk(dist)
  return files.some((f) => readFileSync(f, 'utf8').includes(HOST_TEMPLATE_IDS.claimReceived))
}

function npm(script: string, env: Record<string, string> = {}): void {
  const res = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (res.status !== 0) throw new Error(`npm run ${script} failed`)
}

async function main(): Promise<number> {
  const filter = process.argv[2]
  if (!existsSync(join(root, 'shared-rules', 'dist', 'index.js'))) npm('build:rules')
  if (functionBundlesMissing()) npm('build:functions')
  if (!distHasTemplateIds()) {
    console.log('… npm run build:weapp（dist/weapp 缺失，或构建时没有宿主的订阅模板 id）')
    npm('build:weapp', buildEnv())
  }

  let emu: Emulator | null = null
  const run = new HostRun(dist, '')
  try {
    // Fault injection: the fund flow cuts a batch's creation off mid-way to reach 生成中 → 继续生成 / 取消.
    emu = await startEmulator({ env: { MUTUAL_AID_TODAY: DEMO_TODAY, SUBSCRIBE_TEMPLATES: JSON.stringify(HOST_TEMPLATE_IDS) }, faultInjection: true })
    await seedDemo(emu.url)
    run.emulatorUrl = emu.url
    const flowsDir = join(__dirname, 'flows')
    for (const file of readdirSync(flowsDir).filter((f) => f.endsWith('.ts') && (!filter || f.includes(filter))).sort()) {
      const mod = (await import(join(flowsDir, file))) as { run: (ctx: HostRun, dataDir: string, emu: Emulator) => Promise<void> }
      await mod.run(run, emu.dataDir, emu)
    }
    await runMatrix(run)
  } catch (err) {
    run.steps.push({ group: 'setup', name: '宿主启动', ok: false, detail: err instanceof Error ? err.stack ?? err.message : String(err), ms: 0 })
    console.log(`✗ setup\n    ${String(err instanceof Error ? err.stack : err)}`)
  } finally {
    await emu?.stop()
  }
  const outDir = join(root, 'test-results', 'weapp')
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, 'report.md'), writeReport(run))
  const passed = run.steps.filter((s) => s.ok).length + run.visits.filter((v) => v.ok).length
  const failed = run.steps.filter((s) => !s.ok).length + run.visits.filter((v) => !v.ok).length
  console.log(`\nreport: test-results/weapp/report.md`)
  console.log(`\n${passed} passed, ${failed} failed`)
  return failed > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err)
    console.log('\n0 passed, 1 failed')
    process.exit(1)
  },
)
