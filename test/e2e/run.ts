/**
 * `npm run test:e2e` — end-to-end tests of the H5 app against the local emulator in Debian's Chromium.
 *
 * Builds only what is missing (dist/h5, function bundles), starts the emulator on a free port with a fresh
 * data directory, seeds the demo data (scripts/seed.ts `seedDemo`), then runs every `specs/*.spec.ts`
 * (each exports `run(ctx)`). Prints `✓ name` / `✗ name` per step and ends with `N passed, M failed`;
 * exit 1 on any failure. Screenshots go to test-results/e2e/: every `<name>.png` also as `<name>.elder.png`, the same
 * screen in 长辈模式 (large-font mode).
 *
 * Options: `npm run test:e2e -- <filter>` runs only spec files whose name contains <filter>.
 * `E2E_CPU_SLOWDOWN=4 npm run test:e2e -- <filter>` runs every page with Chromium's CPU throttled 4× (CDP
 * `Emulation.setCPUThrottlingRate`), to see on a fast machine what a slow, busy CI machine sees; off by default.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { settled, unzoom, WAIT_LIMIT_MS, type E2EContext, type Spec } from './context'
import { EmulatorProcess, freePort } from './emulator-process'
import { auditScreen, type ScreenAudit } from './a11y-audit'
import { KNOWN_A11Y_DEBT } from './a11y-known'

const root = resolve(__dirname, '..', '..')
const shotsDir = join(root, 'test-results', 'e2e')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** `E2E_CPU_SLOWDOWN`: how many times slower Chromium's CPU runs (1 = not throttled). */
function cpuSlowdown(): number {
  const raw = process.env.E2E_CPU_SLOWDOWN
  if (raw === undefined || raw === '') return 1
  const rate = Number(raw)
  if (!Number.isFinite(rate) || rate < 1) throw new Error(`E2E_CPU_SLOWDOWN must be a number ≥ 1 (e.g. 4), not "${raw}"`)
  return rate
}

/** True when some cloud function (cloudfunctions/<name>/src/index.ts, name not starting with _) has no bundle. */
function functionBundleMissing(): boolean {
  const dir = join(root, 'cloudfunctions')
  return readdirSync(dir, { withFileTypes: true }).some(
    (entry) =>
      entry.isDirectory() &&
      !entry.name.startsWith('_') &&
      existsSync(join(dir, entry.name, 'src', 'index.ts')) &&
      !existsSync(join(dir, entry.name, 'index.js')),
  )
}

function buildIfMissing(): void {
  const needs: Array<[string, boolean]> = [
    ['build:functions', functionBundleMissing()],
    ['build:h5', !existsSync(join(root, 'dist', 'h5', 'index.html'))],
  ]
  for (const [script, missing] of needs) {
    if (!missing) continue
    console.log(`… npm run ${script} (output missing)`)
    const res = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' })
    if (res.status !== 0) throw new Error(`npm run ${script} failed`)
  }
}

async function loadSeed(): Promise<(baseUrl: string) => Promise<unknown>> {
  const seedPath = join(root, 'scripts', 'seed.ts')
  if (!existsSync(seedPath)) throw new Error('scripts/seed.ts is missing: the e2e run needs seedDemo(baseUrl) to load demo data')
  const mod = (await import(seedPath)) as { seedDemo?: unknown; default?: { seedDemo?: unknown } }
  const seedDemo = mod.seedDemo ?? mod.default?.seedDemo
  if (typeof seedDemo !== 'function') throw new Error('scripts/seed.ts does not export seedDemo(baseUrl)')
  return seedDemo as (baseUrl: string) => Promise<unknown>
}

async function loadDemoToday(): Promise<string | undefined> {
  try {
    const mod = (await import(join(root, 'scripts', 'demo-data.ts'))) as { DEMO_TODAY?: unknown }
    return typeof mod.DEMO_TODAY === 'string' ? mod.DEMO_TODAY : undefined
  } catch {
    return undefined
  }
}

function specFiles(filter: string | undefined): string[] {
  const dir = join(__dirname, 'specs')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts') && (!filter || f.includes(filter)))
    .sort()
    .map((f) => join(dir, f))
}

async function main(): Promise<number> {
  const filter = process.argv[2]
  buildIfMissing()
  mkdirSync(shotsDir, { recursive: true })

  const dataDir = mkdtempSync(join(tmpdir(), 'mutual-aid-e2e-data-'))
  const today = process.env.MUTUAL_AID_TODAY || (await loadDemoToday())
  const emulator = new EmulatorProcess({
    root,
    port: await freePort(),
    dataDir,
    staticDir: join(root, 'dist', 'h5'),
    env: today ? { MUTUAL_AID_TODAY: today } : {},
    // The fund spec cuts a batch's creation off mid-way to show 生成中 → 继续生成 / 取消 (/local/faults/run).
    faultInjection: true,
  })
  let browser: Browser | null = null
  let passed = 0
  let failed = 0
  const audits: ScreenAudit[] = []

  const record = (name: string, error?: unknown) => {
    if (error === undefined) {
      passed += 1
      console.log(`✓ ${name}`)
    } else {
      failed += 1
      const message = error instanceof Error ? error.message : String(error)
      console.log(`✗ ${name}\n    ${message.split('\n').join('\n    ')}`)
    }
  }

  const slowdown = cpuSlowdown()
  if (slowdown > 1) console.log(`… Chromium CPU throttled ${slowdown}× (E2E_CPU_SLOWDOWN)`)

  try {
    await emulator.start()
    const seedDemo = await loadSeed()
    await seedDemo(emulator.url)

    // `headless: true` adds --headless, and Playwright gives every launch its own fresh temporary
    // --user-data-dir (it refuses one in `args`); specs get isolated contexts on top of it.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    const liveBrowser = browser

    for (const file of specFiles(filter)) {
      const specName = basename(file, '.spec.ts')
      const ctx: E2EContext = {
        baseUrl: emulator.url,
        browser: liveBrowser,
        async newPage() {
          const context = await liveBrowser.newContext({
            viewport: { width: 390, height: 844 },
            deviceScaleFactor: 2,
            isMobile: true,
            hasTouch: true,
            locale: 'zh-CN',
            timezoneId: 'Asia/Shanghai',
            baseURL: emulator.url,
          })
          const page = await context.newPage()
          if (slowdown > 1) {
            const cdp = await context.newCDPSession(page)
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown })
          }
          page.setDefaultTimeout(WAIT_LIMIT_MS)
          return page
        },
        async screenshot(page, name) {
          // A screen is shot and audited once it has settled: a dialog still fading in has its text at part opacity,
          // which axe measures as low contrast (CI saw exactly that on the settlement's 确认领取 dialog).
          await settled(page)
          await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true })
          audits.push(await auditScreen(page, name))
          // The same screen in 长辈模式 (large-font mode): the mode is the class `ma-elder` on <html> (app.scss), so
          // flipping it shows exactly what a user who switched it on sees, without disturbing the flow under test.
          const wasOn = await page.evaluate(() => document.documentElement.classList.contains('ma-elder'))
          // Each flip waits for the transitions it starts, so the shot shows the settled screen and the flow under
          // test goes on with nothing moving (a click aimed at a button still shrinking can miss it).
          await page.evaluate((on) => document.documentElement.classList.toggle('ma-elder', on), !wasOn)
          await settled(page)
          await page.screenshot({ path: join(shotsDir, `${name}.${wasOn ? 'normal' : 'elder'}.png`), fullPage: true })
          // Audited in both modes: 长辈模式 re-declares the text colours, so contrast is checked for each.
          audits.push(await auditScreen(page, `${name}.${wasOn ? 'normal' : 'elder'}`))
          await page.evaluate((on) => document.documentElement.classList.toggle('ma-elder', on), wasOn)
          await settled(page)
          await unzoom(page)
        },
        restartEmulator: () => emulator.restart(),
        async step(name, body) {
          try {
            await body()
            record(`${specName}: ${name}`)
            return true
          } catch (error) {
            record(`${specName}: ${name}`, error)
            return false
          }
        },
      }
      try {
        const mod = (await import(file)) as { run?: Spec }
        if (typeof mod.run !== 'function') throw new Error(`${basename(file)} does not export run(ctx)`)
        await mod.run(ctx)
      } catch (error) {
        record(`${specName} (spec aborted)`, error)
      }
    }
    if (audits.length > 0) {
      const bad = audits.filter((a) => Object.keys(a.serious).length > 0)
      const byRule = new Map<string, number>()
      for (const a of bad) for (const [rule, n] of Object.entries(a.serious)) byRule.set(rule, (byRule.get(rule) ?? 0) + n)
      console.log(
        `\naccessibility (axe-core, WCAG 2.1 A/AA + best practice): ${audits.length} screens, ${bad.length} with serious/critical violations` +
          (byRule.size ? ` — ${[...byRule].map(([rule, n]) => `${rule} ×${n}`).join(', ')}` : ''),
      )
      for (const a of bad) {
        console.log(`    ${a.screen}: ${Object.entries(a.serious).map(([rule, n]) => `${rule} ×${n}`).join(', ')}`)
        for (const [rule, targets] of Object.entries(a.where)) console.log(`        ${rule}: ${targets.join(' | ')}`)
      }
      // A serious/critical violation fails this step unless its rule is listed in a11y-known.ts (empty: none is).
      const unknown = [...byRule.keys()].filter((rule) => !KNOWN_A11Y_DEBT.includes(rule))
      record(
        KNOWN_A11Y_DEBT.length === 0
          ? 'accessibility audit: no serious/critical violation on any screen'
          : `accessibility audit: no serious/critical violation beyond the known open rules (${KNOWN_A11Y_DEBT.join(', ')})`,
        unknown.length === 0 ? undefined : new Error(`new serious/critical violations: ${unknown.join(', ')} (listed above)`),
      )
    }
  } catch (error) {
    record('e2e setup', error)
    console.log(emulator.tail())
  } finally {
    await browser?.close().catch(() => undefined)
    await emulator.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }

  console.log(`\n${passed} passed, ${failed} failed`)
  return failed > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    console.log('\n0 passed, 1 failed')
    process.exit(1)
  },
)
