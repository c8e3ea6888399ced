/**
 * Running the fund in the browser (issue 14): two workers' claims are approved (through the HTTP API); the office
 * chooses them on 银行批量支付, makes a batch, downloads the bank file (checked column by column), marks it sent and
 * imports the bank's result with one failed line; the paid worker sees 已支付, the other the bank's reason; the
 * report shows charts and tables that match the ledger, and its Excel export carries the same figures; an agent
 * sees its own units. Then two batches are cut off while being made (the emulator's fault injection stops the call
 * right after a write, as a CloudBase time-out would): the office sees 生成中 with 继续生成 and 取消批次; 继续生成
 * opens the first with its claim once in the bank file, 取消 gives the second's claim back to the payable list.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { BANK_FILE_COLUMNS, BANK_RESULT_COLUMNS } from '../../../contracts/src/fund/bank-file'
import { claimPagePath } from '../../../contracts/src/claims/requests'
import { assert, callApi, confirmDialog, currentPage, fetchRetry, settled, signInAs, tap, tokenOf, type E2EContext } from '../context'
import { WH_PEOPLE } from '../../../scripts/demo-data'

const OFFICE = 'demo-office-01'
const CLERK = 'demo-clerk-wh'
const AGENT = 'demo-agent-01'
// Two WH roster people no other spec claims for (the claims spec pays 张伟's critical illness, which ends his coverage
// for the period): new WeChat users bind to them first, as workers would (2 shares, renewing → 20,000 yuan each).
const PEOPLE = [WH_PEOPLE[5], WH_PEOPLE[6]] // 陈文斌, 杨洋
const WORKERS = ['e2e-fund-worker-1', 'e2e-fund-worker-2']
// One more (黄丽华, bound by no other spec) whose claim goes into the batch that is cut off and cancelled.
const SPARE = WH_PEOPLE[7]
const SPARE_WORKER = 'e2e-fund-worker-3'
const PHOTOS = path.resolve(__dirname, '..', '..', 'fixtures', 'photos')
const ITEMS = ['participant_id', 'discharge_summary', 'diagnostic_reports', 'medical_record']

const call = callApi

/** A worker's leukaemia claim (renewing, 2 shares → 20,000 yuan), confirmed by clerk and agent and approved. */
async function approvedClaim(ctx: E2EContext, worker: string, name: string, account: string): Promise<{ claimId: string; claimNo: string }> {
  const prep = await call(ctx, 'claims', worker, 'prepare', { target: { mode: 'self' } })
  const facts = {
    disease: 'WH05', eventDate: '2021-05-01', hospital: '鄂州市中心医院', designatedHospital: true, inpatient: true, admission: '2021-05-01', discharge: '2021-05-20',
    payee: { name, bank: '中国工商银行鄂州分行', account },
  }
  const base = { participationId: prep.participations[0].id, product: 'critical', kind: 'illness', facts }
  const draft = await call(ctx, 'claims', worker, 'saveDraft', { ...base, target: { mode: 'self' }, files: {} })
  const token = await tokenOf(ctx, worker)
  const files: Record<string, string[]> = {}
  for (const [i, item] of ITEMS.entries()) {
    const content = await readFile(path.join(PHOTOS, `page-${(i % 4) + 1}.png`))
    const form = new FormData()
    form.append('cloudPath', claimPagePath(draft.draftId, item, createHash('sha256').update(content).digest('hex'), 'png'))
    form.append('file', new Blob([content], { type: 'image/png' }), 'page.png')
    const up = await fetchRetry(`${ctx.baseUrl}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
    files[item] = [((await up.json()) as { fileID: string }).fileID]
  }
  await call(ctx, 'claims', worker, 'saveDraft', { ...base, draftId: draft.draftId, version: draft.version, files })
  await call(ctx, 'claims', worker, 'consent', { kind: 'medical_info', version: '2021-01' })
  const { claimId, claimNo } = await call(ctx, 'claims', worker, 'submit', { draftId: draft.draftId, idempotencyKey: `e2e-fund-${worker}-${Date.now()}` })
  for (const who of [CLERK, AGENT]) {
    const { version } = await call(ctx, 'claims', OFFICE, 'get', { claimId })
    await call(ctx, 'claims', who, 'confirm', { claimId, version })
  }
  const { version } = await call(ctx, 'claims', OFFICE, 'get', { claimId })
  await call(ctx, 'claims', OFFICE, 'decide', { claimId, version, outcome: 'approve' })
  return { claimId, claimNo }
}

/**
 * The office's createBatch, stopped right after its second write (the claims are locked, the batch is not opened) —
 * through the emulator's fault injection. Answers the batch id the call would have answered.
 */
async function cutOffBatch(ctx: E2EContext, requestId: string, claimIds: string[]): Promise<string> {
  const res = await fetchRetry(`${ctx.baseUrl}/local/faults/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'fund', event: { action: 'createBatch', requestId, claimIds }, identity: { openid: OFFICE }, crash: { atWrite: 2, when: 'after' } }),
  })
  // `crashed` names the write it stopped at (null when the call ended before reaching it).
  const body = (await res.json()) as { crashed?: { n: number; when: string } | null }
  assert(res.status === 200 && body.crashed?.n === 2, `the cut-off createBatch answered ${res.status}: ${JSON.stringify(body)}`)
  const batchId = `batch-${requestId}`
  const left = await call(ctx, 'fund', OFFICE, 'batch', { batchId })
  assert(left.status === 'building', `the cut-off batch is ${left.status}, not building`)
  return batchId
}

/**
 * The e2e's emulator runs timers on their cron, and fund's `resume` timer (every 5 minutes) finishes a batch left
 * 生成中 by itself. A step that must show 生成中 starts well clear of its next firing: within two minutes of it, it
 * waits until the firing is past.
 */
async function clearOfResumeTimer(ctx: E2EContext): Promise<void> {
  type Timers = { mode: string; now: string; triggers: { fn: string; name: string; next: string | null }[]; fired: { fn: string; trigger: string; time: string; manual: boolean }[] }
  const timers = async () => (await (await fetchRetry(`${ctx.baseUrl}/local/timers`)).json()) as Timers
  const first = await timers()
  const resume = first.triggers.find((t) => t.fn === 'fund' && t.name === 'resume')
  if (first.mode !== 'on' || !resume?.next) return
  const due = Date.parse(resume.next)
  if (due - Date.parse(first.now) >= 120_000) return
  // Waits until the emulator lists that firing as done (by its word, not a guessed time: on a loaded machine the firing
  // itself runs late and takes longer), polling once a second for up to seven minutes.
  for (const until = Date.now() + 7 * 60_000; ; ) {
    await new Promise((r) => setTimeout(r, 1_000))
    const now = await timers()
    if (now.fired.some((f) => f.fn === 'fund' && f.trigger === 'resume' && !f.manual && Date.parse(f.time) >= due)) return
    assert(Date.now() < until, `fund's resume timer due at ${resume.next} has not run after seven minutes`)
  }
}

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

export async function run(ctx: E2EContext): Promise<void> {
  const claims: { claimId: string; claimNo: string }[] = []
  let batchUrl = ''
  const bankRows: string[][] = []

  await ctx.step('the office chooses approved claims and makes a bank batch', async () => {
    for (const [i, [name, idNumber]] of PEOPLE.entries()) await call(ctx, 'auth', WORKERS[i], 'bindWorker', { name, idNumber })
    claims.push(await approvedClaim(ctx, WORKERS[0], PEOPLE[0][0], '6222020000000000001'))
    claims.push(await approvedClaim(ctx, WORKERS[1], PEOPLE[1][0], '6222020000000000002'))
    const page = await signInAs(ctx, OFFICE)
    await page.goto('/packages/fund/batches/index')
    const view = currentPage(page)
    // The list loads with the page (three calls on a busy machine can take a while).
    await view.locator(`[data-claim="${claims[1].claimNo}"]`).waitFor({ timeout: 60_000 })
    for (const c of claims) await tap(view.locator(`[data-claim="${c.claimNo}"]`).locator('.t-checkbox').first())
    await view.getByText('已选 2 笔，合计 40,000.00 元').waitFor()
    await ctx.screenshot(page, 'fund-01-payable')
    await tap(view.getByText('生成支付批次', { exact: true }))
    await confirmDialog(page, '确定')
    await page.waitForURL(/packages\/fund\/batch\/index/)
    batchUrl = new URL(page.url()).pathname + new URL(page.url()).search
    const batch = currentPage(page)
    await batch.getByText('待发送银行').waitFor()
    await ctx.screenshot(page, 'fund-02-batch-open')

    const [download] = await Promise.all([page.waitForEvent('download'), tap(batch.getByText('下载银行文件', { exact: true }))])
    const file = path.join(tmpdir(), `e2e-bank-${Date.now()}.xlsx`)
    await download.saveAs(file)
    const ws = (await readXlsx(file)).worksheets[0]
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String)
    assert(header.join('|') === BANK_FILE_COLUMNS.map((c) => c.header).join('|'), `bank file columns: ${header.join('|')}`)
    ws.eachRow((row, n) => {
      if (n > 1) bankRows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
    })
    assert(bankRows.length === 2 && bankRows.every((r) => r[4] === '20000.00'), `bank file lines: ${JSON.stringify(bankRows)}`)

    await tap(batch.getByText('标记已发送', { exact: true }))
    await confirmDialog(page, '确定')
    await batch.getByText('已发送银行').first().waitFor()
    await page.context().close()
  })

  await ctx.step('the bank result with one failed line: one 已支付 with the bank reference, one back to approved with the reason', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('结果')
    ws.addRow([...BANK_FILE_COLUMNS.map((c) => c.header), ...BANK_RESULT_COLUMNS.map((c) => c.header)])
    bankRows.forEach((r, i) => ws.addRow([...r, i === 1 ? '失败' : '成功', i === 1 ? '' : 'BK20210615001', i === 1 ? '收款账号户名不符' : '']))
    const file = path.join(tmpdir(), `e2e-bank-result-${Date.now()}.xlsx`)
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()))

    const page = await signInAs(ctx, OFFICE)
    await page.goto(batchUrl)
    const view = currentPage(page)
    await view.getByText('导入银行回单', { exact: true }).waitFor({ timeout: 60_000 })
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(view.getByText('导入银行回单', { exact: true }))])
    await chooser.setFiles(file)
    await view.getByText('已完成').first().waitFor({ timeout: 30_000 })
    await view.getByText('已支付 · 银行流水号 BK20210615001').waitFor()
    await view.getByText(/付款失败：收款账号户名不符/).waitFor()
    await ctx.screenshot(page, 'fund-03-batch-done')
    // The failed claim is payable again, with the bank's reason.
    await page.goto('/packages/fund/batches/index')
    await currentPage(page).getByText(/付款失败：收款账号户名不符/).waitFor()
    await ctx.screenshot(page, 'fund-04-payable-again')
    await page.context().close()

    const worker = await signInAs(ctx, WORKERS[1])
    await worker.goto(`/packages/claims/detail/index?id=${claims[1].claimId}`)
    await currentPage(worker).getByText(/银行转账未成功.*收款账号户名不符/).waitFor()
    await ctx.screenshot(worker, 'fund-05-worker-failed')
    await worker.context().close()
    const paid = await signInAs(ctx, WORKERS[0])
    await paid.goto(`/packages/claims/detail/index?id=${claims[0].claimId}`)
    await currentPage(paid).locator('.claims-row__value', { hasText: 'BK20210615001' }).waitFor()
    await paid.context().close()
  })

  await ctx.step('the report: charts and tables that match the ledger, and the same figures in Excel', async () => {
    const ledger = await call(ctx, 'claims', OFFICE, 'ledger', { family: 'WH', year: 2021 })
    const fund = ledger.funds.find((f: any) => f.family === 'WH' && f.year === 2021)
    const page = await signInAs(ctx, OFFICE)
    await page.goto('/packages/fund/report/index')
    const view = currentPage(page)
    await view.locator('[data-section="figures"]').waitFor()
    await view.locator('canvas#chart-status').waitFor()
    const figures = await view.locator('[data-section="figures"]').innerText()
    const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })
    assert(figures.includes(yuan(fund.contributionsFen)) && figures.includes(yuan(fund.payoutsFen)), `figures do not match the ledger ${JSON.stringify(fund)}: ${figures}`)
    // The review deadline cites its article as a person reads it (it showed 第十九条 [I-15]).
    assert(figures.includes('第十九条') && !figures.includes('[I-'), `the review deadline's article: ${figures}`)
    // The chart drew something: its canvas is not blank.
    const painted = await view.locator('canvas#chart-status').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
      return n
    })
    assert(painted > 500, `the status chart painted ${painted} pixels`)
    await ctx.screenshot(page, 'fund-06-report')
    await view.locator('[data-section="rows"]').scrollIntoViewIfNeeded()
    await ctx.screenshot(page, 'fund-07-report-tables')

    const [download] = await Promise.all([page.waitForEvent('download'), tap(view.getByText('导出 Excel', { exact: true }))])
    const file = path.join(tmpdir(), `e2e-report-${Date.now()}.xlsx`)
    await download.saveAs(file)
    const summary = new Map<string, unknown>()
    ;(await readXlsx(file)).getWorksheet('概况')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value))
    assert(summary.get('已收互助金（元）') === fund.contributionsFen / 100, `Excel contributions ${summary.get('已收互助金（元）')}`)
    assert(summary.get('已支付金额（元）') === fund.payoutsFen / 100, `Excel paid ${summary.get('已支付金额（元）')}`)
    await page.context().close()

    const agent = await signInAs(ctx, AGENT)
    await agent.goto('/packages/fund/report/index')
    await currentPage(agent).getByText('范围：本代理单位所辖单位').waitFor()
    await currentPage(agent).locator('[data-section="rows"]').getByText('明湖精密机械有限公司').waitFor()
    await ctx.screenshot(agent, 'fund-08-agent-report')
    await agent.context().close()
  })

  await ctx.step('a batch cut off while being made: 生成中 with 继续生成 and 取消; 继续生成 opens it with its claim once, 取消 gives the claim back', async () => {
    // claims[1] is payable again after its failed line; 黄丽华's claim is the one whose batch is cancelled.
    await call(ctx, 'auth', SPARE_WORKER, 'bindWorker', { name: SPARE[0], idNumber: SPARE[1] })
    const spare = await approvedClaim(ctx, SPARE_WORKER, SPARE[0], '6222020000000000003')

    await clearOfResumeTimer(ctx)
    const continued = await cutOffBatch(ctx, `e2e-cut-continue-${Date.now()}`, [claims[1].claimId])
    const page = await signInAs(ctx, OFFICE)
    await page.goto(`/packages/fund/batch/index?id=${continued}`)
    const view = currentPage(page)
    await view.getByText('生成中', { exact: true }).waitFor({ timeout: 60_000 })
    // What each button does is said on the page, and how far the build came.
    await view.getByText(/点“继续生成”马上完成，或点“取消批次”让所选申请回到待支付列表/).waitFor()
    await view.getByText('已核对 1 / 1 笔申请').waitFor()
    await view.getByText('继续生成', { exact: true }).waitFor()
    await view.getByText('取消批次', { exact: true }).waitFor()
    assert((await view.getByText('下载银行文件', { exact: true }).count()) === 0, 'a batch still being made offers its bank file')
    await ctx.screenshot(page, 'fund-09-batch-building')
    await tap(view.getByText('继续生成', { exact: true }))
    await view.getByText('待发送银行').waitFor({ timeout: 60_000 })
    await view.getByText('共 1 笔，合计 20,000.00 元').waitFor()
    await settled(page)
    await ctx.screenshot(page, 'fund-10-batch-continued')
    const [download] = await Promise.all([page.waitForEvent('download'), tap(view.getByText('下载银行文件', { exact: true }))])
    const file = path.join(tmpdir(), `e2e-bank-continued-${Date.now()}.xlsx`)
    await download.saveAs(file)
    const lines: string[][] = []
    ;(await readXlsx(file)).worksheets[0].eachRow((row, n) => {
      if (n > 1) lines.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
    })
    const reference = BANK_FILE_COLUMNS.findIndex((c) => c.key === 'reference')
    assert(lines.length === 1 && lines[0][reference] === claims[1].claimNo && lines[0][4] === '20000.00', `the continued batch's file: ${JSON.stringify(lines)}`)
    await page.context().close()

    await clearOfResumeTimer(ctx)
    const cancelled = await cutOffBatch(ctx, `e2e-cut-cancel-${Date.now()}`, [spare.claimId])
    const office = await signInAs(ctx, OFFICE)
    // While the batch holds it, the claim is not offered for another batch.
    await office.goto('/packages/fund/batches/index')
    const before = currentPage(office)
    await before.locator('[data-section="payable"] .fund-line, [data-section="payable"] .claims-section__hint').first().waitFor({ timeout: 60_000 })
    assert((await before.locator(`[data-claim="${spare.claimNo}"]`).count()) === 0, `${spare.claimNo} is offered while the cut-off batch holds it`)
    await office.goto(`/packages/fund/batch/index?id=${cancelled}`)
    const cv = currentPage(office)
    await cv.getByText('生成中', { exact: true }).waitFor({ timeout: 60_000 })
    await tap(cv.getByText('取消批次', { exact: true }))
    const dialog = office.locator('.t-dialog').last()
    await dialog.getByText('取消这个批次？').waitFor()
    await dialog.getByText(/取消后所选申请回到“待支付申请”/).waitFor()
    await settled(office)
    await ctx.screenshot(office, 'fund-11-batch-cancel-confirm')
    await confirmDialog(office, '确定')
    await cv.getByText('已取消', { exact: true }).waitFor({ timeout: 60_000 })
    await cv.getByText(/本批次已取消，没有生成银行文件/).waitFor()
    await settled(office)
    await ctx.screenshot(office, 'fund-12-batch-cancelled')
    // The claim is selectable again; claims[1] is held by the continued batch and is not.
    await office.goto('/packages/fund/batches/index')
    const list = currentPage(office)
    await list.locator(`[data-claim="${spare.claimNo}"]`).waitFor({ timeout: 60_000 })
    assert((await list.locator(`[data-claim="${claims[1].claimNo}"]`).count()) === 0, `${claims[1].claimNo} is offered although the continued batch holds it`)
    await tap(list.locator(`[data-claim="${spare.claimNo}"]`).locator('.t-checkbox').first())
    await list.getByText('已选 1 笔，合计 20,000.00 元').waitFor()
    await office.context().close()
  })
}
