/**
 * Withdrawing a claim (issue 15 §4, the part a claim filed by hand lacked): the filer or participant withdraws a claim
 * not yet decided, and a bureau proposal held because of it is released in the same transaction — back to proposed,
 * told again, confirmable, the stay now its own. Across the claim's states (withdrawable until the office's approval
 * takes effect), racing a reviewer's decision (exactly one wins), retried (once), by whom (filer, participant, nobody
 * else), and the cross-channel rules after it (one payout per stay, the 30-day cap). One TZ person per case.
 */
import { TZ_PEOPLE } from '../../../scripts/demo-data'
import { fileClaim } from '../claims/helpers'
import { AGENT, CLERK_TZ, OFFICE, OFFICE_2, claimSteps, consentAll, fileByHand, okData, reportStay, startSettleSuite, workerOf, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSettleSuite()
  await consentAll(s, 1)
})
afterAll(async () => {
  await s?.emu.stop()
})

/** The bureau reports person `i`'s stay; answers the claim it became (held or proposed), or null. */
const report = async (i: number, admission: string, discharge: string) => (await reportStay(s, i, admission, discharge)).claim
const { claimOf, participation, stays, version, proposalNotices, toOffice, approve, accept } = claimSteps(() => s)
const withdraw = async (openid: string, claimId: string, reason?: string, v?: number) =>
  s.call('claims', openid, 'withdraw', { claimId, version: v ?? (await version(claimId)), ...(reason ? { reason } : {}) })

describe('withdrawing a claim filed by hand releases the proposal held because of it', () => {
  it('released in the same transaction: proposed, its stay, told once (saying why), confirmable, paid once', async () => {
    const i = 1
    const manual = okData(await fileByHand(s, i, '2021-05-03', '2021-05-13'))
    const held = await report(i, '2021-05-03', '2021-05-13')
    expect(held).toMatchObject({ status: 'held', linkedClaimId: manual.claimId })
    // The participant's page of the claim by hand names the held proposal and its amount, and offers withdrawing.
    const page = okData(await s.call('claims', workerOf(i), 'get', { claimId: manual.claimId }))
    expect(page.actions).toContain('withdraw')
    expect(page.heldProposal).toEqual({ amountFen: held.assessmentAtSubmit.amountFen })

    const answer = okData(await withdraw(workerOf(i), manual.claimId, '改为领取医保结算生成的补助'))
    expect(answer).toEqual({ status: 'withdrawn', releasedProposals: 1, proposalIds: [held._id] })
    const after = await claimOf(manual.claimId)
    expect(after.history.at(-1)).toMatchObject({ event: 'withdraw', from: 'submitted', to: 'withdrawn', role: 'worker', note: '撤回原因：改为领取医保结算生成的补助' })
    const proposal = await claimOf(held._id)
    expect(proposal).toMatchObject({ status: 'proposed', linkedClaimId: null })
    expect(proposal.history.at(-1)).toMatchObject({ event: 'release', from: 'held', to: 'proposed', note: expect.stringContaining('手工申请已撤回') })
    expect((await stays(i)).map((x) => x.claimId)).toEqual([held._id])
    const told = await proposalNotices(i)
    expect(told).toHaveLength(1)
    expect(told[0].body).toContain('同一次住院的手工申请已撤回')
    expect(await s.db.collection('audit').where({ action: 'claim.withdraw', entityId: manual.claimId }).count()).toMatchObject({ total: 1 })
    // The worker's list shows both: the claim withdrawn, the proposal to confirm.
    const mine = okData(await s.call('claims', workerOf(i), 'mine')).items
    expect(mine.find((c: any) => c.id === manual.claimId)?.status).toBe('withdrawn')
    expect(mine.find((c: any) => c.id === held._id)?.status).toBe('proposed')

    // Confirmable, and the only claim for the stay: filing it by hand again is refused.
    expect(await fileByHand(s, i, '2021-05-05', '2021-05-10')).toMatchObject({ ok: false, code: 'PROPOSAL_EXISTS' })
    expect(await accept(i, held._id)).toMatchObject({ status: 'submitted' })
    await toOffice(held._id)
    await approve(held._id)
    // One payout for the stay, its days counted once.
    expect((await s.db.collection('payouts').where({ claimId: s.db.command.in([manual.claimId, held._id]) }).get()).data.map((p: any) => p.claimId)).toEqual([held._id])
    expect((await participation(i)).inpatientDaysUsed).toBe(10)
  })

  it('withdrawn again (a retried call) answers the same and changes nothing', async () => {
    const i = 2
    const manual = okData(await fileByHand(s, i, '2021-05-03', '2021-05-13'))
    await report(i, '2021-05-03', '2021-05-13')
    const v = await version(manual.claimId)
    okData(await withdraw(workerOf(i), manual.claimId, undefined, v))
    const once = await claimOf(manual.claimId)
    // The same request again, and a concurrent pair.
    const again = await Promise.all([withdraw(workerOf(i), manual.claimId, undefined, v), withdraw(workerOf(i), manual.claimId, undefined, v)])
    for (const a of again) expect(okData(a)).toEqual({ status: 'withdrawn', releasedProposals: 0, proposalIds: [] })
    expect(await claimOf(manual.claimId)).toEqual(once)
    expect(await proposalNotices(i)).toHaveLength(1)
  })
})

describe('withdrawable until the office approval takes effect', () => {
  it.each([
    // person, where the claim filed by hand stands, what withdrawing answers
    [3, 'submitted', 'ok'],
    [4, 'clerk_confirmed', 'ok'],
    [5, 'agent_confirmed', 'ok'],
    [6, 'returned', 'ok'],
    [7, 'approved', 'INVALID_TRANSITION'],
    [8, 'paid', 'INVALID_TRANSITION'],
    [9, 'rejected', 'INVALID_TRANSITION'],
  ] as const)('person %i: %s → %s', async (i, at, expected) => {
    const manual = okData(await fileByHand(s, i, '2021-06-01', '2021-06-06'))
    const held = await report(i, '2021-06-01', '2021-06-06')
    const v = () => version(manual.claimId)
    if (at === 'returned') okData(await s.call('claims', CLERK_TZ, 'return', { claimId: manual.claimId, version: await v(), reason: '请补充出院小结' }))
    if (at !== 'submitted' && at !== 'returned') okData(await s.call('claims', CLERK_TZ, 'confirm', { claimId: manual.claimId, version: await v() }))
    if (!['submitted', 'clerk_confirmed', 'returned'].includes(at)) okData(await s.call('claims', AGENT, 'confirm', { claimId: manual.claimId, version: await v() }))
    if (at === 'approved' || at === 'paid') await approve(manual.claimId)
    if (at === 'paid') okData(await s.call('claims', OFFICE, 'markPaid', { claimId: manual.claimId, version: await v(), paidOn: '2021-06-15', reference: 'TX20210615' }))
    if (at === 'rejected') {
      okData(await s.call('claims', OFFICE, 'decide', { claimId: manual.claimId, version: await v(), outcome: 'reject', reasonCode: 'NOT_PAYABLE', note: '材料与事实不符，不予给付' }))
    }
    const before = await claimOf(manual.claimId)
    expect(before.status).toBe(at)
    const page = okData(await s.call('claims', workerOf(i), 'get', { claimId: manual.claimId }))
    expect(page.actions.includes('withdraw')).toBe(expected === 'ok')
    const answer = await withdraw(workerOf(i), manual.claimId)
    if (expected === 'ok') {
      expect(okData(answer)).toMatchObject({ status: 'withdrawn', releasedProposals: 1 })
      expect((await claimOf(held._id)).status).toBe('proposed')
    } else {
      expect(answer).toMatchObject({ ok: false, code: expected })
      expect(answer.message).toMatch(/不能撤回/)
      expect(await claimOf(manual.claimId)).toEqual(before)
      // A rejection released the proposal itself; approved or paid, it stays held.
      expect((await claimOf(held._id)).status).toBe(at === 'rejected' ? 'proposed' : 'held')
    }
  })

  it('the reviewers whose queue it leaves are told once; queues and badges drop it', async () => {
    const i = 10
    const manual = okData(await fileByHand(s, i, '2021-04-20', '2021-04-24'))
    await toOffice(manual.claimId)
    const queue = async () => okData(await s.call('claims', OFFICE, 'queue', { status: 'agent_confirmed' }))
    const waiting = (await queue()).items.map((c: any) => c.id)
    expect(waiting).toContain(manual.claimId)
    const counts = (await queue()).counts
    const badge = okData(await s.call('claims', OFFICE, 'badges')).waiting
    okData(await withdraw(workerOf(i), manual.claimId, '提交错了'))
    const now = await queue()
    expect(now.items.map((c: any) => c.id)).not.toContain(manual.claimId)
    expect(now.counts.agent_confirmed).toBe(counts.agent_confirmed - 1)
    expect(now.counts.withdrawn).toBe(counts.withdrawn + 1)
    expect(okData(await s.call('claims', OFFICE, 'badges')).waiting).toBe(badge - 1)
    for (const office of [OFFICE, OFFICE_2]) {
      const told = (await s.db.collection('messages').where({ openid: office, noticeId: `${manual.claimId}:withdrawn` }).get()).data
      expect(told).toHaveLength(1)
      expect(told[0]).toMatchObject({ template: 'reviewPending', title: expect.stringContaining('已撤回') })
      // Never the worker's reason (free text): only that it was withdrawn.
      expect(told[0].body).not.toContain('提交错了')
    }
    // The clerk and agent had it before: not their queue now, not told.
    for (const earlier of [CLERK_TZ, AGENT]) expect((await s.db.collection('messages').where({ openid: earlier, noticeId: `${manual.claimId}:withdrawn` }).count()).total).toBe(0)
    // A reviewer whose page was still open is told it was withdrawn.
    expect(await s.call('claims', OFFICE, 'decide', { claimId: manual.claimId, version: await version(manual.claimId), outcome: 'approve' })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('已撤回'),
    })
  })
})

describe('who may withdraw', () => {
  it('the clerk who filed it or its participant; not a reviewer, not another worker', async () => {
    const i = 11
    const personId = s.part[i].replace('part-tz2021-', '')
    okData(await s.call('claims', CLERK_TZ, 'consent', { kind: 'medical_info', version: '2021-01' }))
    const filed = await fileClaim({ emu: s.emu, db: s.db, call: (o: string, a: string, inp?: Record<string, unknown>) => s.call('claims', o, a, inp) }, CLERK_TZ, {
      target: { mode: 'on_behalf', personId },
      product: 'inpatient',
      kind: 'inpatient',
      facts: { hospital: '台州市中心医院', designatedHospital: true, admission: '2021-05-03', discharge: '2021-05-13', selfPayFen: 100_000, selfFundedFen: 0, medicalInsurance: 'employee', payee: { name: TZ_PEOPLE[i][0], bank: '台州银行', account: '6222020000000011111' } },
      items: ['participant_id', 'inpatient_receipts', 'settlement_statement', 'discharge_summary'],
    })
    const claimId = okData(filed.submit).claimId
    const held = await report(i, '2021-05-03', '2021-05-13')
    expect(held.status).toBe('held')
    // The clerk who filed sees that a proposal exists, not its amount (the participant's own data).
    const clerkPage = okData(await s.call('claims', CLERK_TZ, 'get', { claimId }))
    expect(clerkPage.actions).toContain('withdraw')
    expect(clerkPage.heldProposal).toEqual({ amountFen: null })
    for (const other of [AGENT, OFFICE, workerOf(12)]) {
      expect(await withdraw(other, claimId)).toMatchObject({ ok: false, code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) })
    }
    expect((await claimOf(claimId)).status).toBe('submitted')
    // The clerk withdraws: the participant (not the clerk) is told, and the proposal goes to the participant alone.
    expect(okData(await withdraw(CLERK_TZ, claimId))).toEqual({ status: 'withdrawn', releasedProposals: 1, proposalIds: [] })
    expect((await claimOf(claimId)).history.at(-1)).toMatchObject({ event: 'withdraw', role: 'clerk' })
    const noticeTo = async (openid: string) => (await s.db.collection('messages').where({ openid, noticeId: `${claimId}:withdrawn` }).count()).total
    expect(await noticeTo(workerOf(i))).toBe(1)
    expect(await noticeTo(CLERK_TZ)).toBe(0)
    expect(okData(await s.call('claims', workerOf(i), 'get', { claimId: held._id })).actions).toEqual(['accept', 'decline'])
  })
})

describe('withdraw racing a decision: exactly one wins', () => {
  it.each([
    [12, 'approve'],
    [13, 'reject'],
  ] as const)('person %i: withdraw against %s', async (i, outcome) => {
    const manual = okData(await fileByHand(s, i, '2021-04-10', '2021-04-14'))
    const held = await report(i, '2021-04-10', '2021-04-14')
    await toOffice(manual.claimId)
    const v = await version(manual.claimId)
    const decision = outcome === 'approve' ? { outcome } : { outcome, reasonCode: 'NOT_PAYABLE', note: '材料与事实不符，不予给付' }
    const [w, d] = await Promise.all([withdraw(workerOf(i), manual.claimId, undefined, v), s.call('claims', OFFICE, 'decide', { claimId: manual.claimId, version: v, ...decision })])
    expect([w.ok, d.ok].filter(Boolean)).toHaveLength(1)
    const loser = w.ok ? d : w
    expect(['CONFLICT', 'INVALID_TRANSITION', 'BUSY']).toContain(loser.code)
    expect(loser.message).toMatch(/[\u4e00-\u9fa5]/)
    const after = await claimOf(manual.claimId)
    const proposal = await claimOf(held._id)
    const payouts = (await s.db.collection('payouts').where({ claimId: manual.claimId }).count()).total
    if (w.ok) {
      expect(after.status).toBe('withdrawn')
      expect(payouts).toBe(0)
      expect(proposal.status).toBe('proposed')
    } else {
      expect(after.status).toBe(outcome === 'approve' ? 'approved' : 'rejected')
      expect(payouts).toBe(outcome === 'approve' ? 1 : 0)
      expect(proposal.status).toBe(outcome === 'approve' ? 'held' : 'proposed')
    }
    // Either way the proposal's participant is told at most once, and the stay is held by exactly one claim.
    expect((await proposalNotices(i)).length).toBe(proposal.status === 'proposed' ? 1 : 0)
    expect((await stays(i)).filter((x) => x.admission === '2021-04-10')).toHaveLength(1)
  })
})
