/**
 * Foundation: the local sign-in page lists the demo identities, each role lands on its own home with its
 * menu, a new WeChat user is sent to binding, and a signed-in session and the seeded data survive an
 * emulator restart (the data directory is the database).
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { DEMO_WORKERS, WH_PEOPLE, WH_UNIT } from '../../../scripts/demo-data'
import { assert, currentPage, settled, tap, type E2EContext } from '../context'

const SRC = path.resolve(__dirname, '../../../src')

/** Each page's navigationBarTitleText, by route (`/packages/claims/list/index`), read from its index.config.ts. */
function pageTitles(): Map<string, string> {
  const titles = new Map<string, string>()
  for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('index.config.ts')) continue
    const title = /navigationBarTitleText:\s*'([^']+)'/.exec(readFileSync(path.join(SRC, file), 'utf8'))?.[1]
    assert(title, `${file} has no navigationBarTitleText`)
    titles.set(`/${file.replace(/\\/g, '/').replace(/\.config\.ts$/, '')}`, title)
  }
  return titles
}

interface Identity {
  openid: string
  role: string | null
  name: string
  label: string
}

/** Menu titles each role's home must show (src/features/session/roles.ts is the source). */
const EXPECTED_MENU: Record<string, string[]> = {
  worker: ['我的保障', '申请互助金', '我的申请', '消息'],
  clerk: ['职工名册', '网上申报', '申报记录', '履约确认书', '单位信息', '待确认申请', '代职工申请', '消息'],
  agent: ['参加单位', '待审核申报', '待确认申请', '基金报表', '医保结算导入', '消息'],
  office: ['参加单位', '申报与缴费', '互助金审批', '基金台账', '方案管理', '提醒记录', '缴费账户', '基金报表', '银行批量支付', '医保结算导入', '消息'],
}

const ROLE_TEXT: Record<string, string> = { worker: '职工', clerk: '单位经办人', agent: '代理单位', office: '互助办' }

async function menuTitles(page: Page): Promise<string[]> {
  return page.locator('.home__menu-title').allInnerTexts()
}

async function signInFromEntry(page: Page, identity: Identity): Promise<void> {
  await page.goto('/pages/index/index')
  await tap(page.getByText(identity.label || identity.name, { exact: true }).first())
  await page.waitForURL(/\/pages\/home\/index/)
  await page.locator('.home__menu-title').first().waitFor()
}

export async function run(ctx: E2EContext): Promise<void> {
  const response = await fetch(`${ctx.baseUrl}/local/identities`)
  const identities = (await response.json()) as Identity[]
  await runPageChrome(ctx, identities)

  await ctx.step('sign-in page lists the demo identities grouped by role', async () => {
    const page = await ctx.newPage()
    await page.goto('/')
    await page.getByText('新微信用户（未绑定）').waitFor()
    for (const group of ['职工', '单位经办人', '代理单位', '互助办']) {
      assert(await page.getByText(group, { exact: true }).count() > 0, `group ${group} missing on the sign-in page`)
    }
    for (const identity of identities) {
      assert(await page.getByText(identity.label || identity.name).count() > 0, `identity ${identity.openid} not listed`)
    }
    await ctx.screenshot(page, 'foundation-sign-in')
    await page.context().close()
  })

  for (const role of ['worker', 'clerk', 'agent', 'office']) {
    const identity = identities.find((i) => i.role === role)
    await ctx.step(`${role} home shows the role's menu`, async () => {
      assert(identity, `the seed has no ${role} identity`)
      const page = await ctx.newPage()
      await signInFromEntry(page, identity)
      const titles = await menuTitles(page)
      assert(
        JSON.stringify(titles) === JSON.stringify(EXPECTED_MENU[role]),
        `menu for ${role} was ${JSON.stringify(titles)}, expected ${JSON.stringify(EXPECTED_MENU[role])}`,
      )
      const header = await page.locator('.home__header').innerText()
      assert(header.includes(ROLE_TEXT[role]), `home header does not name the role ${ROLE_TEXT[role]}: ${header}`)
      assert(header.includes(identity.name), `home header does not show ${identity.name}: ${header}`)
      if (role === 'worker') {
        // The seeded WH worker is covered (renewing, 2 shares): the home card says where they stand, in the rules'
        // words — day 151 of the period, or, once the claims spec has paid this worker, that coverage has ended.
        const card = page.locator('.home__card--coverage')
        await card.getByText(/重大疾病医疗互助：(保障期第 151 天|本期互助责任已终止)/).waitFor()
      }
      await ctx.screenshot(page, `foundation-home-${role}`)

      // A menu entry opens its subpackage page.
      await tap(page.locator('.home__menu-item').first())
      await page.waitForURL(/\/packages\//)
      await page.context().close()
    })
  }

  // Issue 13 item 12: the menu is reached and opened with the keyboard alone, and every page says what it is.
  await ctx.step('keyboard: Tab reaches a menu entry as a named button, Enter opens it, the page is titled', async () => {
    const worker = identities.find((i) => i.role === 'worker')
    assert(worker, 'the seed has no worker identity')
    const page = await ctx.newPage()
    await signInFromEntry(page, worker)
    await page.waitForFunction(() => document.title === '职工医疗互助')
    let reached: { role: string | null; text: string } | null = null
    for (let presses = 0; presses < 20 && !reached; presses += 1) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => {
        const el = document.activeElement
        return el?.classList.contains('home__menu-item') && el.textContent?.includes('我的申请')
          ? { role: el.getAttribute('role'), text: el.textContent ?? '' }
          : null
      })
    }
    assert(reached, 'Tab never reached the 我的申请 menu entry')
    assert(reached.role === 'button', `the focused menu entry has role ${reached.role}, not button`)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/packages\/claims\/list\/index/)
    await page.waitForFunction(() => document.title === '我的申请').catch(() => undefined)
    assert((await page.title()) === '我的申请', `the page title is "${await page.title()}", not 我的申请`)
    const region = await page.locator('.taro_page:visible').last().getAttribute('aria-label')
    assert(region === '我的申请', `the page region is named "${region}", not 我的申请`)
    await page.context().close()
  })

  // TDesign's checkbox is a div: the kit makes it a checkbox that Tab reaches and Space toggles (tdesign-a11y.ts).
  await ctx.step('keyboard: Tab reaches a checkbox (named, unchecked, a focus ring), Space ticks and unticks it', async () => {
    const office = identities.find((i) => i.role === 'office')
    assert(office, 'the seed has no office identity')
    const page = await ctx.newPage()
    await signInFromEntry(page, office)
    await tap(page.locator('.home__menu-title', { hasText: '参加单位' }).first())
    await page.waitForURL(/\/packages\/enrol\/units\/index/)
    await tap(currentPage(page).getByText('新增参加单位', { exact: true }).first())
    const box = currentPage(page).getByRole('checkbox', { name: '银行或保险机构' })
    await box.waitFor()
    // From the field before it, as a keyboard user arrives: the credit code, then the type picker, then the box.
    await currentPage(page).getByRole('textbox', { name: '统一社会信用代码' }).focus()
    let presses = 0
    while (presses < 5 && !(await box.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab')
      presses += 1
    }
    assert(await box.evaluate((el) => el === document.activeElement), `Tab did not reach the 银行或保险机构 checkbox in ${presses} presses`)
    const state = () => box.evaluate((el) => ({ checked: el.getAttribute('aria-checked'), ticked: el.classList.contains('t-checkbox--checked') }))
    assert((await state()).checked === 'false', `the checkbox starts as aria-checked=${(await state()).checked}`)
    await settled(page)
    const outline = await box.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }))
    assert(outline.style === 'solid' && outline.width >= 1, `no visible focus ring on the checkbox: ${JSON.stringify(outline)}`)
    await ctx.screenshot(page, 'foundation-checkbox-focus')
    await page.keyboard.press('Space')
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-checked') === 'true')
    assert((await state()).ticked, 'Space set aria-checked but the box does not show it ticked')
    await ctx.screenshot(page, 'foundation-checkbox-ticked')
    await page.keyboard.press('Space')
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-checked') === 'false')
    assert(!(await state()).ticked, 'the second Space did not untick the box')
    await page.context().close()
  })

  await ctx.step('a new WeChat user is sent to the bind page', async () => {
    const page = await ctx.newPage()
    await page.goto('/pages/index/index')
    await tap(page.getByText('新微信用户（未绑定）'))
    await page.waitForURL(/\/packages\/enrol\/bind\/index/)
    await ctx.screenshot(page, 'foundation-new-user-bind')
    await page.context().close()
  })

  await ctx.step('switch identity returns to the sign-in page', async () => {
    const worker = identities.find((i) => i.role === 'worker')
    assert(worker, 'the seed has no worker identity')
    const page = await ctx.newPage()
    await signInFromEntry(page, worker)
    await tap(page.getByText('切换身份'))
    await page.waitForURL(/\/pages\/index\/index/)
    await page.getByText('新微信用户（未绑定）').waitFor()
    const stored = await page.evaluate(() => window.localStorage.getItem('mutual-aid.local-session'))
    assert(stored === null, 'the local session was not cleared on switching identity')
    await page.context().close()
  })

  await ctx.step('session and seeded data survive an emulator restart', async () => {
    const clerk = identities.find((i) => i.role === 'clerk')
    assert(clerk, 'the seed has no clerk identity')
    const page = await ctx.newPage()
    await signInFromEntry(page, clerk)
    const before = await page.locator('.home__header').innerText()
    await ctx.restartEmulator()
    await page.reload()
    await page.locator('.home__menu-title').first().waitFor()
    const after = await page.locator('.home__header').innerText()
    assert(after === before, `home header changed across the restart: "${before}" → "${after}"`)
    await ctx.screenshot(page, 'foundation-after-restart')
    await page.context().close()
  })

  // Written from the browser with the browser's own session: a new WeChat user binds to a roster person
  // (auth.bindWorker), then the emulator restarts and the binding is still there. The bind page's form is the
  // enrolment feature's; here the call goes straight to /fn/auth so this check does not depend on its markup.
  await ctx.step('data written from the browser survives an emulator restart', async () => {
    const boundIndexes = new Set<number>(DEMO_WORKERS.filter((w) => w.unit === WH_UNIT._id).map((w) => w.index))
    const index = WH_PEOPLE.findIndex((row, i) => !boundIndexes.has(i) && row[3] === 'in_service')
    assert(index >= 0, 'the demo roster has no unbound in-service person')
    const [name, idNumber] = WH_PEOPLE[index]

    const page = await ctx.newPage()
    await page.goto('/pages/index/index')
    await tap(page.getByText('新微信用户（未绑定）'))
    await page.waitForURL(/\/packages\/enrol\/bind\/index/)
    const answer = await page.evaluate(async (event) => {
      const session = JSON.parse(window.localStorage.getItem('mutual-aid.local-session') ?? 'null') as { token: string } | null
      if (!session) return { ok: false, message: 'no local session in the browser' }
      const response = await fetch('/fn/auth', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
        body: JSON.stringify(event),
      })
      return response.json()
    }, { action: 'bindWorker', name, idNumber })
    assert(answer && answer.ok === true, `auth.bindWorker from the browser failed: ${JSON.stringify(answer)}`)

    await ctx.restartEmulator()
    await page.goto('/pages/home/index')
    await page.locator('.home__menu-title').first().waitFor()
    const header = await page.locator('.home__header').innerText()
    assert(header.includes(name) && header.includes('职工'), `after the restart the bound worker's home shows "${header}"`)
    assert(
      JSON.stringify(await menuTitles(page)) === JSON.stringify(EXPECTED_MENU.worker),
      'after the restart the bound user does not get the worker menu',
    )
    await ctx.screenshot(page, 'foundation-bound-after-restart')
    await page.context().close()
  })
}

/**
 * H5 chrome (issue 13 item 12): every page's document title is its config's navigationBarTitleText; every feature
 * page starts with a bar holding that title and a named back button that returns to the page before it — or, on a
 * page opened directly, to the role home. The home and sign-in pages have their own headers and no bar.
 */
async function runPageChrome(ctx: E2EContext, identities: Identity[]): Promise<void> {
  const titles = pageTitles()
  const titleOf = (url: string) => titles.get(new URL(url).pathname)

  await ctx.step('every page has its title; each feature page a back button that returns to the home', async () => {
    const visited = new Set<string>()
    for (const role of ['worker', 'clerk', 'agent', 'office']) {
      const identity = identities.find((i) => i.role === role)
      assert(identity, `the seed has no ${role} identity`)
      const page = await ctx.newPage()
      await page.goto('/pages/index/index')
      await page.getByText('新微信用户（未绑定）').waitFor()
      assert((await page.title()) === titleOf(page.url()), `sign-in page title: ${await page.title()}`)
      assert((await page.locator('.ma-page-bar').count()) === 0, 'the sign-in page shows a page bar')
      await signInFromEntry(page, identity)
      assert((await page.title()) === titleOf(page.url()), `home title: ${await page.title()}`)
      assert((await currentPage(page).locator('.ma-page-bar').count()) === 0, 'the home page shows a page bar')
      const entries = await page.locator('.home__menu-item').count()
      for (let i = 0; i < entries; i++) {
        const item = page.locator('.home__menu-item').nth(i)
        const label = (await item.locator('.home__menu-title').innerText()).trim()
        await tap(item)
        await page.waitForURL(/\/packages\//)
        const url = page.url()
        const expected = titleOf(url)
        assert(expected, `${url} has no page config title`)
        const bar = currentPage(page).locator('.ma-page-bar')
        await bar.waitFor()
        const shown = (await bar.locator('.ma-page-bar__title').innerText()).trim()
        assert(shown === expected, `${label} → ${url}: the bar says "${shown}", the config "${expected}"`)
        // Nothing reaches past the phone's width once the page has slid in: a wider document pans sideways under a
        // swipe (Taro's slide-in left the document up to twice as wide, app.scss clips it at the router).
        await settled(page)
        const width = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollWidth ?? 0, client: document.scrollingElement?.clientWidth ?? 0 }))
        assert(width.scroll <= width.client, `${label} → ${url}: the document is ${width.scroll} px wide on a ${width.client} px screen`)
        await page.waitForFunction((t) => document.title === t, expected).catch(() => undefined)
        assert((await page.title()) === expected, `${url}: document title "${await page.title()}", expected "${expected}"`)
        if (visited.size === 0) await ctx.screenshot(page, 'foundation-page-bar')
        visited.add(new URL(url).pathname)
        const back = bar.getByRole('button', { name: '返回上一页' })
        // The first page is left with the keyboard (Tab order reaches the button; Enter presses it), the rest by tap.
        if (i === 0) {
          await back.focus()
          await page.keyboard.press('Enter')
        } else {
          await tap(back)
        }
        await page.waitForURL(/\/pages\/home\/index/)
        await page.locator('.home__menu-title').first().waitFor()
      }
      await page.context().close()
    }
    assert(visited.size >= 15, `only ${visited.size} feature pages were reached from the role menus`)
  })

  await ctx.step('a feature page opened directly goes back to the role home', async () => {
    const worker = identities.find((i) => i.role === 'worker')
    assert(worker, 'the seed has no worker identity')
    const page = await ctx.newPage()
    await signInFromEntry(page, worker)
    await page.goto('/packages/claims/list/index')
    const bar = currentPage(page).locator('.ma-page-bar')
    await bar.waitFor()
    assert((await page.title()) === titleOf(page.url()), `claims list title: ${await page.title()}`)
    await tap(bar.getByRole('button', { name: '回到首页' }))
    await page.waitForURL(/\/pages\/home\/index/)
    await page.locator('.home__menu-title').first().waitFor()
    await page.context().close()
  })

  await ctx.step('a new user on the bind page goes back to the sign-in page (their home would send them to binding)', async () => {
    const page = await ctx.newPage()
    await page.goto('/pages/index/index')
    await tap(page.getByText('新微信用户（未绑定）'))
    await page.waitForURL(/\/packages\/enrol\/bind\/index/)
    const bar = currentPage(page).locator('.ma-page-bar')
    await bar.waitFor()
    assert((await page.title()) === titleOf(page.url()), `bind page title: ${await page.title()}`)
    await tap(bar.getByRole('button', { name: '返回登录页' }))
    await page.waitForURL(/\/pages\/index\/index/)
    await page.getByText('新微信用户（未绑定）').waitFor()
    await page.context().close()
  })
}
