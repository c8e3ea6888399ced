/**
 * Running the fund on the weapp build: an approved claim (filed and approved through the functions) goes into a bank
 * batch chosen on 银行批量支付; the office opens the bank file, marks the batch sent and imports the bank's result
 * from a chat (chooseMessageFile, after the privacy agreement); the report draws its charts on `<canvas type="2d">`
 * nodes (the host's canvas records the drawing: the F2 bars are there) and shows its tables, for the office and an
 * agent. Two batches cut off while being made (the emulator's fault injection stops createBatch after a write): the
 * page shows 生成中 with 继续生成 and 取消批次; 继续生成 opens one with its claim once, 取消 (after a confirmation) gives
 * the other's claim back to 待支付申请.
 */
import ExcelJS from 'exceljs'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BANK_FILE_COLUMNS, BANK_RESULT_COLUMNS, bankAmount } from '@mutual-aid/contracts'
import type { MiniProgram } from '../host/mini-program'
import type { Emulator } from '../../helpers/emulator'
import { WH_PEOPLE } from '../../../scripts/demo-data'
import { assert, type HostRun } from '../context'
import { openFromHome } from './2-claims'
// One retrying fetch for both hosts (the e2e's): the emulator can be slow to accept a connection on a loaded machine.
import { fetchRetry } from '../../e2e/context'

const WORKER = 'demo-worker-wh-2' // 王秀英
const CLERK = 'demo-clerk-wh'
const AGENT = 'demo-agent-01'
const OFFICE = 'demo-office-01'
// Two WH roster people no other flow binds (陈文斌, 杨洋): their claims go into the batches that are cut off.
const CUT_PEOPLE = [WH_PEOPLE[5], WH_PEOPLE[6]]
const CUT_WORKERS = ['weapp-fund-worker-1', 'weapp-fund-worker-2']
const PHOTOS = join(__dirname, '..', '..', 'fixtures', 'photos')
const ITEMS = ['participant_id', 'discharge_summary', 'diagnostic_reports', 'medical_record']

async function tokenOf(url: string, openid: string): Promise<string> {
  const res = await fetchRetry(`${url}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  return ((await res.json()) as { token: string }).token
}

async function call(url: string, fn: string, openid: string, action: string, input: Record<string, unknown>): Promise<any> {
  const r = await fetchRetry(`${url}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${await tokenOf(url, openid)}` }, body: JSON.stringify({ action, ...input }) })
  const body = (await r.json()) as { ok: boolean; data?: any; message?: string }
  assert(body.ok, `${fn}.${action} as ${openid}: ${body.message}`)
  return body.data
}

/** A worker's leukaemia claim (王秀英's by default), confirmed and approved (20,000 yuan), through the functions as the app would call them. */
async function approvedClaim(url: string, worker = WORKER, name = '王秀英', account = '6217000000000000002'): Promise<{ claimId: string; claimNo: string; amountFen: number }> {
  const prep = await call(url, 'claims', worker, 'prepare', { target: { mode: 'self' } })
  const facts = { disease: 'WH05', eventDate: '2021-05-02', hospital: '鄂州市中心医院', designatedHospital: true, inpatient: true, admission: '2021-05-02', discharge: '2021-05-18', payee: { name, bank: '中国建设银行鄂州分行', account } }
  const base = { participationId: prep.participations[0].id, product: 'critical', kind: 'illness', facts }
  const draft = await call(url, 'claims', worker, 'saveDraft', { ...base, target: { mode: 'self' }, files: {} })
  const token = await tokenOf(url, worker)
  const files: Record<string, string[]> = {}
  for (const [i, item] of ITEMS.entries()) {
    const content = readFileSync(join(PHOTOS, `page-${(i % 4) + 1}.png`))
    const form = new FormData()
    form.append('cloudPath', `claims/${draft.draftId}/${item}/${createHash('sha256').update(content).digest('hex')}.png`)
    form.append('file', new Blob([new Uint8Array(content)], { type: 'image/png' }), 'page.png')
    const up = await fetchRetry(`${url}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
    files[item] = [((await up.json()) as { fileID: string }).fileID]
  }
  await call(url, 'claims', worker, 'saveDraft', { ...base, draftId: draft.draftId, version: draft.version, files })
  await call(url, 'claims', worker, 'consent', { kind: 'medical_info', version: '2021-01' })
  const { claimId, claimNo } = await call(url, 'claims', worker, 'submit', { draftId: draft.draftId, idempotencyKey: `weapp-fund-${worker}-${Date.now()}` })
  for (const who of [CLERK, AGENT]) await call(url, 'claims', who, 'confirm', { claimId, version: (await call(url, 'claims', OFFICE, 'get', { claimId })).version })
  const decided = await call(url, 'claims', OFFICE, 'decide', { claimId, version: (await call(url, 'claims', OFFICE, 'get', { claimId })).version, outcome: 'approve' })
  return { claimId, claimNo, amountFen: decided.amountFen }
}

/** The bank's result: the batch file's line, paid. */
async function bankResult(claimNo: string, amountFen: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('结果')
  ws.addRow([...BANK_FILE_COLUMNS.map((c) => c.header), ...BANK_RESULT_COLUMNS.map((c) => c.header)])
  ws.addRow(['1', '6217000000000000002', '王秀英', '中国建设银行鄂州分行', bankAmount(amountFen), '职工医疗互助金', claimNo, '成功', 'BKWEAPP0001', ''])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The bars F2 drew on a chart's canvas: its filled paths and rectangles (the host records every drawing call). */
function drawn(phone: MiniProgram, id: string): number {
  const node = phone.canvases.get(id)
  return node ? node.calls.filter((c) => c.op === 'fill' || c.op === 'fillRect').length : 0
}

/** The office's createBatch stopped right after its second write (claims locked, batch not opened): the batch id. */
async function cutOffBatch(emu: Emulator, requestId: string, claimIds: string[]): Promise<string> {
  const cut = await emu.faults.run({ fn: 'fund', event: { action: 'createBatch', requestId, claimIds }, identity: { openid: OFFICE } }, { atWrite: 2, when: 'after' })
  assert(cut.crashed, `createBatch was not cut off: ${JSON.stringify(cut.result)}`)
  return `batch-${requestId}`
}

/** The lines of the bank file the phone opened last (openDocument's bytes). */
async function openedLines(phone: MiniProgram): Promise<string[][]> {
  const file = phone.files.get(phone.openedDocuments[phone.openedDocuments.length - 1])
  assert(file, '打开的文件不在临时文件中')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer)
  const lines: string[][] = []
  wb.worksheets[0].eachRow((row, n) => {
    if (n > 1) lines.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
  })
  return lines
}

export async function run(ctx: HostRun, _dataDir: string, emu: Emulator): Promise<void> {
  const group = '基金报表与银行批量支付'
  let claim: { claimId: string; claimNo: string; amountFen: number } | null = null

  await ctx.step(group, '互助办选择已核准的申请生成支付批次、打开银行文件、标记已发送', async () => {
    claim = await approvedClaim(ctx.emulatorUrl)
    const phone = ctx.phone(OFFICE)
    await openFromHome(phone, '银行批量支付')
    await phone.waitFor('待支付申请', () => phone.route === 'packages/fund/batches/index' && phone.has(claim!.claimNo))
    await phone.tap(new RegExp(`王秀英 · `))
    await phone.waitFor('已选', () => phone.has('已选 1 笔'))
    await phone.tap(/^生成支付批次$/)
    await phone.waitFor('批次页', () => phone.route === 'packages/fund/batch/index' && phone.has('待发送银行'))
    ctx.facts.set('batchId', String(phone.query.id ?? ''))
    await phone.tap(/^下载银行文件$/)
    await phone.waitFor('打开文件', () => phone.openedDocuments.length === 1)
    await phone.tap(/^标记已发送$/)
    await phone.waitFor('已发送', () => phone.has('已发送银行') && phone.has('导入银行回单'))
  })

  await ctx.step(group, '从聊天记录导入银行回单（先同意隐私保护指引），申请登记为已支付', async () => {
    assert(claim, '没有待支付的申请')
    const phone = ctx.phone(OFFICE)
    await phone.launch(`/packages/fund/batch/index?id=${ctx.facts.get('batchId')}`)
    await phone.waitFor('批次页', () => phone.has('导入银行回单'))
    phone.chatFiles.push({ bytes: await bankResult(claim.claimNo, claim.amountFen), name: '批量转账结果.xlsx' })
    await phone.tap(/^导入银行回单$/)
    await phone.waitFor('隐私保护提示', () => phone.has('用户隐私保护提示'))
    await phone.tap('同意并继续')
    await phone.waitFor('已完成', () => phone.has('已完成') && phone.has('已支付 · 银行流水号 BKWEAPP0001'))
    assert(phone.uploads.some((u) => u.cloudPath.startsWith('bank-results/')), `上传：${JSON.stringify(phone.uploads.map((u) => u.cloudPath))}`)
  })

  await ctx.step(group, '基金报表：图表画在 canvas 上，表格列出各代理单位；代理单位看到本单位', async () => {
    const phone = ctx.phone(OFFICE)
    await openFromHome(phone, '基金报表')
    await phone.waitFor('报表', () => phone.route === 'packages/fund/report/index' && phone.has('基金概况') && phone.has('按代理单位'))
    await phone.waitFor('图表', () => drawn(phone, 'chart-status') > 0 && drawn(phone, 'chart-money') > 0)
    const texts = phone.canvases.get('chart-status')!.calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0]))
    assert(texts.includes('已支付'), `状态图没有“已支付”这一类：${texts.join(' ')}`)
    const agent = ctx.phone(AGENT)
    await openFromHome(agent, '基金报表')
    await agent.waitFor('代理单位报表', () => agent.route === 'packages/fund/report/index' && agent.has('本代理单位所辖单位') && agent.has('明湖精密机械有限公司'))
    await agent.waitFor('图表', () => drawn(agent, 'chart-status') > 0)
  })

  await ctx.step(group, '生成被中断的批次显示“生成中”：继续生成后每笔申请一次，取消批次后申请回到待支付', async () => {
    const cut: Array<{ claimId: string; claimNo: string }> = []
    for (const [i, [name, idNumber]] of CUT_PEOPLE.entries()) {
      await call(ctx.emulatorUrl, 'auth', CUT_WORKERS[i], 'bindWorker', { name, idNumber })
      cut.push(await approvedClaim(ctx.emulatorUrl, CUT_WORKERS[i], name, `621700000000000001${i}`))
    }
    const phone = ctx.phone(OFFICE)
    const continued = await cutOffBatch(emu, 'weapp-cut-continue', [cut[0].claimId])
    await phone.launch(`/packages/fund/batch/index?id=${continued}`)
    await phone.waitFor('生成中', () => phone.has('生成中') && phone.has('已核对 1 / 1 笔申请'))
    assert(phone.has('点“继续生成”马上完成') && phone.has('点“取消批次”让所选申请回到待支付列表'), '没有说明两个按钮各做什么')
    assert(!phone.has('下载银行文件'), '生成中的批次提供了银行文件')
    await phone.tap(/^继续生成$/)
    await phone.waitFor('待发送银行', () => phone.has('待发送银行') && phone.has('共 1 笔'))
    const opened = phone.openedDocuments.length
    await phone.tap(/^下载银行文件$/)
    await phone.waitFor('打开文件', () => phone.openedDocuments.length === opened + 1)
    const lines = await openedLines(phone)
    const reference = BANK_FILE_COLUMNS.findIndex((c) => c.key === 'reference')
    assert(lines.length === 1 && lines[0][reference] === cut[0].claimNo, `继续生成后的银行文件：${JSON.stringify(lines)}`)

    const cancelled = await cutOffBatch(emu, 'weapp-cut-cancel', [cut[1].claimId])
    await phone.launch(`/packages/fund/batch/index?id=${cancelled}`)
    await phone.waitFor('生成中', () => phone.has('生成中') && phone.has('取消批次'))
    const modals = phone.modals.length
    await phone.tap(/^取消批次$/)
    await phone.waitFor('已取消', () => phone.has('已取消') && phone.has('本批次已取消，没有生成银行文件'))
    const asked = phone.modals.slice(modals)
    assert(asked.length === 1 && asked[0].title === '取消这个批次？' && asked[0].content.includes('回到“待支付申请”'), `取消前的确认：${JSON.stringify(asked)}`)
    await openFromHome(phone, '银行批量支付')
    await phone.waitFor('待支付申请', () => phone.route === 'packages/fund/batches/index' && phone.has(cut[1].claimNo))
    assert(!phone.has(cut[0].claimNo), `${cut[0].claimNo} 已在继续生成的批次中，却仍可选择`)
    await phone.tap(new RegExp(`^${CUT_PEOPLE[1][0]} · `))
    await phone.waitFor('已选', () => phone.has('已选 1 笔'))
  })
}
