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
  await dialog.getByText(text, { exact: true }).click()
  await dialog.waitFor({ state: 'hidden' }).catch(() => undefined)
}
