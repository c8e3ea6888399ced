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
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  )
}
