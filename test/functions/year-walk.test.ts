/**
 * The year (issue 14's "Done when"), in one walk on the emulator, the business date moving on by restarts on the same
 * data — the office runs the fund and the timer reminds everyone on time:
 *
 *   2021-10-15  TZ 2022's window is open but its fees are not announced: no window reminder yet. The office announces
 *               them; the next tick tells the TZ clerk the window is open. The TZ unit declares and pays at the
 *               announced rates (coverage from 2022-01-01). A WH claim goes through clerk and agent — each level's
 *               reviewers hear at the moment it reaches them; a second worker leaves a draft 13 days before its
 *               120-day deadline (第十八条) and hears of it. A second TZ unit joins and does not declare.
 *   2021-11-22  The claim's 第十九条 due date (30 working days) is 4 working days away: the office hears once. A new hire
 *               of the WH unit nears the 第十三条 2-month limit: the clerk hears once.
 *   2021-11-29  The due date has passed: the office hears once more (overdue).
 *   2021-12-01  The office approves that claim and a second one (王秀英's, filed and confirmed today), pays both in one
 *               bank batch; the bank's result has one failed line. The failed claim is approved again with the bank's
 *               reason, the other 已支付 with the bank's reference; everyone is told once, also when the same file is
 *               imported again; the reports (WH 2021, TZ 2022) reconcile with the ledger to the fen.
 *   2021-12-22  TZ 2022's window closes in 9 days: the undeclared unit's clerk hears; the declared one does not.
 *   2022-01-05  The WH renewal window (to 30 January, 第十二条's grace): the WH clerk hears; 2022-01-22: about to close.
 *
 * At every date the timer is fired again and again, and several times at once: each reminder lands in the inbox
 * exactly once and is pushed exactly once to a recipient who subscribed (each holds spare subscriptions, so a second
 * push would be accepted and counted).
 */
import { SUBSCRIBE_ON, localTemplateId, type TemplateKey } from '@mutual-aid/contracts'
import { quote, usccCheckChar } from '@mutual-aid/shared-rules'
import { makeId } from '../fixtures/rosters/make-roster'
import { expectQueriesIndexed } from '../helpers/query-stats'
import { WH_ILLNESS, confirmToOffice, fileClaim, okData, uploadPage, type Suite as ClaimsSuite } from './claims/helpers'
import { bankResultFile, batchSent, importAll, uploadResult } from './fund/helpers'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, TZ_2022_FEES, TZ_2022_NOTICE, WORKER_WH, startYear, type Year } from './schemes/helpers'
import { preparedPeople } from './enrolment/helpers'

const WORKER_WH_2 = 'demo-worker-wh-2'
const CLERK_TZ_2 = 'walk-clerk-tz-2'

let y: Year
beforeAll(async () => {
  y = await startYear('2021-10-15')
})
afterAll(async () => {
  await y?.emu.stop()
})

/** Fires the dispatch timer twice in a row and four times at once, as a busy platform might; answers the ticks. */
async function fireRepeatedly(): Promise<any[]> {
  const first = await y.emu.fireTimer('reminders', 'dispatch')
  const second = await y.emu.fireTimer('reminders', 'dispatch')
  const together = await Promise.all([1, 2, 3, 4].map(() => y.emu.fireTimer('reminders', 'dispatch')))
  const all = [first, second, ...together]
  for (const r of all) expect(r).toMatchObject({ ok: true })
  return all.map((r) => r.data)
}

/** Grants `openid` three sends of each template of a tap (more than any reminder needs: a duplicate would go out). */
async function subscribe(openid: string, moment: keyof typeof SUBSCRIBE_ON): Promise<void> {
  for (let i = 0; i < 3; i++) await y.emu.subscribe(openid, SUBSCRIBE_ON[moment])
}

/** Reminders by kind → recipient and subject, with how many inbox messages each has. */
async function told(): Promise<Record<string, Record<string, number>>> {
  const reminders = (await y.db.collection('reminders').limit(1000).get()).data
  const out: Record<string, Record<string, number>> = {}
  for (const r of reminders) {
    out[r.kind] ??= {}
    out[r.kind][`${r.openid} ${r.ref.id}`] = (await y.db.collection('messages').where({ reminderId: r._id }).count()).total
  }
  return out
}

/** Pushes of one template to one user (the emulator's outbox: sends WeChat accepted). */
const pushes = async (openid: string, template: TemplateKey) => (await y.emu.outbox(openid)).filter((m: any) => m.templateId === localTemplateId(template)).length
const inbox = async (openid: string, kind: string) => (await y.db.collection('reminders').where({ openid, kind }).count()).total as number
const messagesOf = async (openid: string, kind: string) => {
  const ids = (await y.db.collection('reminders').where({ openid, kind }).get()).data.map((r: any) => r.messageId)
  return ids.length ? (await y.db.collection('messages').where({ _id: y.db.command.in(ids) }).count()).total : 0
}

/**
 * Asserts `openid` got exactly `n` reminders of `kind` in the inbox and `pushed` pushes of `template` in all (two kinds
 * may share a template: the due and overdue reminders, the window opening and closing).
 */
async function expectTold(openid: string, kind: string, template: TemplateKey, n: number, pushed = n): Promise<void> {
  expect([openid, kind, await inbox(openid, kind), await messagesOf(openid, kind)]).toEqual([openid, kind, n, n])
  expect([openid, template, await pushes(openid, template)]).toEqual([openid, template, pushed])
}

let claimId = ''
let newHireId = ''
/** What the TZ unit paid for 2022 (the TZ 2022 report's contributions). */
let tzPaidFen = 0

describe('2021-10-15: fees announced, window reminders, declaration, a claim through two levels, a draft near its deadline', () => {
  it('no window reminder while TZ 2022 fees are pending (a clerk could not declare)', async () => {
    await subscribe(CLERK_TZ, 'declare')
    const ticks = await fireRepeatedly()
    expect(ticks[0]).toMatchObject({ day: '2021-10-15', complete: true })
    expect(await inbox(CLERK_TZ, 'window_open')).toBe(0)
  })

  it('the office announces the fees; the next ticks tell the TZ clerk once that the window is open', async () => {
    await y.ok('schemes', OFFICE, 'announceFees', { schemeId: 'tz-2022', fees: TZ_2022_FEES, notice: TZ_2022_NOTICE, announcedOn: '2021-10-15' })
    const ticks = await fireRepeatedly()
    expect(ticks.reduce((n, t) => n + t.sent, 0)).toBe(1)
    await expectTold(CLERK_TZ, 'window_open', 'enrolmentWindow', 1)
    const msg = (await y.db.collection('messages').where({ openid: CLERK_TZ, reminderId: y.db.command.exists(true) }).get()).data[0]
    expect(msg.title).toBe('台州2022年度参保申报已开始')
    expect(msg.body).toContain('2021-10-10 至 2021-12-31')
  })

  it('the TZ unit declares and pays at the announced rates', async () => {
    await y.ok('units', CLERK_TZ, 'recordStaffReport', { month: '2021-09', headcount: 14 })
    const p = await y.ok('enrolment', CLERK_TZ, 'prepare', {})
    const people = await preparedPeople(y.ok, CLERK_TZ, p.year)
    const ids = people.filter((x: any) => x.status === 'in_service').map((x: any) => x._id)
    const expected = quote({ scheme: p.rules, unitType: 'private', coverageStart: p.coverageStartEstimate, products: ['inpatient', 'critical', 'female'], participants: people.filter((x: any) => x.status === 'in_service').map((x: any) => ({ firstTime: true, sex: x.sex })) })
    const submitted = await y.ok('enrolment', CLERK_TZ, 'submit', { year: 2022, personIds: ids, products: ['inpatient', 'critical', 'female'] })
    expect(submitted.totalFen).toBe((expected as any).totalFen)
    const got = (await y.ok('enrolment', AGENT, 'get', { enrolmentId: submitted.enrolmentId })).enrolment
    const approved = await y.ok('enrolment', AGENT, 'review', { enrolmentId: submitted.enrolmentId, version: got.version, decision: 'approve' })
    const paid = await y.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId: submitted.enrolmentId, version: approved.version, amountFen: submitted.totalFen, paidOn: '2021-10-15', reference: 'TZ22-0001' })
    expect(paid).toMatchObject({ status: 'paid', coverageStart: '2022-01-01', coverageEnd: '2022-12-31' })
    tzPaidFen = submitted.totalFen
  })

  it('a claim reaches each level and that level hears at that moment, once; the timer adds nothing', async () => {
    await subscribe(CLERK_WH, 'clerkConfirm')
    await subscribe(AGENT, 'agentConfirm')
    await subscribe(OFFICE, 'officeReview')
    const prep = await y.ok('claims', WORKER_WH, 'prepare', { target: { mode: 'self' } })
    const participationId = prep.participations.find((x: any) => x.year === 2021).id
    const facts = { disease: 'WH05', eventDate: '2021-09-01', hospital: '鄂州市中心医院', designatedHospital: true, inpatient: true, admission: '2021-09-01', discharge: '2021-09-20', payee: { name: '张伟', bank: '中国工商银行鄂州分行', account: '6222020000000000001' } }
    const d = await y.ok('claims', WORKER_WH, 'saveDraft', { target: { mode: 'self' }, participationId, product: 'critical', kind: 'illness', facts, files: {} })
    const files: Record<string, string[]> = {}
    for (const [i, item] of ['participant_id', 'discharge_summary', 'diagnostic_reports', 'medical_record'].entries()) files[item] = [await uploadPage(y.emu, WORKER_WH, d.draftId, item, i + 1)]
    await y.ok('claims', WORKER_WH, 'saveDraft', { draftId: d.draftId, version: d.version, participationId, product: 'critical', kind: 'illness', facts, files })
    await y.ok('claims', WORKER_WH, 'consent', { kind: 'medical_info', version: '2021-01' })
    // A double tap: the same submission twice at once.
    const [a, b] = await Promise.all([1, 2].map(() => y.ok('claims', WORKER_WH, 'submit', { draftId: d.draftId, idempotencyKey: 'walk-claim-1' })))
    expect(a.claimId).toBe(b.claimId)
    claimId = a.claimId
    await expectTold(CLERK_WH, 'claim_level', 'reviewPending', 1)
    const version = async () => (await y.ok('claims', OFFICE, 'get', { claimId })).version
    await y.ok('claims', CLERK_WH, 'confirm', { claimId, version: await version() })
    await expectTold(AGENT, 'claim_level', 'reviewPending', 1)
    await y.ok('claims', AGENT, 'confirm', { claimId, version: await version() })
    await expectTold(OFFICE, 'claim_level', 'reviewPending', 1)
    const detail = await y.ok('claims', OFFICE, 'get', { claimId })
    expect(detail).toMatchObject({ status: 'agent_confirmed', materialsCompleteOn: '2021-10-15', dueDate: '2021-11-26' })
    await fireRepeatedly()
    for (const [who] of [[CLERK_WH], [AGENT], [OFFICE]]) await expectTold(who, 'claim_level', 'reviewPending', 1)
    expect(await inbox(OFFICE, 'review_due')).toBe(0)
  })

  it('an unsubmitted draft 13 days before its 120-day deadline: its filer hears once', async () => {
    await subscribe(WORKER_WH_2, 'claimDraft')
    const prep = await y.ok('claims', WORKER_WH_2, 'prepare', { target: { mode: 'self' } })
    const participationId = prep.participations.find((x: any) => x.year === 2021).id
    // First diagnosis 2021-07-01 → the last day to claim is 2021-10-28 (第十八条, day 120 counts).
    await y.ok('claims', WORKER_WH_2, 'saveDraft', { target: { mode: 'self' }, participationId, product: 'critical', kind: 'illness', facts: { disease: 'WH01', eventDate: '2021-07-01' }, files: {} })
    await fireRepeatedly()
    await expectTold(WORKER_WH_2, 'draft_deadline', 'claimDraftDeadline', 1)
    const r = (await y.db.collection('reminders').where({ openid: WORKER_WH_2, kind: 'draft_deadline' }).get()).data[0]
    expect(r.title).toBe('互助金申请还没有提交，最后一天是 2021-10-28')
    expect(r.body).toContain('第十八条')
  })

  it('a second TZ unit joins (office creates it, its clerk accepts the invitation) and hears the window is open', async () => {
    const first17 = '91331002MA2H7Q3L6'
    const unit = await y.ok('units', OFFICE, 'create', {
      name: '海川电器有限公司', uscc: first17 + usccCheckChar(first17), unitType: 'private', finance: false, family: 'TZ', agentId: 'agent-chengqu',
      contactName: '方明', contactPhone: '13800000009', address: '城区海川路 9 号',
    })
    const invite = await y.ok('units', OFFICE, 'createInvite', { unitId: unit.unitId })
    await y.ok('auth', CLERK_TZ_2, 'acceptInvite', { code: invite.code, name: '方明' })
    await subscribe(CLERK_TZ_2, 'declare')
    await fireRepeatedly()
    await expectTold(CLERK_TZ_2, 'window_open', 'enrolmentWindow', 1)
    await expectTold(CLERK_TZ, 'window_open', 'enrolmentWindow', 1)
  })

  it('a new hire is added to the WH roster', async () => {
    const added = await y.ok('roster', CLERK_WH, 'add', { name: '新员工甲', idNumber: makeId('420702', '1995-05-05', 7, false), hireDate: '2021-10-01' })
    newHireId = added.personId
    await fireRepeatedly()
    expect(await inbox(CLERK_WH, 'new_hire')).toBe(0)
  })
})

describe('2021-11-22 and 2021-11-29: the review due date near, then past; the new hire near the 2-month limit', () => {
  it('near: the office hears once that the claim is due on 2021-11-26; the clerk once that the new hire must join by 2021-12-01', async () => {
    y = await y.moveTo('2021-11-22')
    await fireRepeatedly()
    await expectTold(OFFICE, 'review_due', 'reviewDue', 1)
    await expectTold(CLERK_WH, 'new_hire', 'newHireDeadline', 1)
    const r = (await y.db.collection('reminders').where({ kind: 'new_hire' }).get()).data[0]
    expect(r).toMatchObject({ ref: { id: newHireId }, title: '新职工新员工甲参加互助的期限是 2021-12-01' })
    expect(await inbox(OFFICE, 'review_overdue')).toBe(0)
  })

  it('past: the office hears once that it is overdue; nothing else is told again', async () => {
    y = await y.moveTo('2021-11-29')
    await fireRepeatedly()
    await expectTold(OFFICE, 'review_overdue', 'reviewDue', 1, 2)
    const r = (await y.db.collection('reminders').where({ kind: 'review_overdue' }).get()).data[0]
    expect(r.body).toContain('应于 2021-11-26 前作出审批结论')
    await expectTold(OFFICE, 'claim_level', 'reviewPending', 1)
    await expectTold(CLERK_WH, 'new_hire', 'newHireDeadline', 1)
    await expectTold(WORKER_WH_2, 'draft_deadline', 'claimDraftDeadline', 1)
  })
})

describe('2021-12-01: the office approves, pays in a bank batch with one failed line, and the reports reconcile', () => {
  // The claims helpers file a claim the way the app does; they call the claims function through this adapter.
  const claims = (): ClaimsSuite => ({ emu: y.emu, db: y.db, call: (openid, action, input) => y.call('claims', openid, action, input) })
  const messagesOf = async (id: string) => (await y.db.collection('messages').where({ 'ref.id': id }).get()).data
  const WANG_PAYEE = { name: '王秀英', bank: '中国建设银行鄂州分行', account: '6217000000000000002' }
  let zhang = { claimId: '', claimNo: '', amountFen: 0 }
  let wang = { claimId: '', claimNo: '', amountFen: 0 }

  const approve = async (id: string) => {
    const { version, claimNo } = okData(await claims().call(OFFICE, 'get', { claimId: id }))
    const decided = okData(await claims().call(OFFICE, 'decide', { claimId: id, version, outcome: 'approve' }))
    return { claimId: id, claimNo: claimNo as string, amountFen: decided.amountFen as number }
  }

  it('the overdue claim and a second one, filed and confirmed today, are approved', async () => {
    y = await y.moveTo('2021-12-01')
    zhang = await approve(claimId)
    // 王秀英's leukaemia, diagnosed in November: within 第十八条's 120 days.
    const facts = { ...WH_ILLNESS, eventDate: '2021-11-10', admission: '2021-11-10', discharge: '2021-11-25', payee: WANG_PAYEE }
    const filed = await fileClaim(claims(), WORKER_WH_2, { facts })
    const { claimId: wangId } = okData(filed.submit)
    await confirmToOffice(claims(), wangId)
    wang = await approve(wangId)
    // 2 shares × 10,000 yuan each (renewing, leukaemia: Art. 7).
    expect([zhang, wang].map((c) => c.amountFen)).toEqual([2_000_000, 2_000_000])
    const before = okData(await y.call('fund', OFFICE, 'report', { family: 'WH', year: 2021 }))
    expect(before.approvedFen).toBe(4_000_000)
    // Her claim reached each level, and each level heard at that moment; the decided claims leave the timer nothing.
    await fireRepeatedly()
    await expectTold(CLERK_WH, 'claim_level', 'reviewPending', 2)
    await expectTold(OFFICE, 'review_overdue', 'reviewDue', 1, 2)
  })

  it('both paid in one bank batch; the bank fails one line: approved again with the reason, the other 已支付; each told once', async () => {
    // 张伟 taps 到账时提醒我 on his approved claim: one push of the payment notice.
    await y.emu.subscribe(WORKER_WH, SUBSCRIBE_ON.claimApproved)
    const outboxBefore = (await y.emu.outbox()).length
    const all = [zhang, wang]
    const { batch, rows } = await batchSent(y, all.map((c) => c.claimId), 'req-walk-000001')
    expect(rows.map((r) => r['备注'])).toEqual(all.map((c) => c.claimNo).sort())
    const content = await bankResultFile(rows, { [wang.claimNo]: '收款人账号已冻结' })
    const progress = await importAll(y, batch.id, await uploadResult(y, batch.id, content))
    expect(progress[progress.length - 1]).toMatchObject({ paid: 1, failed: 1, done: true })

    const view = okData(await claims().call(OFFICE, 'get', { claimId: zhang.claimId }))
    expect(view).toMatchObject({ status: 'paid', paid: { paidOn: '2021-12-01' }, paymentBatch: null, payFailure: null })
    expect(view.paid.reference).toMatch(/^BK/)
    // The worker reads the bank's reason on the claim page; the claim is approved again.
    const wangView = okData(await claims().call(WORKER_WH_2, 'get', { claimId: wang.claimId }))
    expect(wangView).toMatchObject({ status: 'approved', paid: null, paymentBatch: null, payFailure: { batchNo: batch.batchNo, reason: '收款人账号已冻结', on: '2021-12-01' } })

    // Told once each: the inbox always, a push where subscribed.
    expect((await messagesOf(zhang.claimId)).filter((m: any) => m.template === 'claimPaid')).toHaveLength(1)
    expect((await messagesOf(wang.claimId)).filter((m: any) => m.template === 'claimPayFailed')).toHaveLength(1)
    const pushes = (await y.emu.outbox()).slice(outboxBefore)
    expect(pushes.filter((p: any) => p.touser === WORKER_WH)).toHaveLength(1)

    // The same file again: nothing more.
    const again = okData(await y.call('fund', OFFICE, 'importResult', { batchId: batch.id, fileID: await uploadResult(y, batch.id, content, 'again.xlsx') }))
    expect(again).toMatchObject({ paid: 1, failed: 1, done: true })
    expect((await messagesOf(zhang.claimId)).filter((m: any) => m.template === 'claimPaid')).toHaveLength(1)
    expect((await y.emu.outbox()).length).toBe(outboxBefore + pushes.length)
  })

  it('the reports reconcile with the ledger to the fen: WH 2021 (contributions, payouts, balance) and TZ 2022 (the payment)', async () => {
    const ledgerOf = async (family: string, year: number) => (await y.db.collection('ledger').where({ family, year }).limit(1000).get()).data
    const sum = (entries: any[], type: string) => entries.filter((e: any) => e.type === type).reduce((n: number, e: any) => n + e.amountFen, 0)
    const ledger = await ledgerOf('WH', 2021)
    const report = okData(await y.call('fund', OFFICE, 'report', { family: 'WH', year: 2021 }))
    expect(report.paidFen).toBe(2_000_000)
    expect(report.paidFen).toBe(sum(ledger, 'payout'))
    expect(report.contributionsFen).toBe(sum(ledger, 'contribution'))
    expect(report.balanceFen).toBe(sum(ledger, 'contribution') - sum(ledger, 'payout'))
    expect(Object.fromEntries(report.claims.byStatus.map((x: any) => [x.status, x.count]))).toEqual({ paid: 1, approved: 1 })
    expect(report.approvedFen).toBe(4_000_000)
    // The ledger's own view (the claims function's 基金台账) agrees.
    const fund = okData(await claims().call(OFFICE, 'ledger', { family: 'WH', year: 2021 })).funds[0]
    expect(fund).toMatchObject({ contributionsFen: report.contributionsFen, payoutsFen: report.paidFen, balanceFen: report.balanceFen })
    // TZ 2022: what the unit paid in the window at the announced rates is the fund's contributions.
    const tz = okData(await y.call('fund', OFFICE, 'report', { family: 'TZ', year: 2022 }))
    expect(tz.contributionsFen).toBe(tzPaidFen)
    expect(tz.contributionsFen).toBe(sum(await ledgerOf('TZ', 2022), 'contribution'))
    expect(tz.participants.total).toBeGreaterThan(0)

    // The failed claim is payable again, and then it can be paid singly (it is in no batch now).
    const { result, queries } = await y.emu.callFunctionWithStats('fund', { action: 'payable' }, { openid: OFFICE })
    expect(okData(result).items.map((c: any) => c.claimId)).toEqual([wang.claimId])
    // The page and its count come from the `payable` index (status, batch, claim number); agents are a handful.
    expectQueriesIndexed(queries, { except: ['agents'] })
    const { version } = okData(await claims().call(OFFICE, 'get', { claimId: wang.claimId }))
    okData(await claims().call(OFFICE, 'markPaid', { claimId: wang.claimId, version, paidOn: '2021-12-01', reference: 'MANUAL-0001' }))
    const final = okData(await y.call('fund', OFFICE, 'report', { family: 'WH', year: 2021 }))
    expect(final.paidFen).toBe(4_000_000)
  })
})

describe('2021-12-22: the TZ window is about to close', () => {
  it('the undeclared unit hears once; the unit that declared does not', async () => {
    y = await y.moveTo('2021-12-22')
    await fireRepeatedly()
    await expectTold(CLERK_TZ_2, 'window_closing', 'enrolmentWindow', 1, 2)
    expect(await inbox(CLERK_TZ, 'window_closing')).toBe(0)
  })
})

describe('January 2022: the WH renewal window (第十二条)', () => {
  it('opens: the WH clerk (paid 2021, not yet declared for 2022) hears once', async () => {
    y = await y.moveTo('2022-01-05')
    await subscribe(CLERK_WH, 'declare')
    await fireRepeatedly()
    await expectTold(CLERK_WH, 'window_open', 'enrolmentWindow', 1)
    const r = (await y.db.collection('reminders').where({ kind: 'window_open', openid: CLERK_WH }).get()).data[0]
    expect(r.body).toContain('2022-01-01 至 2022-01-30')
    // The TZ clerk's unit declared for 2022 in October: nothing new for it.
    expect(await inbox(CLERK_TZ, 'window_open')).toBe(1)
  })

  it('about to close: once more, with what happens when it is missed', async () => {
    y = await y.moveTo('2022-01-22')
    await fireRepeatedly()
    await expectTold(CLERK_WH, 'window_closing', 'enrolmentWindow', 1, 2)
    const r = (await y.db.collection('reminders').where({ kind: 'window_closing', openid: CLERK_WH }).get()).data[0]
    expect(r.body).toContain('逾期续保的按首次参加办理')
  })

  it('over the whole walk, every reminder is in the inbox exactly once and pushed at most once per subscription', async () => {
    const all = await told()
    for (const byRecipient of Object.values(all)) for (const n of Object.values(byRecipient)) expect(n).toBe(1)
    expect(Object.keys(all).sort()).toEqual(['claim_level', 'draft_deadline', 'new_hire', 'review_due', 'review_overdue', 'window_closing', 'window_open'])
    const recent = await y.ok('reminders', OFFICE, 'recent', { limit: 50 })
    expect(recent.items.length).toBe((await y.db.collection('reminders').count()).total)
    expect(recent.items.every((i: any) => i.state === 'sent')).toBe(true)
    expect(await y.call('reminders', CLERK_WH, 'recent', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
