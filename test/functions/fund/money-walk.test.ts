/**
 * The money part of the year, through the functions as the app calls them (issue 14, deliverable 4): two workers' WH
 * claims are filed, confirmed and approved; the office pays them in one
 * bank batch; the bank's result has one failed line. The failed claim is approved again with the bank's reason (the
 * worker reads it on the claim page), the other is 已支付 with the bank's reference, everyone is told once (a push
 * where subscribed, the inbox always) — also when the same file is imported again — and the report reconciles with
 * the ledger to the fen.
 */
import { SUBSCRIBE_ON } from '@mutual-aid/contracts'
import { OFFICE, PAYEE, WH_ILLNESS, WORKER, WORKER_2, confirmToOffice, fileClaim, okData, type Suite as ClaimsSuite } from '../claims/helpers'
import { expectQueriesIndexed } from '../../helpers/query-stats'
import { bankResultFile, batchSent, importAll, startSuite, uploadResult, type Suite } from './helpers'

let s: Suite
let claims: ClaimsSuite
beforeAll(async () => {
  s = await startSuite()
  // The claims helpers file a claim the way the app does; they call the claims function through this adapter.
  claims = { emu: s.emu, db: s.db, call: (openid, action, input) => s.call('claims', openid, action, input) }
}, 120_000)
afterAll(async () => {
  await s?.emu.stop()
})

async function fileAndApprove(openid: string, payee: typeof PAYEE): Promise<{ claimId: string; claimNo: string; amountFen: number }> {
  const filed = await fileClaim(claims, openid, { facts: { ...WH_ILLNESS, payee } })
  const { claimId, claimNo } = okData(filed.submit)
  await confirmToOffice(claims, claimId)
  const { version } = okData(await claims.call(OFFICE, 'get', { claimId }))
  const decided = okData(await claims.call(OFFICE, 'decide', { claimId, version, outcome: 'approve' }))
  return { claimId, claimNo, amountFen: decided.amountFen }
}

const messagesOf = async (claimId: string) => (await s.db.collection('messages').where({ 'ref.id': claimId }).get()).data

it('approved claims paid in a bank batch with one failed line; notified once; the report reconciles with the ledger', async () => {
  const zhang = await fileAndApprove(WORKER, PAYEE)
  const wang = await fileAndApprove(WORKER_2, { name: '王秀英', bank: '中国建设银行鄂州分行', account: '6217000000000000002' })
  const all = [zhang, wang]
  // 2 shares × 10,000 yuan each (renewing, leukaemia: Art. 7).
  expect(all.map((c) => c.amountFen)).toEqual([2_000_000, 2_000_000])
  const before = okData(await s.call('fund', OFFICE, 'report', { family: 'WH', year: 2021 }))
  expect(before.approvedFen).toBe(4_000_000)

  // 张伟 taps 到账时提醒我 on his approved claim: one push each of the payment notices.
  await s.emu.subscribe(WORKER, SUBSCRIBE_ON.claimApproved)
  const outboxBefore = (await s.emu.outbox()).length

  const { batch, rows } = await batchSent(s, all.map((c) => c.claimId), 'req-walk-000001')
  expect(rows.map((r) => r['备注'])).toEqual(all.map((c) => c.claimNo).sort())
  const content = await bankResultFile(rows, { [wang.claimNo]: '收款人账号已冻结' })
  const progress = await importAll(s, batch.id, await uploadResult(s, batch.id, content))
  expect(progress[progress.length - 1]).toMatchObject({ paid: 1, failed: 1, done: true })

  for (const c of [zhang]) {
    const view = okData(await claims.call(OFFICE, 'get', { claimId: c.claimId }))
    expect(view).toMatchObject({ status: 'paid', paid: { paidOn: '2021-06-15' }, paymentBatch: null, payFailure: null })
    expect(view.paid.reference).toMatch(/^BK/)
  }
  // The worker reads the bank's reason on the claim page; the claim is approved again.
  const wangView = okData(await claims.call(WORKER_2, 'get', { claimId: wang.claimId }))
  expect(wangView).toMatchObject({ status: 'approved', paid: null, paymentBatch: null, payFailure: { batchNo: batch.batchNo, reason: '收款人账号已冻结', on: '2021-06-15' } })

  // Told once each: the inbox always, a push where subscribed.
  const paidNotices = (await messagesOf(zhang.claimId)).filter((m: any) => m.template === 'claimPaid')
  expect(paidNotices).toHaveLength(1)
  expect((await messagesOf(wang.claimId)).filter((m: any) => m.template === 'claimPayFailed')).toHaveLength(1)
  const pushes = (await s.emu.outbox()).slice(outboxBefore)
  expect(pushes.filter((p: any) => p.touser === WORKER).map((p: any) => p.data?.character_string1?.value ?? p.templateId ?? p.template_id)).toHaveLength(1)

  // The same file again: nothing more.
  const again = okData(await s.call('fund', OFFICE, 'importResult', { batchId: batch.id, fileID: await uploadResult(s, batch.id, content, 'again.xlsx') }))
  expect(again).toMatchObject({ paid: 1, failed: 1, done: true })
  expect((await messagesOf(zhang.claimId)).filter((m: any) => m.template === 'claimPaid')).toHaveLength(1)
  expect((await s.emu.outbox()).length).toBe(outboxBefore + pushes.length)

  // The report reconciles with the ledger, to the fen.
  const ledger = (await s.db.collection('ledger').where({ family: 'WH', year: 2021 }).limit(1000).get()).data
  const sum = (type: string) => ledger.filter((e: any) => e.type === type).reduce((n: number, e: any) => n + e.amountFen, 0)
  const report = okData(await s.call('fund', OFFICE, 'report', { family: 'WH', year: 2021 }))
  expect(report.paidFen).toBe(2_000_000)
  expect(report.paidFen).toBe(sum('payout'))
  expect(report.contributionsFen).toBe(sum('contribution'))
  expect(report.balanceFen).toBe(sum('contribution') - sum('payout'))
  expect(Object.fromEntries(report.claims.byStatus.map((x: any) => [x.status, x.count]))).toEqual({ paid: 1, approved: 1 })
  expect(report.approvedFen).toBe(4_000_000)
  // The ledger's own view (the claims function's 基金台账) agrees.
  const fund = okData(await claims.call(OFFICE, 'ledger', { family: 'WH', year: 2021 })).funds[0]
  expect(fund).toMatchObject({ contributionsFen: report.contributionsFen, payoutsFen: report.paidFen, balanceFen: report.balanceFen })

  // The failed claim is payable again, and then it can be paid singly (it is in no batch now).
  const { result, queries } = await s.emu.callFunctionWithStats('fund', { action: 'payable' }, { openid: OFFICE })
  expect(okData(result).items.map((c: any) => c.claimId)).toEqual([wang.claimId])
  // The page and its count come from the `payable` index (status, batch, claim number); agents are a handful.
  expectQueriesIndexed(queries, { except: ['agents'] })
  okData(await claims.call(OFFICE, 'markPaid', { claimId: wang.claimId, version: wangView.version, paidOn: '2021-06-15', reference: 'MANUAL-0001' }))
  const final = okData(await s.call('fund', OFFICE, 'report', { family: 'WH', year: 2021 }))
  expect(final.paidFen).toBe(4_000_000)
}, 240_000)
