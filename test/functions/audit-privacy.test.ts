/**
 * Audit and privacy: refused and failed sensitive attempts are on the audit record (FORBIDDEN refusals, a wrong
 * invitation code, a missed beneficiary lookup, throttle locks, every opening of medical photos), and no notice — inbox
 * or push — carries a reviewer's free text: it points to the claim or declaration instead.
 */
import { SUBSCRIBE_ON } from '@mutual-aid/contracts'
import { AGENT, CLERK_TZ, CLERK_WH, OFFICE, WORKER, WORKER_2, confirmToOffice, fileClaim, okData, startSuite, versionOf, type Suite } from './claims/helpers'
import { TZ_UNIT } from './enrolment/helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

const auditOf = async (where: object) => (await s.db.collection('audit').where(where).limit(1000).get()).data as any[]
const fn = (name: string, openid: string, action: string, input: Record<string, unknown> = {}) => s.emu.callFunction(name, { action, ...input }, { openid })

describe('refused and failed attempts are on the record', () => {
  let claimId = ''
  beforeAll(async () => {
    claimId = okData((await fileClaim(s, WORKER_2)).submit).claimId
  })

  const refusals: [row: string, call: () => Promise<any>, action: string, openid: string, targets: () => Record<string, string>][] = [
    ['a worker confirming a claim (FORBIDDEN by scope)', () => s.call(WORKER, 'confirm', { claimId, version: 1 }), 'claims.confirm.refused', WORKER, () => ({ claimId })],
    ['another unit’s clerk opening the photos', () => s.call(CLERK_TZ, 'photoUrls', { claimId }), 'claims.photoUrls.refused', CLERK_TZ, () => ({ claimId })],
    ['a worker asking for the review queue (FORBIDDEN by role)', () => s.call(WORKER, 'queue', {}), 'claims.queue.refused', WORKER, () => ({})],
    ['a clerk reviewing another unit’s declaration', () => fn('enrolment', CLERK_WH, 'review', { enrolmentId: 'enrol-nope', version: 1, decision: 'approve' }), 'enrolment.review.refused', CLERK_WH, () => ({ enrolmentId: 'enrol-nope' })],
  ]
  it.each(refusals)('%s', async (_row, call, action, openid, targets) => {
    const answer = await call()
    expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const entries = await auditOf({ action, openid })
    expect(entries.length).toBeGreaterThanOrEqual(1)
    expect(entries.at(-1)).toMatchObject({ entity: 'access', after: { code: 'FORBIDDEN', targets: targets() }, note: answer.message })
    expect(entries.at(-1).at).toBeDefined()
  })

  it('a wrong invitation code and a missed beneficiary lookup are recorded without the code or number tried', async () => {
    const wrong = await fn('auth', 'o-wrong-code-001', 'acceptInvite', { code: '12345678' })
    expect(wrong).toMatchObject({ ok: false, code: 'INVITE_INVALID' })
    const invite = await auditOf({ action: 'auth.acceptInvite.failed', openid: 'o-wrong-code-001' })
    expect(invite).toHaveLength(1)
    expect(JSON.stringify(invite[0])).not.toContain('12345678')
    const miss = await fn('claims', 'o-lookup-0001', 'prepare', { target: { mode: 'beneficiary', name: '李晓东', residentId: '42070219841123125X' } })
    expect(miss).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const lookup = await auditOf({ action: 'claims.beneficiaryLookup.failed', openid: 'o-lookup-0001' })
    expect(lookup).toHaveLength(1)
    expect(JSON.stringify(lookup[0])).not.toContain('42070219841123125')
  })

  it('a throttle lock is recorded once, and each attempt it refuses', async () => {
    const who = 'o-locked-user-01'
    for (let i = 0; i < 5; i++) await fn('auth', who, 'bindWorker', { name: '某某', idNumber: '420702198411231256' })
    expect(await fn('auth', who, 'bindWorker', { name: '某某', idNumber: '420702198411231256' })).toMatchObject({ code: 'THROTTLED' })
    expect(await auditOf({ action: 'throttle.lock', entityId: `bind:${who}` })).toHaveLength(1)
    expect(await auditOf({ action: 'throttle.refused', entityId: `bind:${who}` })).toHaveLength(1)
    expect(await auditOf({ action: 'auth.bindWorker.failed', openid: who })).toHaveLength(5)
  })

  it('every opening of a claim’s medical photos: who, when, which claim, which pages', async () => {
    okData(await s.call(CLERK_WH, 'photoUrls', { claimId }))
    okData(await s.call(CLERK_WH, 'photoUrls', { claimId }))
    const opened = await auditOf({ action: 'claim.photos.open', entityId: claimId, openid: CLERK_WH })
    expect(opened).toHaveLength(2)
    expect(opened[0]).toMatchObject({ roles: ['clerk'], after: { files: expect.arrayContaining([expect.stringContaining(`/claims/`)]) } })
  })
})

describe('notices carry no reviewer free text', () => {
  const secret = '白血病复查报告'

  it('a return reason and a rejection note stay on the claim page; the inbox and the push point to it', async () => {
    const r = await fileClaim(s, WORKER)
    const claimId = okData(r.submit).claimId
    okData(await s.call(CLERK_WH, 'return', { claimId, version: 1, reason: `${secret}缺第二页，请补拍` }))
    const claim = okData(await s.call(WORKER, 'get', { claimId }))
    expect(claim.returned.reason).toContain(secret)
    await s.emu.subscribe(WORKER, SUBSCRIBE_ON.claimResubmit)
    okData(await s.call(WORKER, 'resubmit', { claimId, version: claim.version, facts: claim.facts, files: r.draft!.files }))
    okData(await s.call(CLERK_WH, 'confirm', { claimId, version: await versionOf(s, claimId) }))
    okData(await s.call(AGENT, 'confirm', { claimId, version: await versionOf(s, claimId) }))
    okData(await s.call(OFFICE, 'decide', { claimId, version: await versionOf(s, claimId), outcome: 'reject', reasonCode: 'FRAUD', note: `${secret}与病历不符` }))
    const inbox = (await s.db.collection('messages').where({ 'ref.id': claimId }).get()).data
    expect(inbox.map((m: any) => m.template).sort()).toEqual(['claimDecided', 'claimNeedsMaterials', 'claimReceived'])
    for (const m of inbox) expect(`${m.title}${m.body}`).not.toContain(secret)
    expect(inbox.find((m: any) => m.template === 'claimNeedsMaterials').body).toContain('查看退回原因')
    expect(inbox.find((m: any) => m.template === 'claimDecided').body).toContain('查看理由')
    const pushes = (await s.emu.outbox(WORKER)).filter((m: any) => m.page.endsWith(`id=${claimId}`))
    expect(pushes.length).toBeGreaterThan(0)
    for (const m of pushes) expect(JSON.stringify(m.data)).not.toContain(secret)
  })

  it('a declaration returned by the agent: the clerk’s notice points to the declaration, without the reason', async () => {
    await s.emu.subscribe(CLERK_TZ, ['enrolmentReviewed'])
    okData(await fn('units', CLERK_TZ, 'recordStaffReport', { month: '2021-05', headcount: 14 }))
    const people = (await s.db.collection('people').where({ unitId: TZ_UNIT, status: 'in_service' }).limit(100).get()).data.map((p: any) => p._id)
    const declared = okData(await fn('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: people, products: ['inpatient', 'critical'] }))
    okData(await fn('enrolment', AGENT, 'review', { enrolmentId: declared.enrolmentId, version: declared.version, decision: 'return', reason: `余静${secret}未附` }))
    const inbox = (await s.db.collection('messages').where({ openid: CLERK_TZ, 'ref.id': declared.enrolmentId }).get()).data
    expect(inbox).toHaveLength(1)
    expect(`${inbox[0].title}${inbox[0].body}`).not.toContain(secret)
    expect(inbox[0].body).toContain('查看退回原因')
    for (const m of await s.emu.outbox(CLERK_TZ)) expect(JSON.stringify(m.data)).not.toContain(secret)
  })

  it('an approval proposal is never announced to the worker before the second office user confirms it', async () => {
    const r = await fileClaim(s, CLERK_WH, { target: { mode: 'on_behalf', personId: 'unit-wh-minghu-p020' } })
    const claimId = okData(r.submit).claimId
    const now = new Date()
    await s.db.collection('users').add({ data: { _id: 'clerk-wh-audit-2', role: 'clerk', name: '何强', unitId: 'unit-wh-minghu', createdAt: now, updatedAt: now } })
    await confirmToOffice(s, claimId, 'clerk-wh-audit-2')
    okData(await s.call(OFFICE, 'decide', { claimId, version: await versionOf(s, claimId), outcome: 'approve', amountFen: 3_000_000, note: '酌情提高' }))
    const decided = (await s.db.collection('messages').where({ 'ref.id': claimId, template: 'claimDecided' }).get()).data
    expect(decided).toEqual([])
  })
})
