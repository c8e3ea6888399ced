/**
 * Fixtures for the fund function tests: one emulator per suite on the demo's business date with the demo seed,
 * generated approved claims (as the claims function leaves them: decision, pending payout), and the bank's side —
 * reading our batch file and writing its result file — played with exceljs as a bank's online banking would.
 */
import ExcelJS from 'exceljs'
import { BANK_FILE_COLUMNS, BANK_RESULT_COLUMNS } from '@mutual-aid/contracts'
import type { Emulator } from '../../helpers/emulator'
import { OFFICE, WH_UNIT, WORKER_WH, startSuite as startEnrolmentSuite, type Suite } from '../enrolment/helpers'

export { AGENT, CLERK_WH, OFFICE, WH_UNIT, type Suite } from '../enrolment/helpers'
export const TODAY = '2021-06-15'
export const OFFICE_2 = 'demo-office-02'
export const AGENT_ID = 'agent-chengqu'
export const WORKER = WORKER_WH

/** The enrolment suite's start-up (emulator on the demo's business date, the demo seed, calls checked against the contracts). */
export const startSuite = (options: { faultInjection?: boolean; seed?: boolean } = {}): Promise<Suite> =>
  startEnrolmentSuite(TODAY, options.seed !== false, { faultInjection: options.faultInjection })

/** Uploads a spreadsheet as `openid` through the emulator's client upload (the storage rule applies, as on the page). */
export async function uploadAs(emu: Emulator, openid: string, cloudPath: string, content: Buffer, name = 'result.xlsx'): Promise<string> {
  const token = await emu.token(openid)
  const form = new FormData()
  form.append('cloudPath', cloudPath)
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name)
  const res = await fetch(`${emu.url}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  const body = (await res.json()) as { fileID?: string }
  if (!body.fileID) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`)
  return body.fileID
}

/** What the batch steps below need of a suite: any suite that calls functions and checks the answer (also the year walk's). */
type Caller = Pick<Suite, 'ok'>

export interface GeneratedClaim {
  id: string
  claimNo: string
  amountFen: number
}

/**
 * `count` approved claims of one unit, as the claims function leaves an approval: status approved, the decision with
 * its amount, a pending payout record, the payee from the form. Filed by `filer` (a worker, not the office).
 */
export async function addApprovedClaims(
  s: Suite,
  count: number,
  o: { prefix: string; family?: 'WH' | 'TZ'; year?: number; unitId?: string; unitName?: string; agentId?: string; filer?: string; amountFen?: (i: number) => number },
): Promise<GeneratedClaim[]> {
  const now = new Date()
  const family = o.family ?? 'WH'
  const year = o.year ?? 2021
  const out: GeneratedClaim[] = []
  const claims: any[] = []
  const payouts: any[] = []
  for (let i = 0; i < count; i++) {
    const id = `claim-${o.prefix}-${String(i + 1).padStart(4, '0')}`
    const claimNo = `${family}${year}-${o.prefix.toUpperCase()}${String(i + 1).padStart(4, '0')}`
    const amountFen = o.amountFen ? o.amountFen(i) : 100_000 + i * 1_001
    const payee = { name: `收款人${i + 1}`, bank: '中国工商银行鄂州分行', account: `62220200${String(i + 1).padStart(11, '0')}` }
    claims.push({
      _id: id, claimNo, idempotencyKey: `idem-${id}`, draftId: `draft-${id}`, family, schemeId: family === 'WH' ? 'wh-2020' : 'tz-2021', year,
      product: 'critical', kind: 'illness', participationId: `part-${id}`, personId: `person-${id}`, personName: `参加人${i + 1}`,
      personOpenid: null, unitId: o.unitId ?? WH_UNIT, unitName: o.unitName ?? '明湖精密机械有限公司', agentId: o.agentId ?? AGENT_ID,
      filedBy: { openid: o.filer ?? `worker-${id}`, as: 'worker', name: `参加人${i + 1}` }, status: 'approved',
      facts: { payee }, files: {}, materials: [], history: [], returned: null, submittedOn: '2021-05-01',
      claimDeadline: { date: '2021-08-28', basis: '第十八条' }, assessmentAtSubmit: null, assessmentAtDecision: null,
      materialsCompleteOn: '2021-05-10', dueDate: '2021-06-22',
      decision: { outcome: 'approve', amountFen, computedFen: amountFen, overridden: false, note: null, reasonCode: null, at: new Date('2021-05-20T02:00:00Z'), by: OFFICE_2, byName: '孙莉' },
      proposal: null, payoutId: `payout-${id}`, paid: null, version: 5, createdAt: now, updatedAt: now,
    })
    payouts.push({ _id: `payout-${id}`, claimId: id, claimNo, family, year, amountFen, payee, status: 'pending', paidOn: null, reference: null, createdAt: now, recordedBy: null, recordedAt: null })
    out.push({ id, claimNo, amountFen })
  }
  for (let i = 0; i < claims.length; i += 500) await s.db.collection('claims').add({ data: claims.slice(i, i + 500) })
  for (let i = 0; i < payouts.length; i += 500) await s.db.collection('payouts').add({ data: payouts.slice(i, i + 500) })
  return out
}

/** The rows of our batch file as the bank reads them: header → cell text. */
export async function readBankFile(url: string): Promise<Record<string, string>[]> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`download failed: ${res.status}`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await res.arrayBuffer()) as any)
  const ws = wb.worksheets[0]
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Record<string, string>[] = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    const values = (row.values as unknown[]).slice(1)
    rows.push(Object.fromEntries(headers.map((h, i) => [h, String(values[i] ?? '')])))
  })
  return rows
}

/**
 * The bank's result file for those rows: the same columns plus 处理结果 / 银行流水号 / 失败原因; the lines whose
 * reference is in `failures` failed with the given reason.
 */
export async function bankResultFile(rows: Record<string, string>[], failures: Record<string, string> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('批量转账结果')
  ws.addRow([...BANK_FILE_COLUMNS.map((c) => c.header), ...BANK_RESULT_COLUMNS.map((c) => c.header)])
  rows.forEach((r, i) => {
    const failed = failures[r['备注']]
    ws.addRow([...BANK_FILE_COLUMNS.map((c) => r[c.header]), failed ? '失败' : '成功', failed ? '' : `BK${String(20210615000 + i)}`, failed ?? ''])
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Creates a batch, downloads its file, marks it sent and answers the detail and the bank's view of the file. */
export async function batchSent(s: Caller, claimIds: string[], requestId: string, openid = OFFICE) {
  const created = await s.ok('fund', openid, 'createBatch', { requestId, claimIds })
  const file = await s.ok('fund', openid, 'batchFile', { batchId: created.id })
  const rows = await readBankFile(file.url)
  const sent = await s.ok('fund', openid, 'markSent', { batchId: created.id, version: created.version })
  return { batch: sent, rows }
}

/** Uploads a result file for the batch the way the page does (under bank-results/<batchId>/) and answers its fileID. */
export const uploadResult = (s: Pick<Suite, 'emu'>, batchId: string, content: Buffer, name = 'result.xlsx', openid = OFFICE) =>
  uploadAs(s.emu, openid, `bank-results/${batchId}/${Date.now()}-${name}`, content, name)

/** Imports a result file and keeps calling `continueResult` until the batch is done; answers every progress. */
export async function importAll(s: Caller, batchId: string, fileID: string, openid = OFFICE): Promise<any[]> {
  const steps = [await s.ok('fund', openid, 'importResult', { batchId, fileID })]
  while (!steps[steps.length - 1].done) steps.push(await s.ok('fund', openid, 'continueResult', { batchId }))
  return steps
}
