/**
 * Claims end to end in Chromium on the H5 build: a worker files a WH claim with generated photos (chosen through
 * the real file chooser, compressed on a canvas, uploaded), the unit clerk and the agent confirm, the office
 * approves the computed amount (article shown) and marks it paid, and the worker sees 已支付 and the message.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { claimPagePath } from '../../../contracts/src/claims/requests'
import { assert, settled, tap, type E2EContext } from '../context'
import { pickDate } from '../date-picker'
import { ofdFile } from '../../fixtures/ofd/make-ofd'

const WORKER = 'demo-worker-wh-1' // 张伟, WH unit, 2 shares, renewing, coverage from 2021-01-16
const CLERK = 'demo-clerk-wh'
const AGENT = 'demo-agent-01'
const OFFICE = 'demo-office-01'
const WORKER_2 = 'demo-worker-wh-2' // 王秀英
const PHOTOS = path.resolve(__dirname, '..', '..', 'fixtures', 'photos')
const REQUIRED_ITEMS = ['participant_id', 'discharge_summary', 'diagnostic_reports', 'medical_record']
const FAMILY = 'e2e-family-claims-01'

/** A small real PDF (an electronic receipt / report as a hospital sends it). */
async function pdfFixture(ctx: E2EContext): Promise<string> {
  const { mkdtemp, writeFile } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const dir = await mkdtemp(path.join(tmpdir(), 'ma-e2e-pdf-'))
  const file = path.join(dir, '电子检查报告.pdf')
  await writeFile(file, Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${ctx.baseUrl}\n%%EOF\n`, 'latin1'))
  return file
}

/** A small real OFD e-receipt (a ZIP container with its OFD.xml), as a hospital's e-invoice platform sends it. */
async function ofdFixture(): Promise<string> {
  const { mkdtemp, writeFile } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const dir = await mkdtemp(path.join(tmpdir(), 'ma-e2e-ofd-'))
  const file = path.join(dir, '住院收费电子票据.ofd')
  await writeFile(file, ofdFile('住院收费电子票据'))
  return file
}

/** The last value each wheel of the date picker labelled `label` offers (then closes it): the picker's upper bound. */
async function lastOffered(page: Page, label: string): Promise<string> {
  await tap(page.locator('.t-cell').filter({ hasText: label }).first())
  await page.locator('.t-picker').last().waitFor()
  // Source text: the runner's transpiler would wrap functions in helpers the page lacks.
  const last = (await page.evaluate(
    `Array.from(document.querySelectorAll('.t-picker')).pop().querySelectorAll('ul.t-picker-item').length ? Array.from(Array.from(document.querySelectorAll('.t-picker')).pop().querySelectorAll('ul.t-picker-item')).map(function (ul) { return Array.from(ul.querySelectorAll('li')).map(function (li) { return li.textContent || '' }) }) : []`,
  )) as string[][]
  await tap(page.locator('.t-picker__cancel').last())
  return last.map((wheel) => (wheel.at(-1) ?? '').replace(/\D/g, '').padStart(2, '0')).join('-')
}

async function signInAs(ctx: E2EContext, openid: string): Promise<Page> {
  const res = await fetch(`${ctx.baseUrl}/local/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  })
  const { token } = (await res.json()) as { token: string }
  const page = await ctx.newPage()
  await page.goto('/pages/index/index')
  await page.evaluate(
    ([o, t]) => window.localStorage.setItem('mutual-aid.local-session', JSON.stringify({ openid: o, token: t })),
    [openid, token],
  )
  return page
}

/** The text input of the TDesign field labelled `label`. */
const field = (page: Page, label: string) => page.locator('.t-input').filter({ hasText: label }).locator('input').first()

/** Clicks the button of the open confirmation dialog. */
async function confirmDialog(page: Page, text: string): Promise<void> {
  const dialog = page.locator('.t-dialog').last()
  await dialog.waitFor()
  await tap(dialog.getByText(text, { exact: true }))
  await dialog.waitFor({ state: 'hidden' }).catch(() => undefined)
}

export async function run(ctx: E2EContext): Promise<void> {
  let claimUrl = ''
  let claimNo = ''

  await ctx.step('worker fills in a WH claim, uploads photos per checklist item and submits once', async () => {
    const page = await signInAs(ctx, WORKER)
    await page.goto('/packages/claims/new/index')
    await page.getByText('重大疾病互助', { exact: true }).first().waitFor()
    await page.getByText('现在可以申请什么').waitFor()
    // A worker filing for himself is offered 确诊 only: 身故抚恤 is the family's.
    assert((await page.getByText('身故申请', { exact: true }).count()) === 0, 'a worker is offered 身故 for himself')
    await ctx.screenshot(page, 'claims-01-start')
    await tap(page.getByText('下一步：填写信息'))

    // Disease: the picker opens with the scheme's list (第二条); confirm the first entry, 恶性肿瘤.
    await tap(page.locator('.t-cell').filter({ hasText: '所患疾病' }))
    await tap(page.locator('.t-picker__confirm'))
    await page.getByText('疾病定义（第二十二条）').waitFor()
    // Dates are picked, never typed, and nothing after today (the business date 2021-06-15) is offered.
    assert((await page.locator('.claims-new input[placeholder="YYYY-MM-DD"]').count()) === 0, 'a date is still typed as text')
    const bound = await lastOffered(page, '确诊日期')
    assert(bound === '2021-06-15', `the diagnosis date picker offers days after today: last offered ${bound}`)
    await pickDate(page, '确诊日期', '2021-05-01')
    await field(page, '医院名称').fill('鄂州市中心医院')
    // 否 / 不确定 for the designated hospital: a warning that says what it means, with the article.
    await tap(page.getByText('否 / 不确定', { exact: true }))
    const warning = page.locator('[data-testid="answer-warning"]')
    await warning.waitFor()
    const warned = await warning.innerText()
    assert(warned.includes('非指定医院') && /第.+条/.test(warned) && !warned.includes('NOT_DESIGNATED') && !warned.includes('[I-'), `ineligible warning: ${warned}`)
    await ctx.screenshot(page, 'claims-02a-ineligible-warning')
    await tap(page.getByText('是', { exact: true }))
    await warning.waitFor({ state: 'detached' })
    await tap(page.getByText('住院治疗', { exact: true }))
    await pickDate(page, '入院日期', '2021-05-01')
    await pickDate(page, '出院日期', '2021-05-20')
    await field(page, '开户银行').fill('中国工商银行鄂州分行')
    await field(page, '银行账号').fill('6222020000000000001')
    await page.getByText('请在 2021-08-28 前提交').first().waitFor()
    await ctx.screenshot(page, 'claims-02-facts')
    await tap(page.getByText('保存，下一步'))

    await page.getByText('拍照或从相册选择').first().waitFor()
    assert(/draftId=/.test(page.url()), `the draft is not in the URL after saving: ${page.url()}`)
    for (const [i, item] of REQUIRED_ITEMS.entries()) {
      const block = page.locator(`[data-item="${item}"]`)
      const chooser = page.waitForEvent('filechooser')
      await tap(block.getByText('拍照或从相册选择'))
      await (await chooser).setFiles(path.join(PHOTOS, `page-${i + 1}.png`))
      await block.getByText('已传 1 页').waitFor()
    }
    // Three more pages of the medical record picked at once: uploaded in parallel, saved with ONE draft save.
    let saves = 0
    page.on('request', (req) => {
      if (req.method() === 'POST' && (req.postData() ?? '').includes('"action":"saveDraft"')) saves += 1
    })
    const chooser = page.waitForEvent('filechooser')
    await tap(page.locator('[data-item="medical_record"]').getByText('拍照或从相册选择'))
    await (await chooser).setFiles([path.join(PHOTOS, 'page-1.png'), path.join(PHOTOS, 'page-2.png'), path.join(PHOTOS, 'page-3.png')])
    await page.locator('[data-item="medical_record"]').getByText('已传 4 页').waitFor()
    assert(saves === 1, `a batch of 3 photos made ${saves} draft saves (expected 1)`)
    // An electronic report as a PDF file, stored as it is.
    const reports = page.locator('[data-item="diagnostic_reports"]')
    const pdfChooser = page.waitForEvent('filechooser')
    await tap(reports.getByText('上传电子文件（PDF/OFD）'))
    await (await pdfChooser).setFiles(await pdfFixture(ctx))
    await reports.getByText('已传 2 页').waitFor()
    await reports.locator('.claim-photos__doc-type').filter({ hasText: 'PDF' }).waitFor()
    // And an OFD e-receipt (the national e-invoice format), stored as it is too.
    const ofdChooser = page.waitForEvent('filechooser')
    await tap(reports.getByText('上传电子文件（PDF/OFD）'))
    await (await ofdChooser).setFiles(await ofdFixture())
    await reports.getByText('已传 3 页').waitFor()
    await reports.locator('.claim-photos__doc-type').filter({ hasText: 'OFD' }).waitFor()
    await ctx.screenshot(page, 'claims-03-photos')

    // Reload: the draft with its pages is kept, each photo shown again as a thumbnail through its temporary link.
    await page.reload()
    await page.locator('[data-item="medical_record"]').getByText('已传 4 页').waitFor()
    await page.locator('[data-item="medical_record"] img.claim-photos__thumb, [data-item="medical_record"] .claim-photos__thumb img').first().waitFor()
    await ctx.screenshot(page, 'claims-03b-thumbnails-after-reload')

    await tap(page.getByText('下一步', { exact: true }))
    await page.getByText('医疗健康信息处理授权').first().waitFor()
    await tap(page.getByText('我已阅读并同意上述授权'))
    await ctx.screenshot(page, 'claims-04-consent')
    await tap(page.getByText('提交申请', { exact: true }))
    await confirmDialog(page, '提交')
    await page.waitForURL(/\/packages\/claims\/detail\/index\?id=/)
    await page.getByText('待单位确认').first().waitFor()
    claimUrl = new URL(page.url()).pathname + new URL(page.url()).search
    claimNo = (await page.locator('.claims-list-item__no').first().innerText()).trim()
    assert(/^WH2021-\d{6}$/.test(claimNo), `unexpected claim number ${claimNo}`)
    await ctx.screenshot(page, 'claims-05-submitted')
    await page.context().close()
  })

  for (const [who, openid] of [
    ['clerk', CLERK],
    ['agent', AGENT],
  ] as const) {
    await ctx.step(`${who} finds the claim in the queue, sees the photos and confirms`, async () => {
      assert(claimUrl, 'no claim was submitted')
      const page = await signInAs(ctx, openid)
      await page.goto('/packages/claims/review/index')
      await tap(page.getByText(claimNo).first())
      await page.waitForURL(/\/packages\/claims\/detail\/index/)
      await page.locator('.claims-detail').getByText('规则核定（供审核参考）').waitFor()
      await page.locator('.claims-detail .claims-thumbs img').first().waitFor()
      const loaded = await page.locator('.claims-detail .claims-thumbs img').first().evaluate(
        (el) =>
          new Promise<number>((resolve) => {
            const img = el as HTMLImageElement
            if (img.complete) resolve(img.naturalWidth)
            else img.onload = () => resolve(img.naturalWidth)
          }),
      )
      assert(loaded > 0, 'the photo did not load through its temporary URL')
      // The PDF report opens as a document (a new tab in a browser).
      const popup = page.context().waitForEvent('page')
      await tap(page.locator('[data-testid="receipt-tile"]').first())
      const opened = await popup
      assert(/\.pdf|temp|file/i.test(opened.url()), `the e-receipt did not open: ${opened.url()}`)
      await opened.close()
      const review = await page.locator('.claims-detail').innerText()
      assert(!/[A-Z]{3,}_[A-Z_]+/.test(review) && !review.includes('[I-'), `raw codes or reading markers on the claim page: ${review.match(/[A-Z]{3,}_[A-Z_]+|\[I-\d+\]/)?.[0]}`)
      await ctx.screenshot(page, `claims-06-${who}-review`)
      await tap(page.locator('.claims-detail').getByText('确认无误', { exact: true }))
      await confirmDialog(page, '确认')
      await page.locator('.claims-detail').getByText(who === 'clerk' ? '待代理单位确认' : '待互助办审批').first().waitFor()
      await page.context().close()
    })
  }

  await ctx.step('office approves the computed amount (article shown) and marks it paid', async () => {
    const page = await signInAs(ctx, OFFICE)
    await page.goto('/packages/claims/review/index')
    await page.getByText(claimNo).first().waitFor()
    await ctx.screenshot(page, 'claims-07-office-queue')
    await page.goto(claimUrl)
    const assessment = page.locator('.claims-assessment')
    await assessment.waitFor()
    const text = await assessment.innerText()
    assert(text.includes('20,000.00'), `the computed amount is not shown: ${text}`)
    assert(text.includes('第七条'), `the article is not shown: ${text}`)
    assert(text.includes('审批期限'), 'the review due date is not shown')
    await ctx.screenshot(page, 'claims-08-office-assessment')
    await tap(page.getByText('核准', { exact: true }))
    await tap(page.getByText('按核定金额核准'))
    await confirmDialog(page, '核准')
    await page.getByText('已核准，待支付').first().waitFor()
    await tap(page.getByText('登记支付', { exact: true }))
    await field(page, '转账凭证号').fill('TR-20210615-0001')
    await tap(page.getByText('确认已支付'))
    await confirmDialog(page, '登记支付')
    await page.locator('.claims-decision').getByText('已支付', { exact: false }).first().waitFor()
    await ctx.screenshot(page, 'claims-09-office-paid')
    await page.goto('/packages/claims/ledger/index')
    await page.locator('[data-fund="WH-2021"]').waitFor()
    const fund = await page.locator('[data-fund="WH-2021"]').innerText()
    assert(fund.includes('20,000.00'), `the ledger does not show the payout: ${fund}`)
    await ctx.screenshot(page, 'claims-10-ledger')
    await page.context().close()
  })

  await ctx.step('worker sees 已支付 with the amount and basis, and the message', async () => {
    const page = await signInAs(ctx, WORKER)
    await page.goto('/packages/claims/list/index')
    const card = page.locator('.claims-list-item').filter({ hasText: claimNo })
    await card.getByText('已支付').waitFor()
    await ctx.screenshot(page, 'claims-11-worker-list')
    await page.goto(claimUrl)
    const decision = await page.locator('.claims-decision').innerText()
    assert(decision.includes('20,000.00') && decision.includes('第七条'), `decision without amount or basis: ${decision}`)
    await ctx.screenshot(page, 'claims-12-worker-detail')
    await page.goto('/packages/claims/inbox/index')
    await page.locator('.claims-message').filter({ hasText: '已支付' }).first().waitFor()
    const inbox = await page.locator('.claims-inbox').innerText()
    assert(!inbox.includes('恶性肿瘤'), 'a message carries the diagnosis')
    await ctx.screenshot(page, 'claims-13-worker-inbox')
    await page.context().close()
  })

  await ctx.step('clerk files on behalf of a worker; a late diagnosis date is refused on the form with the last day', async () => {
    const page = await signInAs(ctx, CLERK)
    await page.goto('/packages/claims/new/index?onBehalf=1')
    await page.locator('.t-search input').first().fill('赵磊')
    await tap(page.getByText('赵磊', { exact: true }))
    await page.getByText('单位经办人代为申请').waitFor()
    await tap(page.getByText('确诊申请', { exact: true }))
    await tap(page.getByText('下一步：填写信息'))
    await pickDate(page, '确诊日期', '2021-01-20')
    await page.getByText('已超过申请期限：最后一天是 2021-05-19').waitFor()
    await ctx.screenshot(page, 'claims-14-clerk-late')
    await tap(page.getByText('保存，下一步'))
    // Still on the form: nothing saved, the missing fields are named.
    await page.getByText('请填写医院名称').waitFor()
    await page.context().close()
  })

  await ctx.step('clerk returns a claim for more materials; the worker adds a page (kept across a reload) and resubmits', async () => {
    const claimId = await fileByApi(ctx, WORKER_2)
    const clerk = await signInAs(ctx, CLERK)
    await clerk.goto(`/packages/claims/detail/index?id=${claimId}`)
    await tap(clerk.locator('.claims-detail').getByText('退回补充', { exact: true }))
    // The form opens at the bottom of the page: it is scrolled into view and its box has the focus.
    await clerk.locator('#claim-return-form').waitFor()
    // Waits for what the clerk sees (the box in view, the cursor in it) rather than a fixed time; the checks below say
    // which of the two did not happen.
    await clerk
      .waitForFunction(
        `(function () { var r = document.querySelector('#claim-return-form').getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0 && !!document.activeElement && document.activeElement.tagName === 'TEXTAREA' })()`,
      )
      .catch(() => undefined)
    await settled(clerk)
    const inView = await clerk.evaluate(`(function () { var r = document.querySelector('#claim-return-form').getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0 })()`)
    assert(inView, 'the return form is not scrolled into view')
    const focused = await clerk.evaluate('document.activeElement ? document.activeElement.tagName : ""')
    assert(focused === 'TEXTAREA', `the return box is not focused (focus on ${focused})`)
    const disabledText = await clerk.getByText('确认退回', { exact: true }).innerText()
    assert(disabledText.includes('确认退回'), 'the disabled 确认退回 lost its text')
    await ctx.screenshot(clerk, 'claims-15a-return-form')
    await clerk.locator('.claims-detail textarea').fill('请补充手术报告的照片，并更正确诊日期')
    await tap(clerk.getByText('确认退回', { exact: true }))
    await confirmDialog(clerk, '退回')
    await clerk.locator('.claims-detail').getByText('需补充材料').first().waitFor()
    await clerk.context().close()

    const page = await signInAs(ctx, WORKER_2)
    await page.goto(`/packages/claims/detail/index?id=${claimId}`)
    await page.getByText('请补充手术报告的照片').first().waitFor()
    await tap(page.getByText('补充材料', { exact: true }))
    // The facts can be corrected on a return: the diagnosis date.
    await pickDate(page, '确诊日期', '2021-05-08')
    await page.locator('[data-testid="resubmit-changes"]').getByText('确诊日期：2021-05-10 → 2021-05-08').waitFor()
    const block = page.locator('[data-item="surgery_report"]')
    const chooser = page.waitForEvent('filechooser')
    await tap(block.getByText('拍照或从相册选择'))
    await (await chooser).setFiles(path.join(PHOTOS, 'page-3.png'))
    await block.getByText('已传 1 页').waitFor()
    await page.reload()
    await tap(page.getByText('补充材料', { exact: true }))
    await page.locator('[data-item="surgery_report"]').getByText('已传 1 页').waitFor()
    await ctx.screenshot(page, 'claims-15-resubmit')
    await tap(page.getByText('重新提交', { exact: true }))
    await confirmDialog(page, '重新提交')
    // 待单位确认 is on the page before the resubmission too (its timeline's first step): wait for the new version.
    await page.locator('.claims-detail').getByText('第 2 版').first().waitFor()
    await page.locator('.claims-detail').getByText('待单位确认').first().waitFor()
    const text = await page.locator('.claims-detail').innerText()
    assert(text.includes('第 2 版') && text.includes('第 1 版'), 'both materials versions should be listed')
    assert(text.includes('补充材料后重新提交'), 'the timeline does not show the resubmission')
    const changes = await page.locator('[data-testid="version-changes"]').first().innerText()
    assert(changes.includes('确诊日期：2021-05-10 → 2021-05-08'), `the corrected facts are not listed with the version: ${changes}`)
    await ctx.screenshot(page, 'claims-16-resubmitted')
    await page.context().close()
  })

  await ctx.step("a family files a death claim: worded for the family, the applicant's relationship and phone asked", async () => {
    const page = await signInAs(ctx, FAMILY)
    await page.goto('/packages/claims/new/index?beneficiary=1')
    await field(page, '参加人姓名').fill('李晓东')
    await field(page, '身份证号').fill('420702198411231256')
    await tap(page.getByText('查找参加记录', { exact: true }))
    await page.getByText('家属可以申请什么').waitFor()
    const start = await page.locator('.claims-new').innerText()
    assert(!start.includes('今天确诊'), 'a bereaved family is told what a diagnosis today would pay')
    await ctx.screenshot(page, 'claims-17-family-start')
    await tap(page.getByText('下一步：填写信息'))
    await tap(page.locator('.t-cell').filter({ hasText: '导致身故的疾病' }))
    await tap(page.locator('.t-picker__confirm').last())
    await pickDate(page, '身故日期', '2021-05-10')
    await tap(page.getByText('因病身故', { exact: true }))
    await field(page, '身故前就医的医院').fill('鄂州市中心医院')
    await tap(page.getByText('是', { exact: true }))
    await tap(page.getByText('未住院', { exact: true }))
    await field(page, '收款人').fill('李小梅')
    await field(page, '开户银行').fill('中国农业银行鄂州分行')
    await field(page, '银行账号').fill('6228480000000000003')
    // Without the applicant's relationship and phone it does not go on, and says why.
    await tap(page.getByText('保存，下一步'))
    await page.getByText('请选择您与参加人的关系').first().waitFor()
    await tap(page.getByText('配偶', { exact: true }))
    await field(page, '联系电话').fill('12345')
    await page.getByText('请填写手机号或带区号的固定电话').first().waitFor()
    await field(page, '联系电话').fill('13907110001')
    await ctx.screenshot(page, 'claims-18-family-facts')
    await tap(page.getByText('保存，下一步'))
    await page.getByText('拍照或从相册选择（可多张）').first().waitFor()
    await ctx.screenshot(page, 'claims-19-family-photos')
    await page.context().close()
  })
}

/** Files a WH claim for `openid` through the HTTP API (the browser's own routes), for steps that start later on. */
async function fileByApi(ctx: E2EContext, openid: string): Promise<string> {
  const res = await fetch(`${ctx.baseUrl}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  const { token } = (await res.json()) as { token: string }
  const call = async (action: string, input: Record<string, unknown>) => {
    const r = await fetch(`${ctx.baseUrl}/fn/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action, ...input }),
    })
    const body = (await r.json()) as { ok: boolean; data?: any; message?: string }
    assert(body.ok, `${action} failed: ${body.message}`)
    return body.data
  }
  const prep = await call('prepare', { target: { mode: 'self' } })
  const facts = {
    disease: 'WH05',
    eventDate: '2021-05-10',
    hospital: '鄂州市中心医院',
    designatedHospital: true,
    inpatient: true,
    admission: '2021-05-10',
    discharge: '2021-05-25',
    payee: { name: prep.person.name, bank: '中国建设银行鄂州分行', account: '6217000000000000002' },
  }
  const base = { participationId: prep.participations[0].id, product: 'critical', kind: 'illness', facts }
  const draft = await call('saveDraft', { ...base, target: { mode: 'self' }, files: {} })
  const files: Record<string, string[]> = {}
  for (const [i, item] of REQUIRED_ITEMS.entries()) {
    const form = new FormData()
    const content = await readFile(path.join(PHOTOS, `page-${i + 1}.png`))
    // Pages are stored under their content's hash, as the app stores them (write-once paths).
    form.append('cloudPath', claimPagePath(draft.draftId, item, createHash('sha256').update(content).digest('hex'), 'png'))
    form.append('file', new Blob([content], { type: 'image/png' }), 'page.png')
    const up = await fetch(`${ctx.baseUrl}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
    files[item] = [((await up.json()) as { fileID: string }).fileID]
  }
  await call('saveDraft', { ...base, draftId: draft.draftId, version: draft.version, files })
  await call('consent', { kind: 'medical_info', version: '2021-01' })
  const submitted = await call('submit', { draftId: draft.draftId, idempotencyKey: `e2e${Date.now()}` })
  return submitted.claimId as string
}
