/**
 * 免申即享 in the browser: the office imports the bureau's settlement export (good, unmatched and duplicate rows) on the
 * import page and reads the outcome; 余静 opens the proposal and confirms it in two taps (确认领取, then 确认); the
 * clerk, the agent and the office review it — marked 来自医保结算 with the settlement as its evidence — and it is paid.
 * Then a stay she filed by hand meets the bureau's settlement for it: the proposal is held, her claim says so, she
 * withdraws the claim (撤回申请, a confirmation saying the proposal becomes hers to confirm) and confirms the proposal.
 * The TZ unit's 2021 participations are written directly, covered from April (the demo's TZ unit enrols in June at
 * the earliest, in the enrolment spec).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { newParticipation } from '../../../cloudfunctions/_shared/src/participation-doc'
import { residentIdCheckChar } from '../../../shared-rules/src/identity/parse-resident-id'
import { localCloud } from '../../../scripts/sdk-env'
import { TZ_PEOPLE } from '../../../scripts/demo-data'
import { assert, callApi, currentPage, fetchRetry, settled, tap, type E2EContext } from '../context'
import { fileStayByHand, importSettlements, type Transport } from '../../helpers/stay-by-hand'

const OFFICE = 'demo-office-01'
const CLERK = 'demo-clerk-tz'
const AGENT = 'demo-agent-01'
const WORKER = 'demo-worker-tz-1' // 余静

async function tokenOf(ctx: E2EContext, openid: string): Promise<string> {
  const res = await fetch(`${ctx.baseUrl}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  return ((await res.json()) as { token: string }).token
}

async function signInAs(ctx: E2EContext, openid: string): Promise<Page> {
  const token = await tokenOf(ctx, openid)
  const page = await ctx.newPage()
  await page.goto('/pages/index/index')
  await page.evaluate(([o, t]) => window.localStorage.setItem('mutual-aid.local-session', JSON.stringify({ openid: o, token: t })), [openid, token])
  return page
}

async function confirmDialog(page: Page, text: string): Promise<void> {
  const dialog = page.locator('.t-dialog').last()
  await dialog.waitFor()
  await tap(dialog.getByText(text, { exact: true }))
  await dialog.waitFor({ state: 'hidden' }).catch(() => undefined)
}

const field = (page: Page, label: string) => currentPage(page).locator('.t-input').filter({ hasText: label }).locator('input').first()

/** Everyone on the TZ roster enrolled in TZ 2021 (all three products) from 2021-04-01. */
async function enrolTzUnit(ctx: E2EContext): Promise<void> {
  const db = localCloud(ctx.baseUrl).database()
  const people = (await db.collection('people').where({ unitId: 'unit-tz-haiyue' }).limit(100).get()).data
  const now = new Date()
  for (const person of people) {
    const doc = newParticipation(
      { enrolmentId: 'e2e-tz-2021', unit: { _id: 'unit-tz-haiyue', agentId: 'agent-chengqu' }, person, scheme: { id: 'tz-2021', family: 'TZ' }, year: 2021, products: ['inpatient', 'critical', 'female'], shares: 1, firstTime: true },
      now,
      { start: '2021-04-01', end: '2021-12-31' },
    )
    // The enrolment spec (run earlier) may have enrolled the unit from its payment in June: this walk needs cover from
    // April (the stays are in May), so that participation is replaced (one per person and period, Art. 6).
    const earlier = (await db.collection('participations').where({ family: 'TZ', year: 2021, idHash: doc.idHash }).get()).data as { _id: string }[]
    for (const p of earlier) await db.collection('participations').doc(p._id).remove()
    await db.collection('participations').add({ data: { _id: `e2e-part-${person._id}`, ...doc, medicalInsurance: 'employee' } })
  }
}

/** The bureau's export: 余静 (DOMAIN example 5), 杜明, someone who is not a participant, 余静's row repeated, a same-day stay. */
function exportFile(): string {
  const stranger = '33100219880808101'
  const strangerId = stranger + residentIdCheckChar(stranger)
  const lines = [
    '身份证号码,姓名,险种,医院名称,医院编码,是否定点,入院日期,出院日期,医疗总费用,统筹基金支付,个人自负,个人自理,结算日期,结算流水号',
    `${TZ_PEOPLE[0][1]},余静,职工医保,台州市中心医院,H33100200001,是,2021-05-03,2021-05-13,12000.00,7200.00,4000.00,800.00,2021-05-13,JS202105130001`,
    `${TZ_PEOPLE[1][1]},杜明,职工医保,台州市中心医院,H33100200001,是,2021-05-20,2021-05-25,6000.00,4000.00,1500.00,0,2021-05-25,JS202105250002`,
    `${strangerId},路人甲,城乡居民医保,台州市立医院,H33100200002,是,2021-05-01,2021-05-04,3000.00,2000.00,1000.00,0,2021-05-04,JS202105040003`,
    `${TZ_PEOPLE[0][1]},余静,职工医保,台州市中心医院,H33100200001,是,2021-05-03,2021-05-13,12000.00,7200.00,4000.00,800.00,2021-05-13,JS202105130001`,
    // In and out the same day with nothing self-paid: not qualifying, for a reason that rests on a reading ([I-7]).
    `${TZ_PEOPLE[2][1]},${TZ_PEOPLE[2][0]},职工医保,台州市中心医院,H33100200001,是,2021-06-01,2021-06-01,300.00,200.00,0,0,2021-06-01,JS202106010004`,
  ]
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-settle-')), 'settlements-2021-05.csv')
  writeFileSync(file, lines.join('\n'), 'utf8')
  return file
}

/** The functions over HTTP, as the app calls them (the steps this spec does not do on screen). */
function transport(ctx: E2EContext): Transport {
  return {
    call: (fn, openid, action, input) => callApi(ctx, fn, openid, action, input),
    async upload(openid, cloudPath, bytes) {
      const form = new FormData()
      form.append('cloudPath', cloudPath)
      form.append('file', new Blob([new Uint8Array(bytes)]), cloudPath.split('/').pop() ?? 'file')
      const r = await fetchRetry(`${ctx.baseUrl}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${await tokenOf(ctx, openid)}` }, body: form })
      const body = (await r.json()) as { fileID?: string; message?: string }
      assert(body.fileID, `upload of ${cloudPath} failed: ${body.message}`)
      return body.fileID
    },
  }
}

export async function run(ctx: E2EContext): Promise<void> {
  let claimUrl = ''

  await ctx.step('office imports the bureau’s export: proposals, an unmatched row with its reason, a duplicate', async () => {
    await enrolTzUnit(ctx)
    const page = await signInAs(ctx, OFFICE)
    await page.goto('/pages/home/index')
    await tap(currentPage(page).getByText('医保结算导入', { exact: true }))
    await page.waitForURL(/\/packages\/settle\/import\/index/)
    const view = currentPage(page)
    await view.getByText('选择结算文件并导入', { exact: true }).waitFor()
    await ctx.screenshot(page, 'settle-01-import-page')
    const chooser = page.waitForEvent('filechooser')
    await tap(view.getByText('选择结算文件并导入', { exact: true }))
    await (await chooser).setFiles(exportFile())
    const counts = view.locator('[data-testid="settle-counts"]')
    await counts.waitFor({ timeout: 60_000 })
    // The result card's own status line (the page's hint text also says 导入完成, from the start).
    await view.locator('[data-testid="settle-result"]').getByText('导入完成（', { exact: false }).waitFor({ timeout: 60_000 })
    const text = await counts.innerText()
    assert(text.includes('已生成待确认补助 2 笔') && text.includes('未匹配参加人 1 行') && text.includes('重复 1 行'), `counts: ${text}`)
    await view.locator('[data-testid="settle-row"]').nth(3).waitFor()
    await ctx.screenshot(page, 'settle-02-result')
    await tap(view.getByText('未匹配 1', { exact: true }))
    const unmatched = view.locator('[data-testid="settle-row"][data-state="unmatched"]')
    await unmatched.first().waitFor()
    const reason = await unmatched.first().innerText()
    assert(reason.includes('未找到') && reason.includes('台总工'), `the unmatched row does not say why with the article: ${reason}`)
    assert(!reason.includes(TZ_PEOPLE[0][1]) && reason.includes('**********'), 'the ID number is not masked')
    await ctx.screenshot(page, 'settle-03-unmatched')
    // The card is named by the file the importer picked, not by its upload path (a number).
    const title = await view.locator('[data-testid="settle-result"] .enrol-card__title').first().innerText()
    assert(title === 'settlements-2021-05.csv', `the result is titled "${title}", not the picked file's name`)
    // A refusal cites its article as a person reads it: the rules' reading marker ([I-7]) is not shown.
    await tap(view.getByText('不符合 1', { exact: true }))
    const refused = view.locator('[data-testid="settle-row"][data-state="not_qualifying"]')
    await refused.first().waitFor()
    const why = await refused.first().innerText()
    assert(why.includes('四(二)1') && !why.includes('[I-'), `the not-qualifying row cites ${why}`)
    await page.context().close()
  })

  await ctx.step('余静 opens the proposal and confirms it in two taps', async () => {
    const page = await signInAs(ctx, WORKER)
    await page.goto('/packages/claims/list/index')
    const card = currentPage(page).locator('.claims-list-item').filter({ hasText: '来自医保结算' }).first()
    await card.waitFor()
    // She filed nothing: the card says where the proposal came from, not 本人申请 · 提交于.
    const said = await card.innerText()
    assert(said.includes('根据医保结算数据生成于') && !said.includes('本人申请'), `the proposal's card says ${said}`)
    await tap(card)
    await page.waitForURL(/\/packages\/claims\/proposal\/index/)
    claimUrl = page.url().replace('/proposal/', '/detail/')
    const view = currentPage(page)
    await view.getByText('您 5月3日–5月13日 住院可领取互助补助', { exact: false }).waitFor()
    assert((await view.locator('[data-testid="proposal-amount"]').innerText()).includes('2,700.00'), 'the amount is not 2,700.00')
    const how = await view.innerText()
    assert(how.includes('240.00') === false || how.includes('2,400.00'), 'the subsidy line is missing')
    assert(how.includes('四(二)1') && how.includes('四(二)2(1)'), `the articles are not shown: ${how.slice(0, 400)}`)
    // No earlier claim to take the account from: she types it once.
    await field(page, '开户银行').fill('中国工商银行台州分行')
    await field(page, '银行账号').fill('6222020000000000099')
    await ctx.screenshot(page, 'settle-04-proposal')
    await tap(view.getByText('确认领取 2,700.00 元', { exact: true }))
    await ctx.screenshot(page, 'settle-05-confirm-dialog')
    await confirmDialog(page, '确认')
    await page.waitForURL(/\/packages\/claims\/detail\/index/)
    await currentPage(page).getByText('待单位确认').first().waitFor()
    await ctx.screenshot(page, 'settle-06-accepted')
    await page.context().close()
  })

  for (const [who, openid, next] of [
    ['clerk', CLERK, '待代理单位确认'],
    ['agent', AGENT, '待互助办审批'],
  ] as const) {
    await ctx.step(`${who} reviews it, marked 来自医保结算 with the settlement as evidence, and confirms`, async () => {
      const page = await signInAs(ctx, openid)
      await page.goto(claimUrl)
      const view = currentPage(page)
      await view.locator('[data-testid="claim-settlement"]').waitFor()
      const evidence = await view.locator('[data-testid="claim-settlement"]').innerText()
      assert(evidence.includes('来自医保结算') && evidence.includes('JS202105130001') && evidence.includes('4,000.00'), `evidence: ${evidence}`)
      const header = await view.locator('.claims-section').first().innerText()
      assert(header.includes('根据医保结算数据生成于') && !header.includes('本人申请'), `the claim's header says ${header}`)
      if (who === 'clerk') await ctx.screenshot(page, 'settle-07-clerk-review')
      await tap(view.getByText('确认无误', { exact: true }))
      await confirmDialog(page, '确认')
      await view.getByText(next).first().waitFor()
      await page.context().close()
    })
  }

  await ctx.step('office approves the computed amount and marks it paid', async () => {
    const page = await signInAs(ctx, OFFICE)
    await page.goto(claimUrl)
    const view = currentPage(page)
    await view.locator('.claims-assessment').waitFor()
    assert((await view.locator('.claims-assessment').innerText()).includes('2,700.00'), 'the computed amount is not shown')
    await tap(view.getByText('核准', { exact: true }))
    await tap(view.getByText('按核定金额核准'))
    await confirmDialog(page, '核准')
    await view.getByText('已核准，待支付').first().waitFor()
    await tap(view.getByText('登记支付', { exact: true }))
    await field(page, '转账凭证号').fill('TR-20210615-0099')
    await tap(view.getByText('确认已支付'))
    await confirmDialog(page, '登记支付')
    await view.locator('.claims-decision').getByText('已支付', { exact: false }).first().waitFor()
    await ctx.screenshot(page, 'settle-08-paid')
    await page.context().close()
  })

  await ctx.step('余静’s stay filed by hand holds the bureau’s proposal; she withdraws her claim and confirms the proposal', async () => {
    const api = transport(ctx)
    const payee = { name: '余静', bank: '中国工商银行台州分行', account: '6222020000000000099' }
    const manual = await fileStayByHand(api, WORKER, { admission: '2021-06-01', discharge: '2021-06-04', selfPayFen: 50_000, payee })
    const header = '身份证号码,姓名,险种,医院名称,医院编码,是否定点,入院日期,出院日期,医疗总费用,统筹基金支付,个人自负,个人自理,结算日期,结算流水号'
    await importSettlements(api, OFFICE, [header, `${TZ_PEOPLE[0][1]},余静,职工医保,台州市中心医院,H33100200001,是,2021-06-01,2021-06-04,3000.00,2000.00,500.00,0,2021-06-04,JS202106040009`].join('\n'))
    const page = await signInAs(ctx, WORKER)
    await page.goto(`/packages/claims/detail/index?id=${manual.claimId}`)
    const view = currentPage(page)
    const note = view.locator('[data-testid="held-proposal-note"]')
    await note.waitFor()
    const noteText = await note.innerText()
    assert(noteText.includes('系统已根据医保结算为您生成了这次住院的补助提议') && noteText.includes('请撤回本申请'), `held note: ${noteText}`)
    await ctx.screenshot(page, 'settle-09-held-proposal-note')
    await tap(view.getByText('撤回申请', { exact: true }))
    const form = view.locator('[data-testid="withdraw-form"]')
    await form.waitFor()
    const amount = /补助 ([\d,]+\.\d{2} 元)/.exec(await form.innerText())?.[1]
    assert(amount && (await form.innerText()).includes('转为待您确认'), `the withdraw form does not say the proposal becomes hers: ${await form.innerText()}`)
    await form.locator('textarea').fill('改为领取医保结算生成的补助')
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await ctx.screenshot(page, 'settle-10-withdraw-form')
    await tap(form.getByText('确认撤回', { exact: true }))
    const dialog = page.locator('.t-dialog').last()
    await dialog.waitFor()
    await settled(page)
    const said = await dialog.innerText()
    assert(said.includes('确认撤回这份申请') && said.includes(`${amount}将转为待您确认`) && said.includes('不能恢复'), `dialog: ${said}`)
    await ctx.screenshot(page, 'settle-11-withdraw-dialog')
    await confirmDialog(page, '撤回')
    // The proposal is now hers to confirm: the page takes her to it, the account prefilled from her last claim.
    await page.waitForURL(/\/packages\/claims\/proposal\/index/)
    const proposal = currentPage(page)
    await proposal.getByText('您 6月1日–6月4日 住院可领取互助补助', { exact: false }).waitFor()
    assert((await proposal.locator('[data-testid="proposal-amount"]').innerText()).includes(amount), 'the proposal’s amount differs from the one the withdraw form named')
    await ctx.screenshot(page, 'settle-12-released-proposal')
    await tap(proposal.getByText(`确认领取 ${amount}`, { exact: true }))
    await confirmDialog(page, '确认')
    await page.waitForURL(/\/packages\/claims\/detail\/index/)
    await currentPage(page).getByText('待单位确认').first().waitFor()
    // Her claim by hand: 已撤回, in the timeline with her reason, and nothing left to do on it.
    await page.goto(`/packages/claims/detail/index?id=${manual.claimId}`)
    const withdrawn = currentPage(page)
    await withdrawn.locator('.claims-timeline').getByText('撤回申请 → 已撤回').waitFor()
    const timeline = await withdrawn.locator('.claims-timeline').innerText()
    assert(timeline.includes('撤回原因：改为领取医保结算生成的补助'), `timeline: ${timeline}`)
    assert((await withdrawn.getByText('撤回申请', { exact: true }).count()) === 0, 'a withdrawn claim still offers 撤回申请')
    await ctx.screenshot(page, 'settle-13-withdrawn')
    await page.context().close()
  })
}
