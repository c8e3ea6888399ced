/**
 * Payouts in bank batches (issue 14, deliverable 3): the office takes approved claims into a batch (each claim at most
 * one open batch, decided by the database), downloads the bank's batch-transfer file, marks it sent and imports the
 * bank's result: paid lines become 已支付 with the bank's reference and a ledger payout entry, failed lines go back
 * to approved with the reason, everyone is told once, and importing the same file twice changes nothing.
 */
import { BANK_FILE_COLUMNS } from '@mutual-aid/contracts'
import { AGENT, CLERK_WH, OFFICE, OFFICE_2, WORKER, addApprovedClaims, bankResultFile, batchSent, importAll, startSuite, uploadResult, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
}, 120_000)
afterAll(async () => {
  await s?.emu.stop()
})

const claimDoc = async (id: string) => (await s.db.collection('claims').doc(id).get()).data
const ledgerOf = async (ids: string[]) => (await s.db.collection('ledger').where({ sourceType: 'claim', sourceId: s.db.command.in(ids) }).get()).data
const messagesOf = async (ref: string) => (await s.db.collection('messages').where({ 'ref.id': ref }).get()).data

it('only the office sees payable claims and makes batches', async () => {
  for (const who of [AGENT, CLERK_WH, WORKER]) {
    expect(await s.call('fund', who, 'payable', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call('fund', who, 'createBatch', { requestId: 'req-forbidden-1', claimIds: ['claim-x'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
})

it('the bank file has the bank columns, one line per claim, the amount in yuan and the claim number as 备注', async () => {
  const claims = await addApprovedClaims(s, 3, { prefix: 'file' })
  const page = await s.ok('fund', OFFICE, 'payable', { limit: 100 })
  expect(page.items.map((c: any) => c.claimNo)).toEqual(expect.arrayContaining(claims.map((c) => c.claimNo)))
  expect(page.items[0].accountMasked).toMatch(/^\*{4}\d{4}$/)
  const { batch, rows } = await batchSent(s, claims.map((c) => c.id), 'req-file-0001')
  expect(batch).toMatchObject({ status: 'sent', lines: 3, totalFen: claims.reduce((n, c) => n + c.amountFen, 0), sentOn: '2021-06-15' })
  expect(Object.keys(rows[0])).toEqual(BANK_FILE_COLUMNS.map((c) => c.header))
  expect(rows[0]).toMatchObject({ 序号: '1', 收款账号: '6222020000000000001', 收款账号名称: '收款人1', 收款账号开户行: '中国工商银行鄂州分行', 金额: '1000.00', 汇款用途: '职工医疗互助金', 备注: claims[0].claimNo })
  expect(rows[1].金额).toBe('1010.01')
  // In a batch: not payable any more, and not payable singly.
  const after = await s.ok('fund', OFFICE, 'payable', { limit: 100 })
  expect(after.items.map((c: any) => c.claimId)).not.toContain(claims[0].id)
  const c0 = await claimDoc(claims[0].id)
  expect(c0).toMatchObject({ paymentBatchId: batch.id, version: 6 })
  const single = await s.call('claims', OFFICE, 'markPaid', { claimId: claims[0].id, version: c0.version, paidOn: '2021-06-15', reference: 'SINGLE-1' })
  expect(single).toMatchObject({ ok: false, code: 'IN_BATCH' })
  expect(await ledgerOf([claims[0].id])).toHaveLength(0)
})

it('a claim paid singly cannot go into a batch', async () => {
  const [c] = await addApprovedClaims(s, 1, { prefix: 'single' })
  await s.ok('claims', OFFICE, 'markPaid', { claimId: c.id, version: 5, paidOn: '2021-06-15', reference: 'SINGLE-2' })
  const answer = await s.call('fund', OFFICE, 'createBatch', { requestId: 'req-single-0001', claimIds: [c.id] })
  expect(answer).toMatchObject({ ok: false, code: 'NOTHING_PAYABLE' })
  expect(answer.message).toContain('已支付')
  expect(await ledgerOf([c.id])).toHaveLength(1)
})

it('the result with one failed line: paid lines 已支付 with the bank reference and a ledger entry, the failed one approved again with the reason; each person told once', async () => {
  const claims = await addApprovedClaims(s, 4, { prefix: 'result' })
  const { batch, rows } = await batchSent(s, claims.map((c) => c.id), 'req-result-001')
  // Importing before the batch is sent is refused; here it is sent. A file of another batch is refused whole.
  const wrong = await bankResultFile(rows.slice(0, 3))
  const wrongId = await uploadResult(s, batch.id, wrong, 'short.xlsx')
  const refused = await s.call('fund', OFFICE, 'importResult', { batchId: batch.id, fileID: wrongId })
  expect(refused).toMatchObject({ ok: false, code: 'BAD_FILE' })
  expect(refused.message).toContain(`缺少第 4 笔`)
  expect((await claimDoc(claims[0].id)).status).toBe('approved')

  const failedNo = claims[2].claimNo
  const content = await bankResultFile(rows, { [failedNo]: '户名与账号不符' })
  const fileID = await uploadResult(s, batch.id, content)
  const steps = await importAll(s, batch.id, fileID)
  expect(steps[steps.length - 1]).toMatchObject({ processed: 4, lines: 4, paid: 3, failed: 1, done: true, status: 'done' })

  const paid = claims.filter((c) => c.claimNo !== failedNo)
  for (const c of paid) {
    const doc = await claimDoc(c.id)
    expect(doc).toMatchObject({ status: 'paid', paymentBatchId: null, paid: { paidOn: '2021-06-15' } })
    expect(doc.paid.reference).toMatch(/^BK/)
    expect(doc.history[doc.history.length - 1]).toMatchObject({ event: 'pay', from: 'approved', to: 'paid', role: 'office', openid: OFFICE })
    expect((await s.db.collection('payouts').doc(`payout-${c.id}`).get()).data).toMatchObject({ status: 'paid', reference: doc.paid.reference })
    expect(await messagesOf(c.id)).toHaveLength(1)
  }
  const failed = await claimDoc(claims[2].id)
  expect(failed).toMatchObject({ status: 'approved', paymentBatchId: null, payFailure: { batchNo: batch.batchNo, reason: '户名与账号不符', on: '2021-06-15' } })
  const failNotice = await messagesOf(claims[2].id)
  expect(failNotice).toHaveLength(1)
  expect(failNotice[0]).toMatchObject({ template: 'claimPayFailed' })
  expect(failNotice[0].body).toContain('户名与账号不符')
  const ledger = await ledgerOf(claims.map((c) => c.id))
  expect(ledger.map((e: any) => e.sourceId).sort()).toEqual(paid.map((c) => c.id).sort())
  expect(ledger.reduce((n: number, e: any) => n + e.amountFen, 0)).toBe(paid.reduce((n, c) => n + c.amountFen, 0))

  // The failed claim is payable again, with the bank's reason for the office.
  const page = await s.ok('fund', OFFICE, 'payable', { limit: 100 })
  expect(page.items.find((c: any) => c.claimId === claims[2].id)?.lastFailure).toContain('户名与账号不符')

  // The same file again changes nothing; another file is refused.
  const before = { ledger: await ledgerOf(claims.map((c) => c.id)), messages: await Promise.all(claims.map((c) => messagesOf(c.id))), batch: await s.ok('fund', OFFICE, 'batch', { batchId: batch.id }) }
  const again = await s.ok('fund', OFFICE, 'importResult', { batchId: batch.id, fileID: await uploadResult(s, batch.id, content, 'again.xlsx') })
  expect(again).toMatchObject({ done: true, paid: 3, failed: 1 })
  expect(await ledgerOf(claims.map((c) => c.id))).toEqual(before.ledger)
  expect(await Promise.all(claims.map((c) => messagesOf(c.id)))).toEqual(before.messages)
  expect(await s.ok('fund', OFFICE, 'batch', { batchId: batch.id })).toEqual(before.batch)
  const other = await bankResultFile(rows)
  expect(await s.call('fund', OFFICE, 'importResult', { batchId: batch.id, fileID: await uploadResult(s, batch.id, other, 'other.xlsx') })).toMatchObject({ ok: false, code: 'RESULT_MISMATCH' })

  // Every step is on the audit record.
  const audit = (await s.db.collection('audit').where({ entityId: batch.id }).get()).data.map((a: any) => a.action)
  expect(audit).toEqual(expect.arrayContaining(['batch.create', 'batch.file.open', 'batch.sent', 'batch.result.import', 'batch.done']))
  const lines = (await s.db.collection('audit').where({ entityId: s.db.command.in(claims.map((c) => c.id)) }).get()).data.map((a: any) => a.action)
  expect(lines.sort()).toEqual(['claim.pay.batch', 'claim.pay.batch', 'claim.pay.batch', 'claim.pay.failed'])
})

it('two office users making batches of the same claims at once never put a claim in two batches', async () => {
  for (let round = 0; round < 5; round++) {
    const claims = await addApprovedClaims(s, 8, { prefix: `race${round}` })
    const ids = claims.map((c) => c.id)
    const answers = await Promise.all([
      s.call('fund', OFFICE, 'createBatch', { requestId: `req-race-${round}-a`, claimIds: ids }),
      s.call('fund', OFFICE_2, 'createBatch', { requestId: `req-race-${round}-b`, claimIds: [...ids].reverse() }),
    ])
    const lines = answers.filter((a) => a.ok).flatMap((a) => a.data.items.map((l: any) => l.claimId))
    expect(lines.sort()).toEqual([...ids].sort())
    for (const c of claims) {
      const doc = await claimDoc(c.id)
      const holder = answers.find((a) => a.ok && a.data.items.some((l: any) => l.claimId === c.id))
      expect(doc.paymentBatchId).toBe(holder?.data.id)
    }
  }
})

it('a 300-line batch is applied across bounded calls, every line once', async () => {
  const claims = await addApprovedClaims(s, 300, { prefix: 'big', amountFen: (i) => 50_000 + i })
  const { batch, rows } = await batchSent(s, claims.map((c) => c.id), 'req-big-00001')
  expect(rows).toHaveLength(300)
  const fileID = await uploadResult(s, batch.id, await bankResultFile(rows, { [claims[7].claimNo]: '账户已销户' }))
  const steps = await importAll(s, batch.id, fileID)
  expect(steps.map((p) => p.processed)).toEqual([50, 100, 150, 200, 250, 300])
  expect(steps[5]).toMatchObject({ paid: 299, failed: 1, done: true })
  const ledger = await s.db.collection('ledger').where({ batchId: batch.id }).limit(1000).get()
  expect(ledger.data).toHaveLength(299)
  expect(new Set(ledger.data.map((e: any) => e.sourceId)).size).toBe(299)
}, 240_000)
