/**
 * The office runs the year in the browser: on 方案管理 it announces TZ 2022's fees (the form starts from 2021's rates
 * and shows the 例6-style check), creates the next WH version from the latest, edits one amount in its labelled fields
 * (an unreadable amount is refused on the field), saves, previews the documents' examples against the version it was
 * copied from (the changed outcome marked) and publishes it after a confirmation; the list then shows both. The
 * reminders timer is fired and 提醒记录 lists what went out. Screenshots: test-results/e2e/schemes-*.png.
 */
import type { Page } from 'playwright-core'
import { assert, currentPage, settled, tap, type E2EContext } from '../context'

const OFFICE_LABEL = '互助办 · 周海燕（审批、缴费确认）'
const NOTICE = '台总工〔2021〕20号'

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

async function confirmDialog(page: Page, text: string): Promise<void> {
  const dialog = page.locator('.t-dialog').last()
  await dialog.waitFor()
  await tap(dialog.getByText(text, { exact: true }))
  await dialog.waitFor({ state: 'hidden' }).catch(() => undefined)
}

/** Waits until no toast is showing and the slide-in has ended, so screenshots show the page. */
async function settle(page: Page): Promise<void> {
  await page.locator('.t-toast').first().waitFor({ state: 'detached' }).catch(() => undefined)
  await settled(page)
}

/** The input of the field labelled `label` inside `scope`. */
const field = (scope: ReturnType<typeof currentPage>, label: string) => scope.locator('.t-input').filter({ hasText: label }).locator('input').first()

export async function run(ctx: E2EContext): Promise<void> {
  const page = await ctx.newPage()
  await signIn(page, OFFICE_LABEL)

  await ctx.step('office: 方案管理 lists every version, TZ 2022 waiting for its fees', async () => {
    await openMenu(page, '方案管理', /\/packages\/office\/schemes\/index/)
    const tz2022 = currentPage(page).locator('[data-version="tz-2022"]')
    await tz2022.waitFor()
    assert((await tz2022.innerText()).includes('缴费标准待公布'), `tz-2022 card: ${await tz2022.innerText()}`)
    for (const id of ['wh-2020', 'tz-2021']) await currentPage(page).locator(`[data-version="${id}"]`).waitFor()
    await settle(page)
    await ctx.screenshot(page, 'schemes-list')
  })

  await ctx.step('office: announces TZ 2022 fees from last year’s rates, after a confirmation', async () => {
    await tap(currentPage(page).locator('[data-version="tz-2022"]').getByText('公布缴费标准', { exact: true }))
    await page.waitForURL(/\/packages\/office\/scheme-fees\/index/)
    const form = currentPage(page)
    await form.locator('[data-fee="inpatient"]').waitFor()
    // Without the notice's name nothing is sent.
    await tap(form.locator('.schemes-footer').getByText('公布缴费标准', { exact: true }))
    await form.getByText('请填写公布缴费标准的文件名称或文号', { exact: false }).waitFor()
    await field(form, '通知文号或名称').fill(NOTICE)
    await settle(page)
    await ctx.screenshot(page, 'schemes-fees-top')
    const critical = field(form.locator('[data-fee="critical"]'), '每人（元/人/期）')
    assert((await critical.inputValue()) !== '', 'the critical fee is not pre-filled from 2021')
    await critical.fill('25')
    await form.locator('[data-example]').waitFor()
    await form.locator('[data-example]').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    const example = await form.locator('[data-example]').innerText()
    assert(example.includes('应缴'), `check example: ${example}`)
    await settle(page)
    await ctx.screenshot(page, 'schemes-fees-form')
    await tap(form.locator('.schemes-footer').getByText('公布缴费标准', { exact: true }))
    await confirmDialog(page, '确认公布')
    await page.waitForURL(/\/packages\/office\/schemes\/index/)
    const card = currentPage(page).locator('[data-version="tz-2022"]')
    await card.getByText('缴费标准已公布', { exact: false }).waitFor()
    assert((await card.innerText()).includes(NOTICE), `tz-2022 card names the notice: ${await card.innerText()}`)
  })

  let draftUrl = ''
  await ctx.step('office: creates the next WH version as a draft and edits an amount in labelled fields', async () => {
    const latestWh = currentPage(page).locator('[data-version^="wh-"]').filter({ hasText: '新建下一版本' }).first()
    await tap(latestWh.getByText('新建下一版本', { exact: true }))
    await confirmDialog(page, '确定')
    await page.waitForURL(/\/packages\/office\/scheme-edit\/index/)
    draftUrl = page.url()
    const editor = currentPage(page)
    await editor.getByText('续保 · 确诊后给付（第七条）', { exact: false }).waitFor()
    // Each field cites its article under it.
    assert((await editor.innerText()).includes('依据：'), 'fields do not cite their articles')
    await settle(page)
    await ctx.screenshot(page, 'schemes-edit-top')
    const renewing = editor.locator('.schemes-block').filter({ hasText: '续保 · 确诊后给付（第七条）' })
    const amount = field(renewing, '每份金额（元）')
    assert((await amount.inputValue()).startsWith('10000'), `renewing amount: ${await amount.inputValue()}`)
    await amount.fill('一万')
    await renewing.getByText('请填写金额', { exact: false }).waitFor()
    await amount.fill('12000')
    await editor.getByText('有尚未保存的修改。', { exact: true }).waitFor()
    await amount.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await settle(page)
    await ctx.screenshot(page, 'schemes-edit')
    await tap(editor.locator('.schemes-footer').getByText('保存', { exact: true }))
    await editor.getByText('已保存（第 2 稿）', { exact: false }).waitFor()
  })

  await ctx.step('office: the preview marks the outcome that changes against the version it was copied from', async () => {
    await tap(currentPage(page).locator('.schemes-footer').getByText('预览并发布', { exact: true }))
    await page.waitForURL(/\/packages\/office\/scheme-preview\/index/)
    const preview = currentPage(page)
    await preview.locator('[data-case]').first().waitFor()
    const differs = preview.locator('[data-differs="yes"]')
    assert((await differs.count()) > 0, 'no seed case differs after raising the renewing amount')
    const change = preview.locator('[data-change="illnessRenewing[0].perShareFen"]')
    await change.waitFor()
    assert((await change.innerText()).includes('10000.00 元 → 12000.00 元'), `change line: ${await change.innerText()}`)
    await settle(page)
    await ctx.screenshot(page, 'schemes-preview')
    await change.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await settled(page)
    await ctx.screenshot(page, 'schemes-preview-changes')
  })

  await ctx.step('office: publishes after a confirmation; the version is listed as published and its draft is gone', async () => {
    const preview = currentPage(page)
    await tap(preview.locator('.schemes-footer').getByText('发布', { exact: true }))
    await confirmDialog(page, '确认发布')
    await page.waitForURL(/\/packages\/office\/schemes\/index/)
    const list = currentPage(page)
    const published = list.locator('[data-version^="wh-"]').filter({ hasText: '已发布' })
    await published.first().waitFor()
    const text = await published.first().innerText()
    assert(text.includes('施行日期：2022-01-01') || text.includes('施行日期：'), `published card: ${text}`)
    assert((await list.locator('[data-draft]').count()) === 0, 'the published draft is still listed as a draft')
    await settle(page)
    await ctx.screenshot(page, 'schemes-published')
    // A published version cannot be edited: its draft page says so.
    await page.goto(draftUrl.replace(/^https?:\/\/[^/]+/, ''))
    await currentPage(page).getByText('已发布的版本不可修改', { exact: false }).waitFor()
  })

  await ctx.step('timer: the reminders dispatch runs; 提醒记录 lists what went out', async () => {
    const r = await fetch(`${ctx.baseUrl}/local/timers/fire`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'reminders', trigger: 'dispatch' }) })
    const body = (await r.json()) as { result?: { ok: boolean; data?: { sent: number } } }
    assert(body.result?.ok, `dispatch: ${JSON.stringify(body).slice(0, 400)}`)
    await signIn(page, OFFICE_LABEL)
    await openMenu(page, '提醒记录', /\/packages\/office\/reminders\/index/)
    const list = currentPage(page)
    await list.getByText('每条提醒只发一次', { exact: false }).waitFor()
    // The last tick is shown once a tick has sent something; earlier specs' claims reminded their reviewers already.
    const sent = body.result?.data?.sent ?? 0
    if (sent > 0) {
      await list.getByText(`发出 ${sent} 条`, { exact: false }).waitFor()
      await list.locator('[data-reminder]').first().waitFor()
    } else {
      await list.locator('[data-reminder], .page-state').first().waitFor()
    }
    await settle(page)
    await ctx.screenshot(page, 'schemes-reminders')
  })

  await page.context().close()
}
