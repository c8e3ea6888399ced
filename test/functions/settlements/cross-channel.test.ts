/**
 * No double payment across channels: a claim filed by hand and a proposal from the bureau's settlement data for the
 * same stay (same person, overlapping days) are recognised both ways, and the 30-day allowance cap counts what is
 * paid or proposed through either. One TZ person per case, so the cases do not share allowance days.
 */
import { TZ_PEOPLE } from '../../../scripts/demo-data'
import { OFFICE, claimSteps, consentAll, csvOf, fileByHand, importToEnd, okData, reportStay, startSettleSuite, tzId, workerOf, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSettleSuite()
  await consentAll(s)
})
afterAll(async () => {
  await s?.emu.stop()
})

/** The bureau reports a stay for person `i`; answers the row's outcome and its claim. */
async function report(i: number, admission: string, discharge: string) {
  const reported = await reportStay(s, i, admission, discharge)
  expect(reported.answer.status).toBe('done')
  return reported
}

const steps = claimSteps(() => s)
const { accept, toOffice } = steps

/** Confirmed by the clerk and the agent, then approved by the office. */
async function approve(claimId: string) {
  await toOffice(claimId)
  return steps.approve(claimId)
}

describe('a claim filed by hand first, then the bureau reports the stay', () => {
  it.each([
    // person, filed stay, reported stay, the hand claim's fate before the import, what the settlement becomes
    [1, ['2021-05-03', '2021-05-13'], ['2021-05-03', '2021-05-13'], 'submitted', 'held'],
    [2, ['2021-05-03', '2021-05-13'], ['2021-05-10', '2021-05-20'], 'submitted', 'held'],
    [3, ['2021-05-03', '2021-05-13'], ['2021-05-13', '2021-05-14'], 'approved', 'held'],
    [4, ['2021-05-03', '2021-05-13'], ['2021-05-14', '2021-05-20'], 'submitted', 'proposed'],
    [5, ['2021-05-03', '2021-05-13'], ['2021-05-03', '2021-05-13'], 'rejected', 'proposed'],
  ] as const)('person %i: filed %j, reported %j, hand claim %s → %s', async (i, filed, reported, fate, expected) => {
    const manual = okData(await fileByHand(s, i, filed[0], filed[1]))
    if (fate === 'approved') await approve(manual.claimId)
    if (fate === 'rejected') {
      await toOffice(manual.claimId)
      await steps.reject(manual.claimId)
    }
    const { row, claim } = await report(i, reported[0], reported[1])
    expect(row.state).toBe(expected)
    expect(claim.status).toBe(expected)
    if (expected === 'held') {
      expect(claim.linkedClaimId).toBe(manual.claimId)
      // Held: never offered — not told, not in the worker's list; the office sees it linked to the claim by hand.
      expect((await s.db.collection('messages').where({ openid: workerOf(i), template: 'claimProposed' }).count()).total).toBe(0)
      expect(okData(await s.call('claims', workerOf(i), 'mine')).items.map((c: any) => c.id)).not.toContain(claim._id)
      expect(okData(await s.call('claims', OFFICE, 'get', { claimId: claim._id }))).toMatchObject({ status: 'held', linkedClaimNo: manual.claimNo })
    }
  })
})

describe('a proposal first, then the worker files the same stay by hand', () => {
  it.each([
    // person, what the worker did with the proposal, the hand claim's answer
    [6, 'nothing', 'PROPOSAL_EXISTS'],
    [7, 'accepted', 'PROPOSAL_EXISTS'],
    [8, 'declined', 'ok'],
  ] as const)('person %i: proposal %s → filing by hand answers %s', async (i, did, expected) => {
    const { claim } = await report(i, '2021-06-01', '2021-06-05')
    expect(claim.status).toBe('proposed')
    if (did === 'accepted') await accept(i, claim._id)
    if (did === 'declined') okData(await s.call('claims', workerOf(i), 'declineProposal', { claimId: claim._id, version: claim.version }))
    const answer = await fileByHand(s, i, '2021-06-03', '2021-06-08')
    if (expected === 'ok') expect(answer).toMatchObject({ ok: true, data: { status: 'submitted' } })
    else {
      expect(answer).toMatchObject({ ok: false, code: expected })
      expect(answer.message).toContain(claim.claimNo)
      expect(answer.message).toMatch(did === 'nothing' ? /待确认/ : /不能重复申请/)
    }
  })
})

describe('the 30-day allowance cap counts what is paid or proposed through either channel', () => {
  it('25 days paid by hand → a 10-day stay reported is proposed with 5 days', async () => {
    const manual = okData(await fileByHand(s, 9, '2021-04-05', '2021-04-30'))
    await approve(manual.claimId)
    const { claim } = await report(9, '2021-05-20', '2021-05-30')
    const allowance = claim.assessmentAtSubmit.lines.find((l: any) => l.benefit === 'inpatient_allowance')
    expect(allowance.amountFen).toBe(5 * 3000)
  })

  it('20 days filed by hand and not yet decided → a 15-day stay reported is proposed with 10 days', async () => {
    okData(await fileByHand(s, 10, '2021-04-05', '2021-04-25'))
    const { claim } = await report(10, '2021-05-10', '2021-05-25')
    expect(claim.assessmentAtSubmit.lines.find((l: any) => l.benefit === 'inpatient_allowance').amountFen).toBe(10 * 3000)
  })

  it('a 20-day proposal open → a 15-day stay in a later import gets 10 days; both paid use exactly 30', async () => {
    const first = await report(11, '2021-04-05', '2021-04-25')
    const second = await report(11, '2021-05-10', '2021-05-25')
    expect(first.claim.assessmentAtSubmit.onPayout.allowanceDays).toBe(20)
    expect(second.claim.assessmentAtSubmit.onPayout.allowanceDays).toBe(10)
    for (const c of [first.claim, second.claim]) {
      await accept(11, c._id)
      await approve(c._id)
    }
    const p = (await s.db.collection('participations').where({ _id: s.part[11] }).get()).data[0]
    expect(p.inpatientDaysUsed).toBe(30)
  })

  it('two overlapping stays in one file: the second is held beside the first', async () => {
    const serial = `Y${Date.now()}`
    okData(
      await importToEnd(
        s,
        OFFICE,
        csvOf([
          { id: tzId(12), name: TZ_PEOPLE[12][0], admission: '2021-06-01', discharge: '2021-06-05', selfPay: '100', selfFunded: '0', serial: `${serial}a` },
          { id: tzId(12), name: TZ_PEOPLE[12][0], admission: '2021-06-04', discharge: '2021-06-09', selfPay: '100', selfFunded: '0', serial: `${serial}b` },
        ]),
      ),
    )
    const rows = (await s.db.collection('settlements').where({ serial: s.db.RegExp({ regexp: `^${serial}` }) }).orderBy('row', 'asc').get()).data
    expect(rows.map((r: any) => r.state)).toEqual(['proposed', 'held'])
  })
})
