/**
 * Separation of duties and four eyes, as rows of the authorization matrix (claim-access.test.ts holds the scope rows):
 * nobody confirms, returns, decides or pays a claim they filed, are the participant of, or claim as beneficiary —
 * staff who are also bound workers and the office included — each attempt made by 16 concurrent instances at once;
 * an approval above the computed amount or above the office's threshold is a proposal until a second office user
 * confirms it.
 */
import { SETTINGS_IDS } from '@mutual-aid/contracts'
import { newParticipation } from '@cloud-shared/participation-doc'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, PAYEE, WH_ILLNESS, fileClaim, okData, startSuite, versionOf, type Suite } from './helpers'

let s: Suite
const OFFICE_2 = 'office-second-02' // 孙莉
const OFFICE_3 = 'office-third-003' // 钱进
const CLERK_WH_2 = 'clerk-wh-second' // 何强, a second clerk of the WH unit
const AGENT_2 = 'agent-second-002' // 罗敏, a second officer of the same district union
const CLERK_TZ_2 = 'clerk-tz-second' // 方圆, a second clerk of the TZ unit
/** Concurrent instances per attempt (the emulator runs up to 16 instances of a function at once, as CloudBase does). */
const PARALLEL = 16

const claims: Record<string, string> = {}

async function bind(openid: string, name: string, idNumber: string): Promise<void> {
  const r = await s.emu.callFunction('auth', { action: 'bindWorker', name, idNumber }, { openid })
  if (!r.ok) throw new Error(`bind ${openid}: ${JSON.stringify(r)}`)
}

async function toOffice(claimId: string, clerk = CLERK_WH, agent = AGENT): Promise<void> {
  okData(await s.call(clerk, 'confirm', { claimId, version: await versionOf(s, claimId) }))
  okData(await s.call(agent, 'confirm', { claimId, version: await versionOf(s, claimId) }))
}

const illness = (payeeName: string) => ({ ...WH_ILLNESS, payee: { ...PAYEE, name: payeeName } })

beforeAll(async () => {
  s = await startSuite()
  const now = new Date()
  const users = [
    { _id: OFFICE_2, role: 'office', name: '孙莉' },
    { _id: OFFICE_3, role: 'office', name: '钱进' },
    { _id: CLERK_WH_2, role: 'clerk', name: '何强', unitId: 'unit-wh-minghu' },
    { _id: AGENT_2, role: 'agent', name: '罗敏', agentId: 'agent-chengqu' },
    { _id: CLERK_TZ_2, role: 'clerk', name: '方圆', unitId: 'unit-tz-haiyue' },
  ]
  for (const u of users) await s.db.collection('users').add({ data: { ...u, createdAt: now, updatedAt: now } })
  // Staff who are also workers of the WH unit bind their WeChat to their own roster record, as anyone would.
  await bind(CLERK_WH, '周建国', '420702199605051872') // p009
  await bind(OFFICE, '吴杰', '420702197310161995') // p010
  await bind(AGENT, '徐敏', '420702198003272008') // p011

  claims.clerkOwn = okData((await fileClaim(s, CLERK_WH, { facts: illness('周建国') })).submit).claimId
  claims.officeOwn = okData((await fileClaim(s, OFFICE, { facts: illness('吴杰') })).submit).claimId
  claims.agentOwn = okData((await fileClaim(s, AGENT, { facts: illness('徐敏') })).submit).claimId
  claims.clerkFiled = okData(
    (await fileClaim(s, CLERK_WH, { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p013' }, facts: illness('马明') })).submit,
  ).claimId
  claims.beneficiary = okData(
    (
      await fileClaim(s, OFFICE_3, {
        target: { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' },
        kind: 'death',
        facts: { ...illness('钱进'), disease: 'other', causeOfDeath: 'illness', eventDate: '2021-05-10', applicant: { relationship: 'child', phone: '13907110002' } },
        items: ['participant_id', 'household_cancellation', 'beneficiary_proof', 'beneficiary_id', 'death_certificate', 'diagnostic_reports', 'medical_record'],
      })
    ).submit,
  ).claimId
})

afterAll(async () => {
  await s?.emu.stop()
})

/** Fires the same call from PARALLEL instances at once; answers every envelope. */
async function burst(openid: string, action: string, input: Record<string, unknown>): Promise<any[]> {
  return Promise.all(Array.from({ length: PARALLEL }, () => s.call(openid, action, input)))
}

async function claimDoc(claimId: string): Promise<any> {
  return (await s.db.collection('claims').where({ _id: claimId }).get()).data[0]
}

describe('separation of duties: no review path for anyone involved in the claim (each attempt × 16 concurrent)', () => {
  let allowed = 0
  let attempts = 0

  /** Makes every attempt of a row; the claim must be left exactly as it was. */
  async function refuseAll(claimKey: string, openid: string, action: string, extra: (v: number) => Record<string, unknown>): Promise<void> {
    const claimId = claims[claimKey]
    const before = await claimDoc(claimId)
    const answers = await burst(openid, action, { claimId, ...extra(before.version) })
    attempts += answers.length
    allowed += answers.filter((a) => a.ok).length
    for (const a of answers) expect(a).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const after = await claimDoc(claimId)
    expect({ status: after.status, version: after.version, history: after.history.length }).toEqual({
      status: before.status,
      version: before.version,
      history: before.history.length,
    })
    // The page offers them no review button either.
    const view = okData(await s.call(openid, 'get', { claimId }))
    expect(view.actions.filter((x: string) => x !== 'resubmit' && x !== 'withdraw')).toEqual([])
  }

  const returnInput = (version: number) => ({ version, reason: '请补充材料后再提交' })
  const table: [row: string, claim: string, openid: string, action: string, input: (v: number) => Record<string, unknown>][] = [
    ['the clerk who is the participant cannot confirm', 'clerkOwn', CLERK_WH, 'confirm', (version) => ({ version })],
    ['the clerk who is the participant cannot return', 'clerkOwn', CLERK_WH, 'return', returnInput],
    ['the clerk who filed on behalf cannot confirm', 'clerkFiled', CLERK_WH, 'confirm', (version) => ({ version })],
    ['the clerk who filed on behalf cannot return', 'clerkFiled', CLERK_WH, 'return', returnInput],
  ]
  it.each(table)('%s', async (_row, claim, openid, action, input) => {
    await refuseAll(claim, openid, action, input)
  })

  it('another clerk of the unit confirms them instead', async () => {
    okData(await s.call(CLERK_WH_2, 'confirm', { claimId: claims.clerkOwn, version: 1 }))
    okData(await s.call(CLERK_WH_2, 'confirm', { claimId: claims.clerkFiled, version: 1 }))
    okData(await s.call(CLERK_WH, 'confirm', { claimId: claims.agentOwn, version: 1 }))
  })

  const agentTable: typeof table = [
    ['the agent officer who is the participant cannot confirm', 'agentOwn', AGENT, 'confirm', (version) => ({ version })],
    ['the agent officer who is the participant cannot return', 'agentOwn', AGENT, 'return', returnInput],
  ]
  it.each(agentTable)('%s', async (_row, claim, openid, action, input) => {
    await refuseAll(claim, openid, action, input)
  })

  it('another officer of the district union confirms it instead', async () => {
    okData(await s.call(AGENT_2, 'confirm', { claimId: claims.agentOwn, version: await versionOf(s, claims.agentOwn) }))
  })

  it('the office user who is the participant cannot return, approve (at five times the amount), reject or pay', async () => {
    await toOffice(claims.officeOwn)
    const computed = okData(await s.call(OFFICE_2, 'get', { claimId: claims.officeOwn })).assessmentAtSubmit.amountFen
    expect(computed).toBe(2_000_000)
    await refuseAll('officeOwn', OFFICE, 'return', returnInput)
    await refuseAll('officeOwn', OFFICE, 'decide', (version) => ({ version, outcome: 'approve', amountFen: computed * 5, note: '特殊困难，提高给付' }))
    await refuseAll('officeOwn', OFFICE, 'decide', (version) => ({ version, outcome: 'approve' }))
    await refuseAll('officeOwn', OFFICE, 'decide', (version) => ({ version, outcome: 'reject', reasonCode: 'FRAUD', note: '自己拒绝自己' }))
    // A colleague proposes the raised amount; the participant cannot confirm it either.
    const proposed = okData(await s.call(OFFICE_2, 'decide', { claimId: claims.officeOwn, version: await versionOf(s, claims.officeOwn), outcome: 'approve', amountFen: computed * 5, note: '特殊困难，提高给付' }))
    expect(proposed).toMatchObject({ awaitingSecond: true, status: 'agent_confirmed' })
    await refuseAll('officeOwn', OFFICE, 'confirmApproval', (version) => ({ version }))
    await refuseAll('officeOwn', OFFICE, 'returnProposal', (version) => ({ version, reason: '我不同意这个金额' }))
    okData(await s.call(OFFICE_3, 'confirmApproval', { claimId: claims.officeOwn, version: await versionOf(s, claims.officeOwn) }))
    await refuseAll('officeOwn', OFFICE, 'markPaid', (version) => ({ version, paidOn: '2021-06-15', reference: 'SELF-PAY-0001' }))
    okData(await s.call(OFFICE_2, 'markPaid', { claimId: claims.officeOwn, version: await versionOf(s, claims.officeOwn), paidOn: '2021-06-15', reference: 'BANK-0001' }))
  })

  it('the beneficiary who is office staff cannot decide the death claim they filed', async () => {
    await toOffice(claims.beneficiary)
    await refuseAll('beneficiary', OFFICE_3, 'decide', (version) => ({ version, outcome: 'approve' }))
    await refuseAll('beneficiary', OFFICE_3, 'return', returnInput)
  })

  it('nor can the participant on another roster record of the same person (matched by the ID hash)', async () => {
    // 吴杰 (bound to the office user's WeChat on the WH roster) also works at the TZ unit, with a TZ participation.
    const wh = (await s.db.collection('people').where({ _id: 'unit-wh-minghu-p010' }).get()).data[0]
    const now = new Date()
    await s.db.collection('people').add({
      data: { _id: 'unit-tz-haiyue-p900', unitId: 'unit-tz-haiyue', name: '吴杰', idHash: wh.idHash, idMasked: wh.idMasked, birthDate: wh.birthDate, sex: wh.sex, hireDate: '2021-01-01', status: 'in_service', openid: null, version: 1, createdAt: now, updatedAt: now },
    })
    await s.db.collection('participations').add({
      data: {
        _id: 'part-2021-unit-tz-haiyue-p900',
        ...newParticipation(
          {
            enrolmentId: 'enrol-tz-test',
            unit: { _id: 'unit-tz-haiyue', agentId: 'agent-chengqu' },
            person: { _id: 'unit-tz-haiyue-p900', idHash: wh.idHash, idMasked: wh.idMasked, name: '吴杰', sex: wh.sex },
            scheme: { id: 'tz-2021', family: 'TZ' },
            year: 2021,
            products: ['inpatient', 'critical'],
            shares: 1,
            firstTime: true,
          },
          now,
          { start: '2021-04-01', end: '2021-12-31' },
        ),
      },
    })
    const r = await fileClaim(s, CLERK_TZ, {
      target: { mode: 'on_behalf', personId: 'unit-tz-haiyue-p900' },
      product: 'inpatient',
      kind: 'inpatient',
      facts: { hospital: '台州市中心医院', designatedHospital: true, admission: '2021-05-03', discharge: '2021-05-08', selfPayFen: 100_000, selfFundedFen: 0, medicalInsurance: 'employee', payee: { ...PAYEE, name: '吴杰' } },
      items: ['participant_id', 'inpatient_receipts', 'settlement_statement', 'discharge_summary'],
    })
    claims.otherRecord = okData(r.submit).claimId
    await toOffice(claims.otherRecord, CLERK_TZ_2)
    await refuseAll('otherRecord', OFFICE, 'decide', (version) => ({ version, outcome: 'approve' }))
  })

  afterAll(() => {
    // The figure the issue asks for: every attempt by an involved person was refused.
    console.log(`[self-review] ${attempts} concurrent attempts by involved people, ${allowed} allowed`)
  })

  it('0 self-review paths in all', () => {
    expect(attempts).toBeGreaterThanOrEqual(PARALLEL * 14)
    expect(allowed).toBe(0)
  })
})

describe('four eyes: approvals above the computed amount or the threshold need a second office user', () => {
  let claimId = ''
  beforeAll(async () => {
    claimId = okData((await fileClaim(s, CLERK_WH, { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p014' }, facts: illness('朱娟') })).submit).claimId
    await toOffice(claimId, CLERK_WH_2)
  })

  it('an amount raised above the computed one is only a proposal, shown as such', async () => {
    const v = await versionOf(s, claimId)
    const noNote = await s.call(OFFICE, 'decide', { claimId, version: v, outcome: 'approve', amountFen: 5_000_000 })
    expect(noNote).toMatchObject({ ok: false, code: 'NOTE_REQUIRED' })
    const r = okData(await s.call(OFFICE, 'decide', { claimId, version: v, outcome: 'approve', amountFen: 5_000_000, note: '病情特殊，酌情提高' }))
    expect(r).toMatchObject({ status: 'agent_confirmed', awaitingSecond: true, amountFen: 5_000_000 })
    expect(await s.db.collection('payouts').where({ claimId }).count()).toMatchObject({ total: 0 })
    const mine = okData(await s.call(OFFICE, 'get', { claimId }))
    expect(mine.proposal).toMatchObject({ amountFen: 5_000_000, computedFen: 2_000_000, reasons: ['above_computed', 'above_threshold'], byName: '周海燕', byMe: true, canConfirm: false, canReturn: true })
    expect(mine.actions).toEqual([])
    const other = okData(await s.call(OFFICE_2, 'get', { claimId }))
    expect(other.proposal).toMatchObject({ byMe: false, canConfirm: true, canReturn: true })
    expect(other.history.at(-1)).toMatchObject({ event: 'propose', role: 'office', name: '周海燕' })
    // The worker's view shows no proposal (nothing is decided yet).
    expect(okData(await s.call(CLERK_WH, 'get', { claimId })).proposal).toBeNull()
    const audit = (await s.db.collection('audit').where({ entityId: claimId, action: 'claim.propose' }).get()).data
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ openid: OFFICE, after: { proposal: { amountFen: 5_000_000, reasons: ['above_computed', 'above_threshold'] } } })
  })

  it('the proposer cannot confirm it, and nothing else moves the claim meanwhile', async () => {
    const v = await versionOf(s, claimId)
    expect(await s.call(OFFICE, 'confirmApproval', { claimId, version: v })).toMatchObject({ ok: false, code: 'SAME_APPROVER' })
    expect(await s.call(OFFICE_2, 'decide', { claimId, version: v, outcome: 'approve' })).toMatchObject({ ok: false, code: 'AWAITING_SECOND' })
    expect(await s.call(OFFICE_2, 'return', { claimId, version: v, reason: '请补充病历' })).toMatchObject({ ok: false, code: 'AWAITING_SECOND' })
  })

  it('a second office user sends it back with a reason; the claim waits for a fresh decision', async () => {
    const v = await versionOf(s, claimId)
    okData(await s.call(OFFICE_2, 'returnProposal', { claimId, version: v, reason: '提高金额缺少依据' }))
    const got = okData(await s.call(OFFICE, 'get', { claimId }))
    expect(got.proposal).toBeNull()
    expect(got.status).toBe('agent_confirmed')
    expect(got.history.at(-1)).toMatchObject({ event: 'withdraw_proposal', name: '孙莉', note: '提高金额缺少依据' })
    expect(got.actions).toEqual(expect.arrayContaining(['approve', 'reject', 'return']))
  })

  it('proposed again and confirmed by two office users at once: one approval, one payout, both names recorded', async () => {
    const v = await versionOf(s, claimId)
    okData(await s.call(OFFICE, 'decide', { claimId, version: v, outcome: 'approve', amountFen: 5_000_000, note: '病情特殊，酌情提高' }))
    const v2 = await versionOf(s, claimId)
    const answers = await Promise.all([OFFICE_2, OFFICE_3].map((o) => s.call(o, 'confirmApproval', { claimId, version: v2 })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.find((a) => !a.ok)).toMatchObject({ code: 'CONFLICT' })
    const got = okData(await s.call(OFFICE, 'get', { claimId }))
    expect(got).toMatchObject({ status: 'approved', decision: { amountFen: 5_000_000, computedFen: 2_000_000, overridden: true, proposedBy: '周海燕' } })
    expect(got.history.slice(-2).map((h: any) => [h.event, h.name])).toEqual([
      ['propose', '周海燕'],
      ['approve', answers[0].ok ? '孙莉' : '钱进'],
    ])
    const payouts = (await s.db.collection('payouts').where({ claimId }).get()).data
    expect(payouts.map((p: any) => p.amountFen)).toEqual([5_000_000])
    const approve = (await s.db.collection('audit').where({ entityId: claimId, action: 'claim.approve' }).get()).data
    expect(approve).toHaveLength(1)
    expect(approve[0].after.decision.proposedBy).toMatchObject({ openid: OFFICE, name: '周海燕' })
  })

  it('the threshold is the office’s stored setting, read on every call: the computed amount above it needs two', async () => {
    const c = okData((await fileClaim(s, CLERK_WH, { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p015' }, facts: illness('胡军') })).submit).claimId
    await toOffice(c, CLERK_WH_2)
    // Default 20,000 yuan: the computed 20,000 passes with one approver — shown by a lower stored threshold instead.
    await s.db.collection('settings').add({ data: { _id: SETTINGS_IDS.review, fourEyesAboveFen: 1_000_000, version: 2 } })
    const r = okData(await s.call(OFFICE, 'decide', { claimId: c, version: await versionOf(s, c), outcome: 'approve' }))
    expect(r).toMatchObject({ awaitingSecond: true, amountFen: 2_000_000 })
    expect(okData(await s.call(OFFICE_2, 'get', { claimId: c })).proposal).toMatchObject({ reasons: ['above_threshold'], thresholdFen: 1_000_000 })
    okData(await s.call(OFFICE_2, 'confirmApproval', { claimId: c, version: await versionOf(s, c) }))
    // A stored setting that does not validate stops decisions instead of falling back silently.
    await s.db.collection('settings').doc(SETTINGS_IDS.review).set({ data: { fourEyesAboveFen: -5, version: 3 } })
    const d = okData((await fileClaim(s, CLERK_WH, { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p016' }, facts: illness('郭平') })).submit).claimId
    await toOffice(d, CLERK_WH_2)
    expect(await s.call(OFFICE, 'decide', { claimId: d, version: await versionOf(s, d), outcome: 'approve' })).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' })
    await s.db.collection('settings').doc(SETTINGS_IDS.review).remove()
    // A lower amount with its note, under the threshold, needs only one approver.
    const low = okData(await s.call(OFFICE, 'decide', { claimId: d, version: await versionOf(s, d), outcome: 'approve', amountFen: 1_500_000, note: '部分材料不符，酌减' }))
    expect(low).toMatchObject({ status: 'approved', amountFen: 1_500_000 })
    expect(low.awaitingSecond).toBeUndefined()
  })
})
