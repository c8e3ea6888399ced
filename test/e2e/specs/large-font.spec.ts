/**
 * 长辈模式 (large-font mode, issue 13 item 8): text on the home page is at least 14 px normally and 18 px in the mode,
 * key actions at least 48 px tall; the switch is remembered across reloads; a browser whose default font size is
 * large opens in the mode by itself.
 */
import type { Page } from 'playwright-core'
import { assert, currentPage, settled, type E2EContext } from '../context'

interface Identity {
  openid: string
  role: string | null
  name: string
  label: string
}

async function signIn(page: Page, identity: Identity): Promise<void> {
  await page.goto('/pages/index/index')
  await page.getByText(identity.label || identity.name, { exact: true }).first().click()
  await page.waitForURL(/\/pages\/home\/index/)
  await page.locator('.home__menu-title').first().waitFor()
}

/** Computed font size (CSS px) of every element matching the selector on the current page. */
async function fontSizes(page: Page, selector: string): Promise<number[]> {
  return currentPage(page)
    .locator(selector)
    .evaluateAll((els) => els.filter((el) => el.isConnected).map((el) => parseFloat(getComputedStyle(el).fontSize)))
}

async function elderOn(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('ma-elder'))
}

export async function run(ctx: E2EContext): Promise<void> {
  const identities = (await (await fetch(`${ctx.baseUrl}/local/identities`)).json()) as Identity[]
  const worker = identities.find((i) => i.role === 'worker')

  await ctx.step('home text is ≥ 14 px normally and ≥ 18 px in 长辈模式, buttons ≥ 48 px; the choice is remembered', async () => {
    assert(worker, 'the seed has no worker identity')
    const page = await ctx.newPage()
    await signIn(page, worker)
    assert(!(await elderOn(page)), 'large-font mode was on before anyone switched it on')
    await settled(page) // the home cards re-render once their data arrives: measure the page as it stays
    const normal = await fontSizes(page, '.home__menu-title, .home__card-body')
    assert(normal.length > 0 && Math.min(...normal) >= 14, `normal mode text sizes ${JSON.stringify(normal)}: some below 14 px`)

    await currentPage(page).getByText('开启大字').click()
    await page.waitForFunction(() => document.documentElement.classList.contains('ma-elder'))
    await settled(page) // the buttons grow over TDesign's 0.3 s transition
    const large = await fontSizes(page, '.home__menu-title, .home__card-body, .large-font-switch__title')
    assert(Math.min(...large) >= 18, `large-font text sizes ${JSON.stringify(large)}: some below 18 px`)
    const button = await currentPage(page).locator('.large-font-switch .ui-button').first().boundingBox()
    assert(button && button.height >= 48, `the switch button is ${button?.height} px tall, expected ≥ 48`)
    const icon = await currentPage(page).locator('.home__menu-icon').first().boundingBox()
    assert(icon && icon.height >= 48, `menu entries are ${icon?.height} px tall, expected ≥ 48`)

    await page.reload()
    await page.locator('.home__menu-title').first().waitFor()
    assert(await elderOn(page), 'large-font mode was forgotten after a reload')
    await ctx.screenshot(page, 'large-font-home-worker-on')

    await currentPage(page).getByText('关闭大字').click()
    await page.waitForFunction(() => !document.documentElement.classList.contains('ma-elder'))
    await page.reload()
    await page.locator('.home__menu-title').first().waitFor()
    assert(!(await elderOn(page)), 'large-font mode came back after the user switched it off')
    await page.context().close()
  })

  await ctx.step('a browser whose default font size is large opens in 长辈模式 by itself', async () => {
    assert(worker, 'the seed has no worker identity')
    const page = await ctx.newPage()
    // Chromium's 设置 › 外观 › 字号 "很大" is a 24 px default font size.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Page.enable')
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } })
    await signIn(page, worker)
    assert(await elderOn(page), 'a 24 px browser default did not switch large-font mode on')
    await currentPage(page).getByText('关闭大字').waitFor()
    await page.context().close()
  })
}
