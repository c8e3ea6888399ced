/**
 * Authorization matrix (as a table), concurrency between reviewers, refusals (late claim, missing materials),
 * beneficiary and on-behalf filing, and a TZ inpatient claim with its allowance days.
 */
import { newParticipation } from '@cloud-shared/participation-doc'
import {
  AGENT,
  CLERK_TZ,
  CLERK_WH,
  OFFICE,
  PAYEE,
  WH_ILLNESS,
  WORKER,
  WORKER_2,
  WORKER_TZ,
  confirmToOffice,
  fileClaim,
  okData,
  startSuite,
  versionOf,
  type Suite,
} from './helpers'

let s: Suite
const STRANGER = 'stranger-0001' // signed in with WeChat, bound to nothing
const BENEFICIARY = 'beneficiary-0001'
const OTHER_AGENT = 'other-agent-01'
/** A second clerk of the WH unit: confirms what 李红梅 filed on someone's behalf (nobody confirms their own filing). */
const CLERK_WH_2 = 'demo-clerk-wh-2'

/** Claim by 王秀英 (WH unit), left waiting for the clerk. */
let workerClaim = ''
/** Death claim filed by a beneficiary for 李晓东 (WH unit, p003). */
let beneficiaryClaim = ''

beforeAll(async () => {
  s = await startSuite()
  const now = new Date()
  await s.db.collection('agents').add({ data: { _id: 'agent-other', name: '开发区总工会', region: '开发区', createdAt: now, updatedAt: now } })
  await s.db.collection('users').add({ data: { _id: OTHER_AGENT, role: 'agent', name: '钱多', agentId: 'agent-other', createdAt: now, updatedAt: now } })
  await s.db.collection('users').add({ data: { _id: CLERK_WH_2, role: 'clerk', name: '何强', unitId: 'unit-wh-minghu', createdAt: now, updatedAt: now } })
  const r = await fileClaim(s, WORKER_2, { facts: { ...WH_ILLNESS, payee: { ...PAYEE, name: '王秀英' } } })
  workerClaim = okData(r.submit).claimId
  const b = await fileClaim(s, BENEFICIARY, {
    target: { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' },
    kind: 'death',
    facts: { ...WH_ILLNESS, disease: 'other', causeOfDeath: 'illness', eventDate: '2021-05-10', payee: { ...PAYEE, name: '李小梅' }, applicant: { relationship: 'spouse', phone: '13907110001' } },
    items: ['participant_id', 'household_cancellation', 'beneficiary_proof', 'beneficiary_id', 'death_certificate', 'diagnostic_reports', 'medical_record'],
  })
  beneficiaryClaim = okData(b.submit).claimId
})

afterAll(async () => {
  await s?.emu.stop()
})

describe('authorization matrix: who may see a claim and open its photos', () => {
  const table: [who: string, openid: string, own: boolean, beneficiary: boolean][] = [
    ['the worker (own claim)', WORKER_2, true, false],
    ['another worker of the same unit', WORKER, false, false],
    ['the clerk of the unit', CLERK_WH, true, true],
    ['the clerk of another unit', CLERK_TZ, false, false],
    ['the agent of the unit', AGENT, true, true],
    ['another agent', OTHER_AGENT, false, false],
    ['the office', OFFICE, true, true],
    ['the beneficiary (only the claim they filed)', BENEFICIARY, false, true],
    ['a stranger', STRANGER, false, false],
  ]
  it.each(table)('%s', async (_who, openid, seesWorker, seesBeneficiary) => {
    for (const [claimId, allowed] of [
      [workerClaim, seesWorker],
      [beneficiaryClaim, seesBeneficiary],
    ] as const) {
      const got = await s.call(openid, 'get', { claimId })
      const photos = await s.call(openid, 'photoUrls', { claimId })
      if (allowed) {
        expect(got.ok).toBe(true)
        const urls = okData(photos).urls as Record<string, string>
        expect(Object.keys(urls).length).toBeGreaterThanOrEqual(4)
        // Temporary, signed URLs that really serve the page.
        const first = Object.values(urls)[0]
        expect(first).toMatch(/expires=/)
        const res = await fetch(first.startsWith('http') ? first : `${s.emu.url}${first}`)
        expect(res.status).toBe(200)
      } else {
        expect(got).toMatchObject({ ok: false, code: 'FORBIDDEN' })
        expect(photos).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      }
    }
  })

  const actTable: [who: string, openid: string, code: string][] = [
    ['the worker cannot confirm', WORKER_2, 'FORBIDDEN'],
    ['a stranger cannot confirm', STRANGER, 'FORBIDDEN'],
    ['the clerk of another unit cannot confirm', CLERK_TZ, 'FORBIDDEN'],
    ['another agent cannot confirm', OTHER_AGENT, 'FORBIDDEN'],
    ['the agent cannot skip the clerk', AGENT, 'INVALID_TRANSITION'],
  ]
  it.each(actTable)('%s', async (_who, openid, code) => {
    const r = await s.call(openid, 'confirm', { claimId: workerClaim, version: 1 })
    expect(r).toMatchObject({ ok: false, code })
  })

  it('queues are scoped: clerk → own unit, agent → own units, office → all; workers have none', async () => {
    expect(okData(await s.call(CLERK_WH, 'queue', {})).total).toBe(2)
    expect(okData(await s.call(CLERK_TZ, 'queue', {})).total).toBe(0)
    expect(okData(await s.call(AGENT, 'queue', {})).total).toBe(2)
    expect(okData(await s.call(OTHER_AGENT, 'queue', {})).total).toBe(0)
    const office = okData(await s.call(OFFICE, 'queue', { status: 'submitted' }))
    expect(office.counts.submitted).toBe(2)
    expect(office.items).toHaveLength(2)
    expect(okData(await s.call(OFFICE, 'queue', { agentId: 'agent-other' })).total).toBe(0)
    expect(office.agents.map((a: any) => a.name).sort()).toEqual(['城区总工会', '开发区总工会'].sort())
    expect(okData(await s.call(AGENT, 'queue', {})).agents).toEqual([])
    expect(await s.call(WORKER, 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call(AGENT, 'ledger', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('"mine" lists only the caller’s claims', async () => {
    expect(okData(await s.call(WORKER_2, 'mine')).items.map((c: any) => c.id)).toEqual([workerClaim])
    expect(okData(await s.call(BENEFICIARY, 'mine')).items.map((c: any) => c.id)).toEqual([beneficiaryClaim])
    expect(okData(await s.call(WORKER, 'mine')).items).toEqual([])
  })
})

describe('filing for someone else', () => {
  it('a beneficiary must name the participant exactly (name + ID) and may only file a death claim', async () => {
    const wrongName = await s.call(STRANGER, 'prepare', { target: { mode: 'beneficiary', name: '李晓西', residentId: '420702198411231256' } })
    expect(wrongName).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const prep = okData(await s.call(STRANGER, 'prepare', { target: { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' } }))
    expect(prep.person.idMasked).toBe('4207**********1256')
    const illness = await s.call(STRANGER, 'saveDraft', {
      target: { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' },
      participationId: prep.participations[0].id,
      product: 'critical',
      kind: 'illness',
      facts: {},
      files: {},
    })
    expect(illness).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('the beneficiary claim is recorded as such and assessed as a renewing death from an illness outside the list', async () => {
    const got = okData(await s.call(OFFICE, 'get', { claimId: beneficiaryClaim }))
    expect(got.filedBy).toMatchObject({ as: 'beneficiary', name: '李小梅' })
    expect(got.assessmentAtSubmit).toMatchObject({ payable: true, amountFen: 600_000 }) // 2 shares × 3,000 (Art. 10(二)2)
  })

  it('looking up participants by name + ID is throttled: 5 misses lock the caller out, the right pair included', async () => {
    const prober = 'prober-0001'
    const probe = (residentId: string, name = '李晓东') => s.call(prober, 'prepare', { target: { mode: 'beneficiary', name, residentId } })
    for (let i = 1; i <= 4; i++) {
      const miss = await probe('42070219841123125X')
      expect(miss).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(miss.message).toContain(`还可尝试 ${5 - i} 次`)
    }
    expect((await probe('42070219841123125X')).message).toContain('已暂停查找')
    expect(await probe('420702198411231256')).toMatchObject({ ok: false, code: 'THROTTLED' })
    // Another WeChat user is not affected.
    expect((await s.call('prober-0002', 'prepare', { target: { mode: 'beneficiary', name: '李晓东', residentId: '420702198411231256' } })).ok).toBe(true)
  })

  it('a clerk files on behalf of a worker of their unit only, recorded as such', async () => {
    const other = await s.call(CLERK_TZ, 'prepare', { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p004' } })
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const r = await fileClaim(s, CLERK_WH, { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p004' }, facts: { ...WH_ILLNESS, payee: { ...PAYEE, name: '赵磊' } } })
    const claim = okData(await s.call(CLERK_WH, 'get', { claimId: okData(r.submit).claimId }))
    expect(claim.filedBy.as).toBe('clerk')
    expect(claim.personName).toBe('赵磊')
    expect(claim.history[0]).toMatchObject({ event: 'submit', role: 'clerk' })
  })
})

describe('refusals', () => {
  it('a late WH claim is refused with the reason and the last day (Art. 18: diagnosis + 119 days)', async () => {
    const r = await fileClaim(s, CLERK_WH, {
      target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p005' },
      facts: { ...WH_ILLNESS, eventDate: '2021-01-20', admission: '2021-01-20', discharge: '2021-01-30' },
    })
    expect(r.submit).toMatchObject({ ok: false, code: 'LATE_CLAIM' })
    expect(r.submit.message).toContain('2021-05-19')
    expect(r.submit.message).toContain('第十八条')
  })

  it('missing materials are named; incomplete facts are refused with the form’s own messages', async () => {
    const r = await fileClaim(s, CLERK_WH, {
      target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p006' },
      items: ['participant_id', 'discharge_summary', 'medical_record'],
    })
    expect(r.submit).toMatchObject({ ok: false, code: 'MATERIALS_MISSING' })
    expect(r.submit.message).toContain('确诊检查报告单')
    const f = await fileClaim(s, CLERK_WH, {
      target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p007' },
      facts: { ...WH_ILLNESS, hospital: undefined, eventDate: undefined },
    })
    expect(f.submit).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(f.submit.message).toContain('请填写确诊日期')
  })

  it('someone else cannot submit or edit my draft', async () => {
    const r = await fileClaim(s, WORKER, { consent: false })
    const draftId = r.draft!.draftId
    expect(await s.call(STRANGER, 'submit', { draftId, idempotencyKey: 'steal-attempt-1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call(STRANGER, 'getDraft', { draftId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(okData(await s.call(WORKER, 'getDraft', { draftId })).draft.files.medical_record).toHaveLength(1)
    expect(okData(await s.call(WORKER, 'myDrafts')).map((d: any) => d.id)).toContain(draftId)
  })
})

describe('concurrency: two reviewers act on the same claim at once', () => {
  it('two clerk confirmations of the same version: one succeeds, the other gets a clear conflict', async () => {
    const results = await Promise.all([
      s.call(CLERK_WH, 'confirm', { claimId: workerClaim, version: 1 }),
      s.call(CLERK_WH, 'confirm', { claimId: workerClaim, version: 1 }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const loser = results.find((r) => !r.ok)
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(loser.message).toContain('刷新')
    expect(okData(await s.call(OFFICE, 'get', { claimId: workerClaim })).history).toHaveLength(2)
  })

  it('approve and reject at the same moment: exactly one decision, one payout at most', async () => {
    const b = await s.call(AGENT, 'confirm', { claimId: workerClaim, version: 2 })
    expect(b.ok).toBe(true)
    const v = await versionOf(s, workerClaim)
    const results = await Promise.all([
      s.call(OFFICE, 'decide', { claimId: workerClaim, version: v, outcome: 'approve' }),
      s.call(OFFICE, 'decide', { claimId: workerClaim, version: v, outcome: 'reject', reasonCode: 'FRAUD', note: '同时操作测试' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' })
    const payouts = await s.db.collection('payouts').where({ claimId: workerClaim }).count()
    const status = okData(await s.call(OFFICE, 'get', { claimId: workerClaim })).status
    expect(payouts.total).toBe(status === 'approved' ? 1 : 0)
    const decisions = await s.db.collection('audit').where({ entityId: workerClaim }).get()
    expect(decisions.data.filter((a: any) => a.action === 'claim.approve' || a.action === 'claim.reject')).toHaveLength(1)
  })
})

describe('concurrency: two claims of one person approved at once', () => {
  it('only one is paid for the period; the other gets a conflict and is then assessed as coverage ended', async () => {
    const target = { mode: 'on_behalf', personId: 'unit-wh-minghu-p008' }
    const payee = { ...PAYEE, name: '黄丽华' }
    const a = okData((await fileClaim(s, CLERK_WH, { target, facts: { ...WH_ILLNESS, payee } })).submit).claimId
    const b = okData((await fileClaim(s, CLERK_WH, { target, facts: { ...WH_ILLNESS, disease: 'WH01', payee } })).submit).claimId
    await confirmToOffice(s, a, CLERK_WH_2)
    await confirmToOffice(s, b, CLERK_WH_2)
    const [va, vb] = [await versionOf(s, a), await versionOf(s, b)]
    const results = await Promise.all([
      s.call(OFFICE, 'decide', { claimId: a, version: va, outcome: 'approve' }),
      s.call(OFFICE, 'decide', { claimId: b, version: vb, outcome: 'approve' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    // CONFLICT when both read the participation before either committed (the check inside the transaction);
    // NOTHING_PAYABLE when the second one started after the first committed.
    expect(['CONFLICT', 'NOTHING_PAYABLE']).toContain(results.find((r) => !r.ok).code)
    const loser = results[0].ok ? b : a
    const again = await s.call(OFFICE, 'decide', { claimId: loser, version: await versionOf(s, loser), outcome: 'approve' })
    expect(again).toMatchObject({ ok: false, code: 'NOTHING_PAYABLE' })
    const payouts = await s.db.collection('payouts').where({ claimId: s.db.command.in([a, b]) }).count()
    expect(payouts.total).toBe(1)
  })
})

describe('TZ inpatient claim (worked example 5)', () => {
  it('subsidy 60 % of the self-pay part + 10 allowance days; the days accumulate on the participation', async () => {
    const now = new Date()
    await s.db.collection('participations').add({
      data: {
        _id: 'part-2021-unit-tz-haiyue-p001',
        ...newParticipation(
          {
            enrolmentId: 'enrol-tz-test',
            unit: { _id: 'unit-tz-haiyue', agentId: 'agent-chengqu' },
            person: { _id: 'unit-tz-haiyue-p001', idHash: 'test-hash-tz-p001', idMasked: '3310**********2002', name: '余静', sex: 'female' },
            scheme: { id: 'tz-2021', family: 'TZ' },
            year: 2021,
            products: ['inpatient', 'critical', 'female'],
            shares: 1,
            firstTime: true,
          },
          now,
          { start: '2021-04-01', end: '2021-12-31' },
        ),
      },
    })
    const r = await fileClaim(s, WORKER_TZ, {
      product: 'inpatient',
      kind: 'inpatient',
      facts: {
        hospital: '台州市中心医院',
        designatedHospital: true,
        admission: '2021-05-03',
        discharge: '2021-05-13',
        selfPayFen: 400_000,
        selfFundedFen: 80_000,
        medicalInsurance: 'employee',
        payee: { ...PAYEE, name: '余静' },
      },
      items: ['participant_id', 'inpatient_receipts', 'settlement_statement', 'discharge_summary'],
    })
    const claimId = okData(r.submit).claimId
    expect(okData(r.submit).claimNo).toMatch(/^TZ2021-000001$/)
    await confirmToOffice(s, claimId, CLERK_TZ)
    const got = okData(await s.call(OFFICE, 'get', { claimId }))
    expect(got.assessmentAtSubmit.amountFen).toBe(270_000)
    const d = okData(await s.call(OFFICE, 'decide', { claimId, version: got.version, outcome: 'approve' }))
    expect(d.amountFen).toBe(270_000)
    const part = await s.db.collection('participations').where({ _id: 'part-2021-unit-tz-haiyue-p001' }).get()
    expect(part.data[0]).toMatchObject({ inpatientDaysUsed: 10, endedProducts: [] })
    okData(await s.call(OFFICE, 'markPaid', { claimId, version: got.version + 1, paidOn: '2021-06-15', reference: 'TZ-PAY-0001' }))
    const ledger = okData(await s.call(OFFICE, 'ledger', {}))
    const tz = ledger.funds.find((f: any) => f.family === 'TZ' && f.year === 2021)
    expect(tz).toMatchObject({ payoutsFen: 270_000, contributionsFen: 0, balanceFen: -270_000 })
    // Kept separate per scheme: the WH fund is untouched by the TZ payout.
    const wh = ledger.funds.find((f: any) => f.family === 'WH' && f.year === 2021)
    expect(wh.payoutsFen).toBe(0)
  })
})

describe('messages inbox', () => {
  it('lists only the caller’s messages and marks only their own read', async () => {
    const mine = okData(await s.emu.callFunction('messages', { action: 'list' }, { openid: WORKER_2 }))
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.unread).toBe(mine.items.length)
    const ids = mine.items.map((m: any) => m.id)
    const stolen = okData(await s.emu.callFunction('messages', { action: 'markRead', ids }, { openid: STRANGER }))
    expect(stolen.updated).toBe(0)
    const done = okData(await s.emu.callFunction('messages', { action: 'markRead', ids: [ids[0]] }, { openid: WORKER_2 }))
    expect(done.updated).toBe(1)
    const after = okData(await s.emu.callFunction('messages', { action: 'list' }, { openid: WORKER_2 }))
    expect(after.unread).toBe(mine.unread - 1)
    const all = okData(await s.emu.callFunction('messages', { action: 'markRead', all: true }, { openid: WORKER_2 }))
    expect(all.updated).toBe(mine.unread - 1)
  })
})
