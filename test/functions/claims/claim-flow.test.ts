/**
 * The WH claim end to end through the real function bundle on the emulator: draft → submit once → clerk → agent →
 * office approves the computed amount → paid → ledger, coverage ended, messages; plus return / resubmit history.
 */
import { AGENT, CLERK_WH, OFFICE, okData, WORKER, WORKER_2, WH_ILLNESS, confirmToOffice, fileClaim, startSuite, uploadPage, versionOf, type Suite } from './helpers'

let s: Suite

beforeAll(async () => {
  s = await startSuite()
})

afterAll(async () => {
  await s?.emu.stop()
})

describe('WH illness claim, happy path', () => {
  let claimId = ''

  it('prepare shows the worker and the active 2021 participation', async () => {
    const prep = await s.call(WORKER, 'prepare', { target: { mode: 'self' } })
    expect(prep.ok).toBe(true)
    expect(prep.data.filedAs).toBe('worker')
    expect(prep.data.person.name).toBe('张伟')
    expect(prep.data.participations).toHaveLength(1)
    expect(prep.data.participations[0]).toMatchObject({ family: 'WH', year: 2021, shares: 2, firstTime: false, coverageStart: '2021-01-16' })
    expect(prep.data.consent).toBe(false)
  })

  it('refuses to submit without the medical-information consent', async () => {
    const r = await fileClaim(s, WORKER, { consent: false })
    expect(r.submit).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' })
  })

  it('submits once: a double tap with the same key creates exactly one claim', async () => {
    const r = await fileClaim(s, WORKER)
    okData(r.submit)
    claimId = r.submit.data.claimId
    expect(r.submit.data.claimNo).toMatch(/^WH2021-\d{6}$/)
    // Retries with the same key, concurrently and after the fact.
    const again = await Promise.all([
      s.call(WORKER, 'submit', { draftId: r.draft!.draftId, idempotencyKey: r.key }),
      s.call(WORKER, 'submit', { draftId: r.draft!.draftId, idempotencyKey: r.key }),
    ])
    for (const a of again) expect(a).toMatchObject({ ok: true, data: { claimId, duplicate: true } })
    // A new key for the same draft (e.g. the page reloaded) still answers the same claim.
    const fresh = await s.call(WORKER, 'submit', { draftId: r.draft!.draftId, idempotencyKey: 'another-key-123' })
    expect(fresh).toMatchObject({ ok: true, data: { claimId } })
    const count = await s.db.collection('claims').where({ draftId: r.draft!.draftId }).count()
    expect(count.total).toBe(1)
    const outbox = await s.emu.outbox(WORKER)
    expect(outbox.filter((m: any) => JSON.stringify(m).includes(r.submit.data.claimNo))).toHaveLength(1)
  })

  it('the draft cannot be changed after submission', async () => {
    const claim = await s.call(WORKER, 'get', { claimId })
    const draft = await s.db.collection('claimDrafts').where({ claimId }).get()
    const d = draft.data[0]
    const r = await s.call(WORKER, 'saveDraft', { draftId: d._id, version: d.version, participationId: d.participationId, product: 'critical', kind: 'illness', facts: WH_ILLNESS, files: d.files })
    expect(r).toMatchObject({ ok: false, code: 'ALREADY_SUBMITTED' })
    expect(claim.data.status).toBe('submitted')
  })

  it('the worker does not see the assessment before the decision; the clerk does', async () => {
    const mine = await s.call(WORKER, 'get', { claimId })
    expect(mine.data.assessmentAtSubmit).toBeNull()
    expect(mine.data.actions).toEqual(['withdraw']) // their own claim, not yet decided: only withdrawing it
    const clerk = await s.call(CLERK_WH, 'get', { claimId })
    // Renewing, 2 shares, leukaemia in the period → 2 × 10,000 yuan (Art. 7).
    expect(clerk.data.assessmentAtSubmit).toMatchObject({ payable: true, amountFen: 2_000_000 })
    expect(clerk.data.actions).toEqual(['confirm', 'return'])
  })

  it('no skipping a level: the agent and the office cannot act before the clerk', async () => {
    const v = await versionOf(s, claimId)
    expect(await s.call(AGENT, 'confirm', { claimId, version: v })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
    expect(await s.call(OFFICE, 'decide', { claimId, version: v, outcome: 'approve' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
    expect(await s.call(OFFICE, 'confirm', { claimId, version: v })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('clerk and agent confirm; the agent confirmation sets the review due date (30 PRC working days)', async () => {
    await confirmToOffice(s, claimId)
    const got = await s.call(OFFICE, 'get', { claimId })
    expect(got.data.status).toBe('agent_confirmed')
    expect(got.data.materialsCompleteOn).toBe('2021-06-15')
    // 2021-06-15 + 30 working days (Dragon Boat holiday 06-14 is before; none after until 07-27).
    expect(got.data.dueDate).toBe('2021-07-27')
    expect(got.data.history.map((h: any) => [h.event, h.role])).toEqual([
      ['submit', 'worker'],
      ['confirm', 'clerk'],
      ['confirm', 'agent'],
    ])
    expect(got.data.actions).toEqual(['return', 'approve', 'reject'])
  })

  it('the office approves the computed amount with its article; no deciding twice', async () => {
    const v = await versionOf(s, claimId)
    const r = await s.call(OFFICE, 'decide', { claimId, version: v, outcome: 'approve' })
    expect(r).toMatchObject({ ok: true, data: { status: 'approved', amountFen: 2_000_000 } })
    const got = await s.call(WORKER, 'get', { claimId })
    expect(got.data.decision).toMatchObject({ outcome: 'approve', amountFen: 2_000_000, overridden: false })
    expect(got.data.assessmentAtDecision.lines[0]).toMatchObject({ benefit: 'medical', amountFen: 2_000_000, basis: expect.stringContaining('第七条') })
    const twice = await s.call(OFFICE, 'decide', { claimId, version: v + 1, outcome: 'reject', reasonCode: 'FRAUD', note: '重复审批测试' })
    expect(twice).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
    const payout = await s.db.collection('payouts').where({ claimId }).get()
    expect(payout.data[0]).toMatchObject({ amountFen: 2_000_000, status: 'pending', payee: { account: '6222020000000000001' } })
    // Art. 7: any payout ends the participant's coverage for the period.
    const part = await s.db.collection('participations').where({ personId: 'unit-wh-minghu-p001', year: 2021 }).get()
    expect(part.data[0].endedProducts).toEqual(['critical'])
  })

  it('the office marks it paid: ledger payout entry, balance derivable, the worker sees 已支付 and the message', async () => {
    const before = await s.call(OFFICE, 'ledger', { family: 'WH', year: 2021 })
    const v = await versionOf(s, claimId)
    expect(await s.call(OFFICE, 'markPaid', { claimId, version: v, paidOn: '2021-06-20', reference: 'TR-0001' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    const r = await s.call(OFFICE, 'markPaid', { claimId, version: v, paidOn: '2021-06-15', reference: 'TR-20210615-01' })
    expect(r).toMatchObject({ ok: true, data: { status: 'paid' } })
    const again = await s.call(OFFICE, 'markPaid', { claimId, version: v + 1, paidOn: '2021-06-15', reference: 'TR-20210615-01' })
    expect(again).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
    const after = await s.call(OFFICE, 'ledger', { family: 'WH', year: 2021 })
    const fundBefore = before.data.funds[0]
    const fundAfter = after.data.funds[0]
    expect(fundAfter.payoutsFen - fundBefore.payoutsFen).toBe(2_000_000)
    expect(fundAfter.balanceFen).toBe(fundAfter.contributionsFen - fundAfter.payoutsFen)
    expect(fundAfter.contributionsFen).toBeGreaterThan(0)
    const list = await s.call(WORKER, 'mine')
    expect(list.data.items.find((c: any) => c.id === claimId)).toMatchObject({ status: 'paid', amountFen: 2_000_000 })
    const inbox = await s.emu.callFunction('messages', { action: 'list' }, { openid: WORKER })
    expect(inbox.ok).toBe(true)
    const titles = inbox.data.items.map((m: any) => m.title)
    expect(titles.some((t: string) => t.includes('已支付'))).toBe(true)
    // Messages never carry a diagnosis.
    for (const m of inbox.data.items) expect(`${m.title}${m.body}`).not.toMatch(/白血病|WH05/)
    const audit = await s.db.collection('audit').where({ entity: 'claim', entityId: claimId }).get()
    expect(audit.data.map((a: any) => a.action)).toEqual([
      'claim.submit',
      'claim.confirm',
      'claim.confirm',
      'claim.approve',
      'claim.pay',
    ])
  })

  it('a second claim in the period is assessed as coverage ended and cannot be approved', async () => {
    const r = await fileClaim(s, WORKER, { facts: { ...WH_ILLNESS, disease: 'WH01', eventDate: '2021-06-01', admission: '2021-06-01', discharge: '2021-06-10' } })
    okData(r.submit)
    const id = r.submit.data.claimId
    await confirmToOffice(s, id)
    const got = await s.call(OFFICE, 'get', { claimId: id })
    expect(got.data.assessmentAtSubmit.reasons.map((x: any) => x.code)).toContain('COVERAGE_ENDED')
    const v = got.data.version
    expect(await s.call(OFFICE, 'decide', { claimId: id, version: v, outcome: 'approve' })).toMatchObject({ ok: false, code: 'NOTHING_PAYABLE' })
    expect(await s.call(OFFICE, 'decide', { claimId: id, version: v, outcome: 'approve', amountFen: 100_000 })).toMatchObject({
      ok: false,
      code: 'NOTE_REQUIRED',
    })
    const rej = await s.call(OFFICE, 'decide', { claimId: id, version: v, outcome: 'reject', reasonCode: 'NOT_PAYABLE', note: '本期已给付过医疗互助金，保障已终止' })
    expect(rej).toMatchObject({ ok: true, data: { status: 'rejected' } })
  })
})

describe('return for more materials and resubmit', () => {
  it('the agent returns; the worker replaces a page; it goes back to the agent; every version stays', async () => {
    const r = await fileClaim(s, WORKER_2, {
      facts: { ...WH_ILLNESS, disease: 'WH03', eventDate: '2021-04-20', admission: '2021-04-20', discharge: '2021-04-28', payee: { ...WH_ILLNESS.payee, name: '王秀英' } },
    })
    okData(r.submit)
    const claimId = r.submit.data.claimId
    expect(await s.call(CLERK_WH, 'confirm', { claimId, version: 1 })).toMatchObject({ ok: true })
    const short = await s.call(AGENT, 'return', { claimId, version: 2, reason: '缺' })
    expect(short).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const ret = await s.call(AGENT, 'return', { claimId, version: 2, reason: '手术报告不清晰，请重新拍摄' })
    expect(ret).toMatchObject({ ok: true, data: { status: 'returned' } })
    const seen = await s.call(WORKER_2, 'get', { claimId })
    expect(seen.data.returned).toMatchObject({ by: 'agent', reason: '手术报告不清晰，请重新拍摄' })
    expect(seen.data.actions).toEqual(['resubmit', 'withdraw'])
    const outbox = await s.emu.outbox(WORKER_2)
    expect(outbox.some((m: any) => JSON.stringify(m).includes('local-claimNeedsMaterials'))).toBe(true)

    // The clerk cannot resubmit for the worker, and nobody can confirm a returned claim.
    const files = { ...r.draft!.files, surgery_report: [await uploadPage(s.emu, WORKER_2, claimId, 'surgery_report', 9)] }
    expect(await s.call(CLERK_WH, 'resubmit', { claimId, version: 3, facts: seen.data.facts, files })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await s.call(CLERK_WH, 'confirm', { claimId, version: 3 })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
    // A page uploaded under another claim's folder is refused.
    const foreign = { ...files, other: ['cloud://local.bucket/claims/someone-else/other/x.png'] }
    expect(await s.call(WORKER_2, 'resubmit', { claimId, version: 3, facts: seen.data.facts, files: foreign })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

    // Pages gathered for the resubmission are kept in the cloud until it is sent (closing the app loses nothing).
    expect(await s.call(CLERK_WH, 'saveResubmission', { claimId, files })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    okData(await s.call(WORKER_2, 'saveResubmission', { claimId, files, note: '补拍中' }))
    const kept = okData(await s.call(WORKER_2, 'get', { claimId }))
    expect(kept.resubmission).toEqual({ files, note: '补拍中' })
    expect(kept.version).toBe(3)
    expect(okData(await s.call(AGENT, 'get', { claimId })).resubmission).toBeNull()

    const re = await s.call(WORKER_2, 'resubmit', { claimId, version: 3, facts: seen.data.facts, files, note: '已补拍手术报告' })
    expect(re).toMatchObject({ ok: true, data: { status: 'clerk_confirmed' } })
    const got = await s.call(AGENT, 'get', { claimId })
    expect(got.data.materials).toHaveLength(2)
    expect(got.data.materials[0].files.surgery_report).toBeUndefined()
    expect(got.data.materials[1].files.surgery_report).toHaveLength(1)
    expect(got.data.history.map((h: any) => h.event)).toEqual(['submit', 'confirm', 'return', 'resubmit'])
    expect(got.data.actions).toEqual(['confirm', 'return'])
    const left = await s.db.collection('claimDrafts').where({ _id: `resubmit-${claimId}` }).count()
    expect(left.total).toBe(0)
    expect(await s.call(WORKER_2, 'saveResubmission', { claimId, files })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
  })
})
