/**
 * Enrolment online in Chromium: the TZ demo clerk imports a roster file (first a file with mistakes, then a good
 * one), files the staff report, confirms the roster on the phone and declares; the agent approves; the office
 * stores the real payment accounts (缴费账户) — the clerk's 缴费方式 then shows them — and records the payment; a new
 * WeChat user binds with name + ID from the roster and sees the coverage text and the certificate. Screenshots:
 * test-results/e2e/enrolment-*.png, payment-settings-*.png.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { TZ_PEOPLE } from '../../../scripts/demo-data'
import { assert, currentPage, settled, tap, type E2EContext } from '../context'

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rosters')
const CLERK_LABEL = '单位经办人 · 海悦电子（台州在职职工互助）'
const AGENT_LABEL = '代理单位 · 城区总工会 赵立新'
const OFFICE_LABEL = '互助办 · 周海燕（审批、缴费确认）'

async function signIn(page: Page, label: string): Promise<void> {
  await page.goto('/pages/index/index')
  await tap(page.getByText(label, { exact: true }).first())
  await page.waitForURL(/\/pages\/home\/index/)
  await page.locator('.home__menu-title').first().waitFor()
}

async function openMenu(page: Page, title: string, url: RegExp): Promise<void> {
  await tap(page.locator('.home__menu-title', { hasText: title }).first())
  await page.waitForURL(url)
}

/** Clicks the confirm button of the TDesign dialog opened by `confirm()`. */
async function confirmDialog(page: Page, text: string): Promise<void> {
  const dialog = page.locator('.t-dialog')
  await dialog.waitFor()
  await tap(dialog.getByText(text, { exact: true }))
}

/** Waits until no toast is showing and the page's slide-in transition has ended, so screenshots show the page. */
async function settle(page: Page): Promise<void> {
  await page.locator('.t-toast').first().waitFor({ state: 'detached' }).catch(() => undefined)
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth).catch(() => undefined)
  await settled(page)
}

/** Taps the button named `name` under a form (tap(): waits until it is settled and nothing lies over its centre). */
async function pressButton(page: Page, name: string): Promise<void> {
  await tap(currentPage(page).getByRole('button', { name }))
}

async function importFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await tap(page.getByText('导入名册文件', { exact: true }))
  await (await chooser).setFiles(join(FIXTURES, file))
}

export async function run(ctx: E2EContext): Promise<void> {
  let enrolmentUrl = ''
  const dud = TZ_PEOPLE[1] // 杜明, in service on the TZ roster

  await ctx.step('clerk: a roster file with mistakes is refused with row numbers, nothing imported', async () => {
    const page = await ctx.newPage()
    await signIn(page, CLERK_LABEL)
    await openMenu(page, '职工名册', /\/packages\/enrol\/roster\/index/)
    await page.getByText('名册 14 人', { exact: false }).waitFor()
    await importFile(page, 'tz-with-errors.csv')
    await page.locator('.import-errors').waitFor()
    const text = await page.locator('.import-errors').innerText()
    assert(text.includes('本次未导入任何数据'), `error summary missing: ${text}`)
    for (const row of ['第 3 行', '第 4 行', '第 5 行', '第 6 行']) assert(text.includes(row), `errors do not name ${row}: ${text}`)
    // The count and the row numbers speak of the same lines (the header is line 1): never "共 26 行" then "第 27 行".
    const span = /文件中有 (\d+) 名职工（第 2 至 (\d+) 行）/.exec(text)
    assert(span && Number(span[2]) === Number(span[1]) + 1, `the summary does not give the people and their lines: ${text}`)
    const cited = [...text.matchAll(/第 (\d+) 行：/g)].map((m) => Number(m[1]))
    assert(cited.every((n) => n >= 2 && n <= Number(span[2])), `an error cites a line outside 2–${span[2]}: ${cited.join(', ')}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-roster-errors')
    await page.context().close()
  })

  await ctx.step('clerk: imports the xlsx roster and files the staff report', async () => {
    const page = await ctx.newPage()
    await signIn(page, CLERK_LABEL)
    await openMenu(page, '职工名册', /\/packages\/enrol\/roster\/index/)
    await importFile(page, 'tz-new-staff.xlsx')
    await page.locator('.import-done').waitFor()
    const done = await page.locator('.import-done').innerText()
    assert(done.includes('新增 12 人'), `import result: ${done}`)
    await page.getByText('名册 26 人', { exact: false }).waitFor()
    await tap(page.getByText('填报职工月报', { exact: true }))
    await tap(page.getByText('保存月报', { exact: true }))
    await page.getByText('在职 26 人', { exact: false }).first().waitFor()
    await settle(page)
    await ctx.screenshot(page, 'enrolment-roster-imported')
    await page.context().close()
  })

  await ctx.step('clerk: confirms the roster with the live ratio and quote, and declares', async () => {
    const page = await ctx.newPage()
    await signIn(page, CLERK_LABEL)
    await openMenu(page, '网上申报', /\/packages\/enrol\/declare\/index/)
    await page.locator('.declare-ratio').waitFor()
    const ratio = await page.locator('.declare-ratio').innerText()
    assert(ratio.includes('已选 26 / 在职 26 人'), `ratio line: ${ratio}`)
    // Deselect enough people to break the 70 % rule: the page blocks with the reason in words.
    const rows = page.locator('.declare-row')
    for (let i = 0; i < 8; i++) await tap(rows.nth(i))
    await page.locator('.declare-blockers').waitFor()
    const blockers = await page.locator('.declare-blockers').innerText()
    assert(blockers.includes('70%'), `blocking message: ${blockers}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-declare-blocked')
    await tap(page.getByText('全选在职人员', { exact: true }))
    await page.locator('.declare-blockers').waitFor({ state: 'detached' })
    const total = await page.locator('.declare-total').innerText()
    assert(/元/.test(total), `quote total: ${total}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-declare-ready')
    await tap(page.getByText('提交申报', { exact: true }))
    await confirmDialog(page, '确认提交')
    await page.waitForURL(/\/packages\/enrol\/declaration\/index\?id=/)
    await page.locator('.declaration-page .t-tag', { hasText: '待审核' }).first().waitFor()
    enrolmentUrl = new URL(page.url()).pathname + new URL(page.url()).search
    const amount = await page.locator('.declaration-total').innerText()
    assert(amount === total, `declared amount ${amount} differs from the page's quote ${total}`)
    // Where and how to pay (issue 13 item 10): the office's account, the amount and the remark to quote.
    const payTo = await page.locator('.pay-to').innerText()
    for (const words of ['缴费方式', '户名', '开户行', '账号', '转账附言', '海悦电子科技有限公司2021互助费', total.replace(/\s/g, '')]) {
      assert(payTo.replace(/\s/g, '').includes(words.replace(/\s/g, '')), `缴费方式 does not show ${words}: ${payTo}`)
    }
    assert(payTo.includes('演示账户'), `the demo account is not marked as one: ${payTo}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-declared')
    await page.context().close()
  })

  await ctx.step('agent: approves the declaration', async () => {
    const page = await ctx.newPage()
    await signIn(page, AGENT_LABEL)
    // The home says there is a declaration waiting (issue 13 item 9).
    const entry = page.locator('.home__menu-item', { hasText: '待审核申报' })
    await entry.locator('.home__badge').waitFor()
    assert(parseInt(await entry.locator('.home__badge').innerText(), 10) >= 1, 'the 待审核申报 badge shows no count')
    assert(/待处理/.test((await entry.textContent()) ?? ''), 'the badge does not say (to a screen reader) what it counts')
    assert((await entry.getAttribute('role')) === 'button', 'the menu entry is not a button for screen readers')
    await openMenu(page, '待审核申报', /\/packages\/enrol\/declarations\/index/)
    await tap(page.locator('.declaration-item', { hasText: '海悦电子科技有限公司' }).first())
    await page.waitForURL(/\/packages\/enrol\/declaration\/index/)
    await tap(page.getByText('审核通过', { exact: true }))
    await confirmDialog(page, '确定')
    await page.locator('.declaration-page .t-tag', { hasText: '待缴费' }).first().waitFor()
    await settle(page)
    await ctx.screenshot(page, 'enrolment-approved')
    await page.context().close()
  })

  await ctx.step('office: sets the real payment accounts on 缴费账户 (each field checked, confirmed, saved); the clerk’s 缴费方式 shows them', async () => {
    const page = await ctx.newPage()
    await signIn(page, OFFICE_LABEL)
    await openMenu(page, '缴费账户', /\/packages\/office\/payment-settings\/index/)
    const form = page.locator('.payment-settings-page')
    await form.locator('input').first().waitFor()
    assert((await form.locator('.enrol-notice').first().innerText()).includes('演示账户'), 'the page does not say the accounts are the demo ones')
    await settle(page)
    await ctx.screenshot(page, 'payment-settings-demo')
    // WH 户名, 开户行, 账号, 电话, then TZ's: a wrong number and an empty name are refused field by field.
    const fields = form.locator('input')
    await fields.nth(6).fill('6228-abc')
    await fields.nth(4).fill('')
    // The remark's fixed word: banks refuse symbols in a remark.
    const word = form.getByRole('textbox', { name: '固定文字' })
    await word.fill('互助费-2021')
    await pressButton(page, '保存缴费账户')
    await form.getByText('账号应为 8 至 40 位数字', { exact: false }).first().waitFor()
    await form.getByText('请填写户名', { exact: false }).first().waitFor()
    await form.getByText('固定文字只能用汉字、字母和数字', { exact: false }).first().waitFor()
    assert(await form.locator('.enrol-notice--error').isVisible(), 'no summary of the problems under the form')
    assert((await page.locator('.t-dialog').count()) === 0, 'a confirmation opened for a form with mistakes')
    await settle(page)
    await ctx.screenshot(page, 'payment-settings-errors')
    const real = {
      WH: ['某市总工会职工医疗互助办公室', '中国工商银行某市分行营业部', '3202 0010 0900 0012 345', '027-12345678'],
      TZ: ['台州市职工服务中心互助专户', '中国农业银行台州分行营业部', '1912 0101 0400 1234 5', '0576-88123456'],
    }
    for (const [i, value] of [...real.WH, ...real.TZ].entries()) await fields.nth(i).fill(value)
    // The remark: 职工互助 instead of 互助费, without the year (its checkbox unticked from the keyboard); the preview
    // shows the example a unit would be given.
    await word.fill('职工互助')
    const year = form.getByRole('checkbox', { name: '写上申报年度' })
    await year.focus()
    await page.keyboard.press('Space')
    await page.waitForFunction(() => document.querySelector('[aria-label="写上申报年度"]')?.getAttribute('aria-checked') === 'false')
    const example = form.locator('.payment-settings__example')
    await page.waitForFunction(() => document.querySelector('.payment-settings__example')?.textContent === '台州市海悦电子科技股份有限公职工互助7F3A9C21').catch(() => undefined)
    assert((await example.innerText()) === '台州市海悦电子科技股份有限公职工互助7F3A9C21', `the remark preview shows ${await example.innerText()}`)
    await settle(page)
    await ctx.screenshot(page, 'payment-settings-remark-rule')
    await pressButton(page, '保存缴费账户')
    const dialog = page.locator('.t-dialog')
    await dialog.waitFor()
    const asked = await dialog.innerText()
    for (const words of ['保存缴费账户', '台州', '1912 0101 0400 1234 5', '3202 0010 0900 0012 345', '转账附言', '职工互助7F3A9C21']) {
      assert(asked.includes(words), `the confirmation does not list ${words}: ${asked}`)
    }
    await tap(dialog.getByRole('button', { name: '确认保存' }))
    await form.getByText('第 1 版', { exact: false }).waitFor()
    await settle(page)
    await ctx.screenshot(page, 'payment-settings-saved')
    await page.context().close()

    // The clerk's approved declaration now tells them to pay into the real TZ account, with the remark it was issued
    // with (the new rule is for later declarations).
    const clerk = await ctx.newPage()
    await signIn(clerk, CLERK_LABEL)
    await clerk.goto(enrolmentUrl)
    await clerk.locator('.pay-to').waitFor()
    const payTo = (await clerk.locator('.pay-to').innerText()).replace(/\s/g, '')
    for (const words of [...real.TZ, '海悦电子科技有限公司2021互助费']) assert(payTo.includes(words.replace(/\s/g, '')), `缴费方式 does not show ${words}: ${payTo}`)
    assert(!payTo.includes('演示'), `缴费方式 still shows the demo account: ${payTo}`)
    await settle(clerk)
    await ctx.screenshot(clerk, 'enrolment-pay-to-real')
    await clerk.context().close()
  })

  await ctx.step('office: records the payment; coverage starts the next day', async () => {
    const page = await ctx.newPage()
    await signIn(page, OFFICE_LABEL)
    await page.goto(enrolmentUrl)
    await page.locator('.payment-box').waitFor()
    await page.locator('.payment-box input').nth(1).fill('HY-2021-0615-01')
    await settle(page)
    await ctx.screenshot(page, 'enrolment-payment-form')
    await tap(page.getByText('确认到账', { exact: true }))
    await confirmDialog(page, '确定')
    await page.locator('.declaration-page .t-tag', { hasText: '已缴费' }).first().waitFor()
    const card = await page.locator('.declaration-page .enrol-card').first().innerText()
    assert(card.includes('2021年6月16日'), `coverage start missing on the declaration: ${card}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-paid')
    await page.context().close()
  })

  await ctx.step('clerk: the unit certificate lists the period and participants', async () => {
    const page = await ctx.newPage()
    await signIn(page, CLERK_LABEL)
    await openMenu(page, '履约确认书', /\/packages\/enrol\/certificate\/index/)
    await page.locator('.certificate').waitFor()
    const text = await page.locator('.certificate-page').innerText()
    assert(text.includes('参加人数：26 人'), `unit certificate: ${text.slice(0, 400)}`)
    assert(text.includes('2021年6月16日 至 2021年12月31日'), 'unit certificate lacks the coverage period')
    await settle(page)
    await ctx.screenshot(page, 'enrolment-certificate-unit')
    await page.context().close()
  })

  await ctx.step('worker: binds with name + ID and sees the coverage text and certificate', async () => {
    const page = await ctx.newPage()
    await page.goto('/pages/index/index')
    await tap(page.getByText('新微信用户（未绑定）'))
    await page.waitForURL(/\/packages\/enrol\/bind\/index/)
    const inputs = page.locator('.bind-page input')
    await inputs.nth(0).fill(dud[0])
    await inputs.nth(1).fill(dud[1].slice(0, 17) + (dud[1][17] === '1' ? '2' : '1'))
    await tap(page.getByText('核对并绑定', { exact: true }))
    await page.locator('.enrol-notice--error').waitFor()
    const refusal = await page.locator('.enrol-notice--error').innerText()
    assert(refusal.includes('身份证号码'), `wrong ID refusal: ${refusal}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-bind-refused')
    await inputs.nth(1).fill(dud[1])
    await tap(page.getByText('核对并绑定', { exact: true }))
    await page.waitForURL(/\/pages\/home\/index/)
    await openMenu(page, '我的保障', /\/packages\/enrol\/coverage\/index/)
    await page.locator('.coverage-summary').first().waitFor()
    const summary = await page.locator('.coverage-page').innerText()
    assert(summary.includes(dud[0]), 'coverage page does not show the worker')
    assert(summary.includes('2021-06-16'), `coverage text lacks the start date: ${summary.slice(0, 400)}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-my-coverage')
    await tap(page.getByText('查看履约确认书', { exact: true }))
    await page.waitForURL(/\/packages\/enrol\/certificate\/index/)
    await page.locator('.certificate').waitFor()
    const certificate = await page.locator('.certificate').innerText()
    assert(!certificate.includes('（）'), `the certificate shows empty brackets: ${certificate.slice(0, 200)}`)
    assert(/参加人：.+（\d{4}\*+\d{3}[\dX]）/.test(certificate), `the certificate does not show the masked ID: ${certificate.slice(0, 200)}`)
    const cert = await page.locator('.certificate').innerText()
    assert(cert.includes(dud[0]) && cert.includes('2021年6月16日'), `worker certificate: ${cert}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-certificate-worker')
    await page.context().close()
  })

  await ctx.step('clerk (WH): renewing for next period starts from last period, leavers and retirees marked', async () => {
    const page = await ctx.newPage()
    await signIn(page, '单位经办人 · 明湖精密机械（武汉城市圈重疾互助）')
    await openMenu(page, '网上申报', /\/packages\/enrol\/declare\/index/)
    await tap(page.getByText('2022 年度', { exact: true }))
    await page.locator('.declare-ratio').waitFor()
    const text = await page.locator('.declare-page').innerText()
    assert(text.includes('续保：上期 35 人参加'), `renewal notice missing: ${text.slice(0, 300)}`)
    const ratio = await page.locator('.declare-ratio').innerText()
    assert(ratio.includes('已选 35 / 在职 35 人'), `renewal preselection: ${ratio}`)
    await page.locator('.people-list input').first().fill('袁立新')
    await page.locator('.declare-row', { hasText: '袁立新' }).waitFor()
    const retired = await page.locator('.declare-row', { hasText: '袁立新' }).innerText()
    assert(retired.includes('退休'), `the retiree is not marked: ${retired}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-renewal')
    await page.context().close()
  })

  await ctx.step('agent: invites a clerk with a one-time code; a new WeChat user binds with it', async () => {
    const page = await ctx.newPage()
    await signIn(page, AGENT_LABEL)
    await openMenu(page, '参加单位', /\/packages\/enrol\/units\/index/)
    await tap(page.locator('.unit-item', { hasText: '海悦电子科技有限公司' }))
    await tap(page.getByText('生成经办人邀请码', { exact: true }))
    await confirmDialog(page, '确定')
    await page.locator('.invite-card .enrol-code').waitFor()
    const code = (await page.locator('.invite-card .enrol-code').innerText()).trim()
    assert(/^\d{8}$/.test(code), `invite code: ${code}`)
    await settle(page)
    await ctx.screenshot(page, 'enrolment-invite')
    await page.context().close()

    const fresh = await ctx.newPage()
    await fresh.goto('/pages/index/index')
    await tap(fresh.getByText('新微信用户（未绑定）'))
    await fresh.waitForURL(/\/packages\/enrol\/bind\/index/)
    await tap(fresh.getByText('我是单位经办人', { exact: true }))
    const inputs = fresh.locator('.bind-page input')
    await inputs.nth(0).fill(code)
    await inputs.nth(1).fill('林晓')
    await tap(fresh.getByText('绑定为经办人', { exact: true }))
    await fresh.waitForURL(/\/pages\/home\/index/)
    await fresh.locator('.home__menu-title').first().waitFor()
    const header = await fresh.locator('.home__header').innerText()
    assert(header.includes('单位经办人') && header.includes('海悦电子科技有限公司'), `new clerk home: ${header}`)
    await fresh.context().close()
  })
}
