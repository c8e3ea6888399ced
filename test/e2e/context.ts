import type { Browser, Locator, Page } from 'playwright-core'

/** What the runner hands to every spec's `run(ctx)`. */
export interface E2EContext {
  /** e.g. http://127.0.0.1:41234 — the emulator serving the H5 build. */
  readonly baseUrl: string
  readonly browser: Browser
  /** A page in a fresh browser context (own storage), phone viewport 390×844. */
  newPage(): Promise<Page>
  /** Saves `test-results/e2e/<name>.png`, and the same screen in large-font mode as `<name>.elder.png`. */
  screenshot(page: Page, name: string): Promise<void>
  /** Stops the emulator and starts it again on the same port with the same data directory. */
  restartEmulator(): Promise<void>
  /** One named check: prints ✓/✗ and counts toward `N passed, M failed`. A failure does not stop the spec. */
  step(name: string, body: () => Promise<void>): Promise<boolean>
}

export type Spec = (ctx: E2EContext) => Promise<void>

export class AssertionError extends Error {
  override name = 'AssertionError'
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message)
}

/**
 * The Taro page on screen. Taro's H5 router keeps earlier pages of the stack in the DOM (hidden), so a bare
 * `page.getByText(…)` can match a hidden copy on a previous page; scope queries to this locator instead.
 */
export function currentPage(page: Page): Locator {
  return page.locator('.taro_router > .taro_page:visible').last()
}

/**
 * Waits until no finite CSS transition or animation is running (spinners loop for ever and are left out). TDesign's
 * button has `transition: all 0.3s` and Taro's router slides pages in, so a size measured or a click aimed right after a
 * class change (长辈模式, a new page) can land mid-way.
 */
export async function settled(page: Page): Promise<void> {
  // Two frames first: a transition a click has just caused (a dialog fading in) starts on the next style pass.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))))
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  )
}

/**
 * How long a wait for something on screen lasts before it fails: 20 s, times `E2E_CPU_SLOWDOWN` when the CPU is
 * throttled (at 4× on a loaded 2-core machine the first screen alone took longer than 15 s). Waits end as soon as what
 * they wait for shows; this is only the point where a test gives up.
 */
export const WAIT_LIMIT_MS = 20_000 * Math.max(1, Number(process.env.E2E_CPU_SLOWDOWN) || 1)

/**
 * Taps `target` the way a person does: when it is on screen, nothing on the page is moving, and the point at its centre
 * is the element itself (or inside it) — not a toast, a dialog's mask, a fixed footer or a field that slid over it.
 * Waits for those (a person waits for a toast to go too), then clicks. If the point stays covered, or the click fails,
 * the error says what lies on top, where the element is and how the viewport stands, instead of a bare timeout.
 */
/** Where `tap` scrolls a covered target, in turn, before it waits for the cover to go. */
const SCROLL_ALIGNMENTS = ['center', 'start'] as const

export async function tap(target: Locator, timeoutMs = WAIT_LIMIT_MS): Promise<void> {
  const page = target.page()
  const deadline = Date.now() + timeoutMs
  await target.waitFor({ state: 'visible', timeout: timeoutMs })
  await target.scrollIntoViewIfNeeded({ timeout: timeoutMs })
  let zoomedSince = 0
  let resets = 0
  let scrolls = 0
  for (;;) {
    await settled(page)
    const cover = await target.evaluate(whatCovers)
    if (cover === null) break
    if (cover.startsWith('the centre hit-tests to it') && resets >= 3) {
      // Still zoomed after pinching out three times: the target is on top at its centre in the page's own
      // coordinates, so it gets the click there (a pointer tap would land where the zoom puts it).
      console.log(`  (tap ${target}: the page stayed zoomed — ${cover}; clicked on the element)`)
      await target.dispatchEvent('click')
      return
    }
    if (Date.now() > deadline) throw new AssertionError(`tap ${target}: its centre stays covered for ${timeoutMs / 1000} s — ${cover}`)
    // The target is there, but the page is zoomed in (CI saw the visual viewport at scale 2, panned to a field typed
    // into): a tap would land elsewhere on the page. A person pinches back out first; the test does the same.
    if (cover.startsWith('the centre hit-tests to it')) {
      zoomedSince ||= Date.now()
      if (Date.now() - zoomedSince > 500) {
        await unzoom(page)
        resets++
        zoomedSince = 0
      }
    } else {
      zoomedSince = 0
      // Covered by something fixed (a footer bar, a sticky header): a person scrolls the page so the target comes out
      // from under it, as Playwright's own click does when its first scroll leaves the target obscured.
      if (scrolls < SCROLL_ALIGNMENTS.length) {
        await target.evaluate((el, block) => el.scrollIntoView({ block, inline: 'nearest' }), SCROLL_ALIGNMENTS[scrolls++])
        continue
      }
    }
    await page.waitForTimeout(100)
  }
  try {
    await target.click({ timeout: Math.max(1_000, deadline - Date.now()) })
  } catch (error) {
    const cover = await target.evaluate(whatCovers).catch(() => 'the element is gone')
    throw new AssertionError(`tap ${target} failed: ${error instanceof Error ? error.message.split('\n')[0] : error}; now: ${cover ?? 'its centre is hit-testable'}`)
  }
}

/**
 * Puts the visual viewport back at scale 1 with no pan, as a person pinching out does, when it is zoomed or panned.
 * CI saw it at scale 2, panned to the field last typed into, right after full-page screenshots of a long page: a
 * pointer tap then lands beside its target.
 */
export async function unzoom(page: Page): Promise<void> {
  const zoomed = await page.evaluate(() => {
    const vv = window.visualViewport
    return !!vv && (vv.scale !== 1 || vv.offsetTop !== 0 || vv.offsetLeft !== 0)
  })
  if (!zoomed) return
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('Emulation.resetPageScaleFactor')
  } finally {
    await cdp.detach()
  }
}

/** In the page: null when the centre of `el` hit-tests to `el` (or inside it); else what covers it, and where things stand. */
function whatCovers(el: Element): string | null {
  const box = el.getBoundingClientRect()
  const x = box.left + box.width / 2
  const y = box.top + box.height / 2
  const hit = document.elementFromPoint(x, y)
  // Text found by getByText sits inside its button, which takes the hit (TDesign's label passes pointer events on):
  // the tap is the button's, as for Playwright, which aims at the closest button or link too.
  const aim = el.closest('button, a, label, [role="button"], [role="link"], [role="checkbox"], [role="radio"]') ?? el
  if (hit && aim.contains(hit)) {
    const vv = window.visualViewport
    // A panned or zoomed visual viewport (a phone scrolling a focused field into view) moves where a tap lands
    // relative to the page's own coordinates: that is waited out, and reported if it stays.
    if (!vv || (vv.offsetTop === 0 && vv.offsetLeft === 0 && vv.scale === 1)) return null
  }
  // No named helpers in here: the runner's TypeScript loader wraps them in a `__name` call the page does not have.
  const [hitName, focusName] = [hit, document.activeElement].map((e) =>
    e ? `<${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? ` class="${e.className.trim().slice(0, 60)}"` : ''}> "${(e.textContent ?? '').trim().slice(0, 30)}"` : 'nothing',
  )
  const vv = window.visualViewport
  return [
    hit && aim.contains(hit) ? 'the centre hit-tests to it' : `${hitName} is on top at its centre (${Math.round(x)}, ${Math.round(y)})`,
    `its box ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)} in a ${innerWidth}×${innerHeight} window`,
    vv ? `visual viewport offset ${vv.offsetLeft},${vv.offsetTop} scale ${vv.scale}` : '',
    `focus on ${focusName}`,
  ]
    .filter(Boolean)
    .join('; ')
}

/**
 * fetch with two more tries when the connection itself fails (not on an answer): on a machine this loaded the
 * emulator can take longer than undici's 10 s to accept a connection.
 */
export async function fetchRetry(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init)
    } catch (err) {
      if (attempt >= 3) throw err
      await new Promise((r) => setTimeout(r, 1000 * attempt))
    }
  }
}

/** A local-cloud session token for `openid` (the emulator's stand-in for wx.login). */
export async function tokenOf(ctx: E2EContext, openid: string): Promise<string> {
  const res = await fetchRetry(`${ctx.baseUrl}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  return ((await res.json()) as { token: string }).token
}

/** Calls a cloud function over HTTP as `openid` (the steps a spec does not do on screen); fails unless the answer is ok. */
export async function callApi(ctx: E2EContext, fn: string, openid: string, action: string, input: Record<string, unknown>): Promise<any> {
  const r = await fetchRetry(`${ctx.baseUrl}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${await tokenOf(ctx, openid)}` },
    body: JSON.stringify({ action, ...input }),
  })
  const body = (await r.json()) as { ok: boolean; data?: any; message?: string }
  assert(body.ok, `${fn}.${action} as ${openid} failed: ${body.message}`)
  return body.data
}

/** A new page signed in as `openid` (the session the app keeps in local storage). */
export async function signInAs(ctx: E2EContext, openid: string): Promise<Page> {
  const token = await tokenOf(ctx, openid)
  const page = await ctx.newPage()
  await page.goto('/pages/index/index')
  await page.evaluate(([o, t]) => window.localStorage.setItem('mutual-aid.local-session', JSON.stringify({ openid: o, token: t })), [openid, token])
  return page
}

/** Taps `text` in the dialog on screen and waits for it to close. */
export async function confirmDialog(page: Page, text: string): Promise<void> {
  const dialog = page.locator('.t-dialog').last()
  await dialog.waitFor()
  await tap(dialog.getByText(text, { exact: true }))
  await dialog.waitFor({ state: 'hidden' }).catch(() => undefined)
}
