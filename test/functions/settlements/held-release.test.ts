/**
 * A proposal held beside a claim filed by hand for the same stay, and what becomes of it as that claim goes on: released
 * (back to proposed, its stay registered, re-assessed, the participant told) in the transaction that rejects the claim
 * by hand; still held while that claim is returned, approved or paid. And the other way round: a proposal that ends
 * (declined, lapsed, accepted then rejected) frees its stay for a claim filed by hand. One TZ person per case.
 * Also: an accepted proposal enters review at the level of the participation's own scheme version, published ones
 * included (`bureauClaimRules` of the loaded version).
 */
import { getScheme } from '@mutual-aid/shared-rules'
import { OFFICE, claimSteps, consentAll, fileByHand, okData, reportStay, startSettleSuite, workerOf, type Suite } from './helpers'

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
const { claimOf, stays, version, proposalNotices: notices, toOffice, reject, approve, markPaid, returnIt, accept } = claimSteps(() => s)

describe('a held proposal as the claim filed by hand for the stay goes on', () => {
  it.each([
    // person, what happens to the claim filed by hand, what the held proposal becomes
    [1, 'rejected', 'proposed'],
    [2, 'returned', 'held'],
    [3, 'approved', 'held'],
    [4, 'paid', 'held'],
  ] as const)('person %i: claim by hand %s → proposal %s', async (i, fate, expected) => {
    const manual = okData(await fileByHand(s, i, '2021-05-03', '2021-05-13'))
    const held = await report(i, '2021-05-03', '2021-05-13')
    expect(held).toMatchObject({ status: 'held', linkedClaimId: manual.claimId })
    if (fate === 'returned') await returnIt(manual.claimId)
    else await toOffice(manual.claimId)
    if (fate === 'rejected') await reject(manual.claimId)
    if (fate === 'approved' || fate === 'paid') await approve(manual.claimId)
    if (fate === 'paid') await markPaid(manual.claimId)
    const after = await claimOf(held._id)
    expect(after.status).toBe(expected)
    const stayIds = (await stays(i)).map((x) => x.claimId)
    if (expected === 'proposed') {
      // Released in the rejection's transaction: its stay now holds the days, the participant is told once and sees it.
      expect(after.linkedClaimId).toBeNull()
      expect(after.history.at(-1)).toMatchObject({ event: 'release', from: 'held', to: 'proposed' })
      expect(stayIds).toEqual([held._id])
      expect(await notices(i)).toHaveLength(1)
      expect(okData(await s.call('claims', workerOf(i), 'mine')).items.map((c: any) => c.id)).toContain(held._id)
      expect(await s.db.collection('audit').where({ action: 'claim.release', entityId: held._id }).count()).toMatchObject({ total: 1 })
      // Now it is the one claim for the stay: filing it by hand again is refused, accepting it works.
      expect(await fileByHand(s, i, '2021-05-05', '2021-05-10')).toMatchObject({ ok: false, code: 'PROPOSAL_EXISTS' })
      expect(await accept(i, held._id)).toMatchObject({ status: 'submitted' })
    } else {
      expect(after.linkedClaimId).toBe(manual.claimId)
      expect(after.version).toBe(held.version)
      expect(stayIds).toEqual([manual.claimId])
      expect(await notices(i)).toHaveLength(0)
    }
  })

  it('two office users rejecting the claim by hand at once release the proposal once, with one notice', async () => {
    const i = 5
    const manual = okData(await fileByHand(s, i, '2021-05-03', '2021-05-13'))
    const held = await report(i, '2021-05-04', '2021-05-12')
    await toOffice(manual.claimId)
    const v = await version(manual.claimId)
    // Two office users reject at once: one wins, the proposal is released once.
    const answers = await Promise.all([0, 1].map(() => s.call('claims', OFFICE, 'decide', { claimId: manual.claimId, version: v, outcome: 'reject', reasonCode: 'NOT_PAYABLE', note: '材料与事实不符，不予给付' })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect((await claimOf(held._id)).status).toBe('proposed')
    expect(await notices(i)).toHaveLength(1)
    expect((await stays(i)).map((x) => x.claimId)).toEqual([held._id])
  })

  it('released and re-assessed on the participation as it now stands (the 30-day cap counts what was paid since)', async () => {
    const i = 6
    const manual = okData(await fileByHand(s, i, '2021-05-03', '2021-05-13'))
    const held = await report(i, '2021-05-03', '2021-05-13')
    expect(held.assessmentAtSubmit.onPayout.allowanceDays).toBe(10)
    // Meanwhile 25 other days are paid by hand.
    const other = okData(await fileByHand(s, i, '2021-04-05', '2021-04-30'))
    await toOffice(other.claimId)
    await approve(other.claimId)
    await toOffice(manual.claimId)
    await reject(manual.claimId)
    const after = await claimOf(held._id)
    expect(after.status).toBe('proposed')
    expect(after.assessmentAtSubmit.onPayout.allowanceDays).toBe(5)
  })

  it('a proposal held after the rejection looked for held ones (an import racing it) is released by the next tick, once', async () => {
    const i = 12
    const manual = okData(await fileByHand(s, i, '2021-05-03', '2021-05-13'))
    const held = await report(i, '2021-05-03', '2021-05-13')
    // The race's outcome, set directly: the claim by hand rejected with its stay freed, the proposal still held.
    await s.db.collection('claims').doc(manual.claimId).update({ data: { status: 'rejected' } })
    await s.db.collection('participations').doc(s.part[i]).update({ data: { inpatientStays: [] } })
    for (let tick = 0; tick < 2; tick++) await s.emu.fireTimer('settlements', 'tick')
    const after = await claimOf(held._id)
    expect(after).toMatchObject({ status: 'proposed', linkedClaimId: null, version: held.version + 1 })
    expect((await stays(i)).map((x) => x.claimId)).toEqual([held._id])
    expect(await notices(i)).toHaveLength(1)
  })
})

describe('a proposal that ends frees its stay for a claim filed by hand', () => {
  it.each([
    // person, what becomes of the proposal, the answer to filing the stay by hand
    [7, 'open', 'PROPOSAL_EXISTS'],
    [8, 'declined', 'ok'],
    [9, 'accepted then rejected', 'ok'],
    [10, 'accepted then approved', 'PROPOSAL_EXISTS'],
  ] as const)('person %i: proposal %s → filing by hand answers %s', async (i, fate, expected) => {
    const proposal = await report(i, '2021-06-01', '2021-06-05')
    expect(proposal.status).toBe('proposed')
    if (fate === 'declined') okData(await s.call('claims', workerOf(i), 'declineProposal', { claimId: proposal._id, version: proposal.version }))
    if (fate.startsWith('accepted')) {
      await accept(i, proposal._id)
      await toOffice(proposal._id)
      if (fate.endsWith('rejected')) await reject(proposal._id)
      else await approve(proposal._id)
    }
    const answer = await fileByHand(s, i, '2021-06-02', '2021-06-04')
    if (expected === 'ok') expect(answer).toMatchObject({ ok: true, data: { status: 'submitted' } })
    else expect(answer).toMatchObject({ ok: false, code: expected })
  })
})

describe("an accepted proposal enters review at the level of the participation's own version", () => {
  it('a published TZ version that sends bureau-sourced claims straight to the agent', async () => {
    const i = 11
    const base = getScheme('tz-2021')
    if (base.family !== 'TZ') throw new Error('tz-2021 is a TZ version')
    const id = 'tz-2021-bureau'
    const scheme = { ...base, id, inpatient: { ...base.inpatient, bureauClaims: { reviewFrom: 'agent' as const, reminderDaysBefore: 10, basis: '测试公布版本：医保数据免单位确认' } } }
    const now = new Date()
    await s.db.collection('schemeVersions').add({ data: { _id: id, schemeId: id, family: 'TZ', slot: 'TZ-2021-bureau', scheme, baseId: 'tz-2021', draftId: 'draft-test', publishedOn: '2021-03-01', publishedBy: OFFICE, publishedByName: '互助办', createdAt: now } })
    await s.db.collection('participations').doc(s.part[i]).update({ data: { schemeId: id } })
    const proposal = await report(i, '2021-05-03', '2021-05-13')
    expect(proposal).toMatchObject({ status: 'proposed', schemeId: id })
    // The built-in default would be the clerk (submitted); this version's level is the agent's (clerk_confirmed).
    expect(await accept(i, proposal._id)).toMatchObject({ status: 'clerk_confirmed' })
  })
})
