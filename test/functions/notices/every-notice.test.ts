/**
 * Every subscribe message the functions send, sent for real through the local cloud, which checks each value by its
 * keyword type as WeChat does (47003), the template id (40037), the page (41030), the caller's openapi permission
 * (-604101) and the one-time quota (43101). One story reaches every template: a claim returned, resubmitted, approved
 * and paid (each review level told when it reaches them, the office when its due date nears); a draft near its claim
 * deadline, the TZ window open and a new hire near the 2-month limit (the reminders timer); a TZ declaration reviewed
 * and paid (the bound worker's coverage starts); a unit change reported late; a bank transfer that fails.
 */
import { SUBSCRIBE_ON, TEMPLATE_KEYS, TEMPLATES, localTemplateId } from '../../../contracts/src/templates'
import { makeId } from '../../fixtures/rosters/make-roster'
import { keywordProblem } from '../../../local-cloud/src/wechat/keyword-rules'
import { startSuite as startClaims, fileClaim, okData, AGENT, CLERK_WH, OFFICE, WORKER, WORKER_2, type Suite } from '../claims/helpers'
import { CLERK_TZ, TZ_UNIT, WH_UNIT, WORKER_TZ } from '../enrolment/helpers'
import { addApprovedClaims, bankResultFile, readBankFile } from '../fund/helpers'
import { OFFICE as SETTLE_OFFICE, WORKER_TZ as SETTLE_WORKER, csvOf, importToEnd, startSettleSuite, tzId } from '../settlements/helpers'
import { TZ_PEOPLE } from '../../../scripts/demo-data'

let s: Suite
const PRODUCTS = ['inpatient', 'critical', 'female']

beforeAll(async () => {
  s = await startClaims()
})
afterAll(async () => s?.emu.stop())

const fn = (name: string, openid: string, action: string, input: Record<string, unknown> = {}) => s.emu.callFunction(name, { action, ...input }, { openid })

test('a story that reaches every template: each message passes WeChat’s rules and arrives', async () => {
  // The reviewers subscribed on their earlier review taps (确认, 核准); the second worker on saving a draft.
  await s.emu.subscribe(CLERK_WH, SUBSCRIBE_ON.clerkConfirm)
  await s.emu.subscribe(AGENT, SUBSCRIBE_ON.agentConfirm)
  await s.emu.subscribe(OFFICE, SUBSCRIBE_ON.officeReview)
  await s.emu.subscribe(WORKER_2, SUBSCRIBE_ON.claimDraft)
  await s.emu.subscribe(CLERK_TZ, SUBSCRIBE_ON.declare)
  // A claim: submitted, returned, resubmitted, confirmed, approved, paid.
  const r = await fileClaim(s, WORKER)
  const { claimId } = okData(r.submit)
  okData(await s.call(CLERK_WH, 'confirm', { claimId, version: 1 }))
  okData(await s.call(AGENT, 'return', { claimId, version: 2, reason: '手术报告不清晰，请重新拍摄' }))
  const claim = okData(await s.call(WORKER, 'get', { claimId }))
  okData(await s.call(WORKER, 'resubmit', { claimId, version: 3, facts: claim.facts, files: r.draft!.files }))
  okData(await s.call(AGENT, 'confirm', { claimId, version: 4 }))

  // The reminders timer: the claim's due date three days away (time moved on: set here), a draft whose 120-day
  // deadline is 2021-06-19, a new hire who must join by 2021-06-20, and TZ 2021's open window (the unit not declared).
  await s.db.collection('claims').doc(claimId).update({ data: { dueDate: '2021-06-18' } })
  const prep = okData(await s.call(WORKER_2, 'prepare', { target: { mode: 'self' } }))
  okData(await s.call(WORKER_2, 'saveDraft', { target: { mode: 'self' }, participationId: prep.participations[0].id, product: 'critical', kind: 'illness', facts: { disease: 'WH01', eventDate: '2021-02-20' }, files: {} }))
  expect(await fn('roster', CLERK_WH, 'add', { name: '新同事', idNumber: makeId('420702', '1996-06-06', 9, true), hireDate: '2021-04-20' })).toMatchObject({ ok: true })
  // Told: the two office users (due date), the draft's filer, the TZ clerk (window) and the WH clerk (new hire).
  expect(await s.emu.fireTimer('reminders', 'dispatch')).toMatchObject({ ok: true, data: { sent: 5, complete: true } })
  okData(await s.call(OFFICE, 'decide', { claimId, version: 5, outcome: 'approve' }))
  okData(await s.call(OFFICE, 'markPaid', { claimId, version: 6, paidOn: '2021-06-15', reference: 'BANK-20210615-1' }))

  // A TZ declaration: staff report, declared (the tap subscribes the clerk), approved, paid.
  await s.emu.subscribe(CLERK_TZ, ['enrolmentReviewed', 'enrolmentPaid'])
  expect(await fn('units', CLERK_TZ, 'recordStaffReport', { month: '2021-05', headcount: 14 })).toMatchObject({ ok: true })
  const inService = (await s.db.collection('people').where({ unitId: TZ_UNIT, status: 'in_service' }).orderBy('_id', 'asc').limit(1000).get()).data.map((p: any) => p._id)
  const declared = okData(await fn('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: inService, products: PRODUCTS }))
  const approved = okData(await fn('enrolment', AGENT, 'review', { enrolmentId: declared.enrolmentId, version: declared.version, decision: 'approve' }))
  const paid = await fn('enrolment', OFFICE, 'recordPayment', { enrolmentId: declared.enrolmentId, version: approved.version, amountFen: declared.totalFen, paidOn: '2021-06-15', reference: 'BANK-TZ-1' })
  expect(paid).toMatchObject({ ok: true, data: { status: 'paid' } })

  // A unit change reported 45 days late (WH Art. 23: 15 days): the office, subscribed on its review tap, hears of it.
  const unit = (await fn('units', CLERK_WH, 'get', { unitId: WH_UNIT })).data.unit
  expect(await fn('units', CLERK_WH, 'update', { unitId: WH_UNIT, version: unit.version, changedOn: '2021-05-01', changes: { contactPhone: '13800000011' } })).toMatchObject({ ok: true, data: { late: true } })

  // A bank batch whose transfer fails (issue 14): the worker, subscribed on 到账时提醒我, hears of it.
  const [failing] = await addApprovedClaims({ db: s.db } as any, 1, { prefix: 'notice', filer: WORKER_2 })
  await s.emu.subscribe(WORKER_2, ['claimPayFailed'])
  const made = okData(await fn('fund', OFFICE, 'createBatch', { requestId: 'req-every-notice', claimIds: [failing.id] }))
  const rows = await readBankFile(okData(await fn('fund', OFFICE, 'batchFile', { batchId: made.id })).url)
  okData(await fn('fund', OFFICE, 'markSent', { batchId: made.id, version: made.version }))
  const form = new FormData()
  form.append('cloudPath', `bank-results/${made.id}/result.xlsx`)
  form.append('file', new Blob([new Uint8Array(await bankResultFile(rows, { [failing.claimNo]: '账户已销户' }))]), 'result.xlsx')
  const up = await fetch(`${s.emu.url}/local/upload`, { method: 'POST', headers: { Authorization: `Bearer ${await s.emu.token(OFFICE)}` }, body: form })
  const fileID = ((await up.json()) as { fileID: string }).fileID
  expect(okData(await fn('fund', OFFICE, 'importResult', { batchId: made.id, fileID }))).toMatchObject({ failed: 1, done: true })

  const outbox = await s.emu.outbox()
  const sent = new Set(outbox.map((m: any) => m.templateId))
  // Every template but the 免申即享 proposal, whose story (the bureau's data) is the next test's.
  for (const key of TEMPLATE_KEYS.filter((k) => k !== 'claimProposed')) expect([key, sent.has(localTemplateId(key))]).toEqual([key, true])
  expectWeChatAccepts(outbox)
  // Every inbox entry's push went out, or was refused only for want of a subscription (nobody tapped for it).
  const inbox = (await s.db.collection('messages').limit(1000).get()).data
  const refused = inbox.filter((m: any) => !m.push.ok)
  expect(refused.filter((m: any) => m.push.errCode !== 43101)).toEqual([])
  // The claim's people each got their pushes; the paid notice is its own template.
  const worker = outbox.filter((m: any) => m.touser === WORKER).map((m: any) => m.templateId)
  expect(worker).toEqual(expect.arrayContaining(['claimReceived', 'claimNeedsMaterials', 'claimDecided', 'claimPaid'].map((k) => localTemplateId(k as any))))
  expect(outbox.find((m: any) => m.touser === WORKER && m.templateId === localTemplateId('claimPaid')).data).toMatchObject({ amount2: { value: expect.stringMatching(/^¥\d+\.\d{2}$/) }, date3: { value: '2021年6月15日' } })
  expect(outbox.some((m: any) => m.touser === WORKER_TZ && m.templateId === localTemplateId('coverageStarted'))).toBe(true)
})

test('a second push of one template on one subscription is refused with 43101 and lands only in the inbox', async () => {
  const r = await fileClaim(s, WORKER_2)
  const { claimId } = okData(r.submit)
  // The submit tap granted one claimNeedsMaterials; returning twice needs two.
  okData(await s.call(CLERK_WH, 'return', { claimId, version: 1, reason: '身份证照片不清晰' }))
  const inbox = (await s.db.collection('messages').where({ openid: WORKER_2, template: 'claimNeedsMaterials', 'ref.id': claimId }).get()).data
  expect(inbox).toHaveLength(1)
  expect(inbox[0].push).toMatchObject({ ok: true })
  const claim = okData(await s.call(WORKER_2, 'get', { claimId }))
  // Resubmitting without the tap's subscription (called directly): the next return cannot be pushed.
  okData(await s.emu.callFunction('claims', { action: 'resubmit', claimId, version: 2, facts: claim.facts, files: r.draft!.files }, { openid: WORKER_2 }))
  okData(await s.call(CLERK_WH, 'return', { claimId, version: 3, reason: '病历缺页' }))
  const after = (await s.db.collection('messages').where({ openid: WORKER_2, template: 'claimNeedsMaterials', 'ref.id': claimId }).orderBy('createdAt', 'asc').get()).data
  expect(after).toHaveLength(2)
  expect(after[1].push).toMatchObject({ ok: false, errCode: 43101 })
})

/** What arrived is what WeChat accepts, keyword by keyword (the emulator refused anything else with 47003). */
function expectWeChatAccepts(outbox: any[]): void {
  for (const m of outbox) {
    const key = TEMPLATE_KEYS.find((k) => localTemplateId(k) === m.templateId)!
    const keywords = TEMPLATES[key].keywords as Record<string, string>
    expect(Object.keys(m.data).sort()).toEqual(Object.keys(keywords).sort())
    for (const [name, type] of Object.entries(keywords)) expect([key, name, keywordProblem(type as any, m.data[name].value)]).toEqual([key, name, null])
    expect(m.page.split('?')[0]).toBe(TEMPLATES[key].page)
  }
}

test('免申即享: the bureau’s settlement proposes a claim; the worker, subscribed on binding, is told by a push WeChat accepts', async () => {
  const t = await startSettleSuite()
  try {
    await t.emu.subscribe(SETTLE_WORKER, SUBSCRIBE_ON.bind)
    const line = { id: tzId(0), name: TZ_PEOPLE[0][0], admission: '2021-05-03', discharge: '2021-05-13', selfPay: '4000.00', selfFunded: '800.00', serial: 'EVERY-1' }
    expect(okData(await importToEnd(t, SETTLE_OFFICE, csvOf([line]))).counts.proposed).toBe(1)
    const outbox = await t.emu.outbox(SETTLE_WORKER)
    expect(outbox.map((m: any) => m.templateId)).toContain(localTemplateId('claimProposed'))
    expectWeChatAccepts(outbox)
  } finally {
    await t.emu.stop()
  }
}, 120_000)
