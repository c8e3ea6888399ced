/**
 * First contentful paint of the H5 sign-in page on a throttled phone profile (issue 13 item 14; target ≤ 2 s).
 *
 * Profile "Fast 3G" as DevTools / Lighthouse define it: 562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up
 * (Network.emulateNetworkConditions), CPU 4× slower (Emulation.setCPUThrottlingRate). Each run uses a fresh browser
 * context (empty cache). Measured twice: as served (compressed) and with the browser asking for no compression — what
 * the server sent before it compressed. Needs dist/h5 (`npm run build:h5`) and /usr/bin/chromium.
 *
 * FCP is the loading screen index.html draws itself (the app's name, 正在打开…); the figure beside it, the identity
 * list on screen, is when the page can be used. `H5_BUNDLE_REPORT=1 npm run build:h5` says what that page loads.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { seedDemo } from '../../scripts/seed'
import { startEmulator } from '../helpers/emulator'

const root = resolve(__dirname, '../..')
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 }
const CPU_SLOWDOWN = 4
const RUNS = 3
const TARGET_MS = 2000

interface Sample {
  fcp: number
  /** The identity list (the sign-in page's content) is on screen. */
  listShown: number
  transferred: number
}

export async function runFirstPaintBench(): Promise<void> {
  const h5 = join(root, 'dist', 'h5')
  if (!existsSync(join(h5, 'index.html'))) {
    console.log('first paint: skipped — dist/h5 is missing (run npm run build:h5 first)')
    return
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mutual-aid-fcp-'))
  const emu = await startEmulator({ staticDir: h5, dataDir })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    await seedDemo(emu.url)
    for (const compressed of [true, false]) {
      const samples: Sample[] = []
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          locale: 'zh-CN',
          ...(compressed ? {} : { extraHTTPHeaders: { 'accept-encoding': 'identity' } }),
        })
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Network.enable')
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
        await cdp.send('Network.emulateNetworkConditions', FAST_3G)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
        let transferred = 0
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          transferred += e.encodedDataLength
        })
        const started = Date.now()
        await page.goto(`${emu.url}/`, { waitUntil: 'commit' })
        await page.getByText('新微信用户（未绑定）').waitFor({ timeout: 60_000 })
        const listShown = Date.now() - started
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((done) => {
              const entry = performance.getEntriesByName('first-contentful-paint')[0]
              if (entry) return done(entry.startTime)
              new PerformanceObserver((list) => done(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true })
            }),
        )
        samples.push({ fcp, listShown, transferred })
        await context.close()
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
      const fcp = median(samples.map((s) => s.fcp))
      const label = compressed ? 'compressed (as served)' : 'uncompressed (before)'
      console.log(
        `first paint, sign-in page, Fast 3G + ${CPU_SLOWDOWN}× CPU, ${label}: FCP ${(fcp / 1000).toFixed(2)} s (loading screen; median of ${RUNS}), ` +
          `identity list on screen ${(median(samples.map((s) => s.listShown)) / 1000).toFixed(2)} s, ` +
          `${Math.round(median(samples.map((s) => s.transferred)) / 1024)} KB transferred` +
          (compressed ? ` — target ≤ ${TARGET_MS / 1000} s: ${fcp <= TARGET_MS ? 'met' : 'NOT met'}` : ''),
      )
    }
  } finally {
    await browser.close()
    await emu.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
