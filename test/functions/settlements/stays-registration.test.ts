/**
 * How an import registers its proposals' stays (cloudfunctions/_shared/src/stays.ts): a chunk's stays written into
 * `settlementStays` documents first, then the participations made to reference them by one update per document and
 * version read. Checked here: a cut at any write of that (the document written, some version groups moved on) is
 * completed by the same action, each stay registered once and every row decided the same; a claim filed by hand
 * between the document and the update is the one paid (the proposal held beside it), after the update it is refused;
 * two drivers of one import at once register each stay once; and every change to a stay an import holds (approval,
 * decline, withdrawal, rejection) makes the participation's stays its own with the 30-day cap still counting them all.
 */
import { TZ_PEOPLE } from '../../../scripts/demo-data'
import { checkCrashPoints, expectResumable, type State } from '../../helpers/fault-injection'
import {
  OFFICE,
  claimSteps,
  consentAll,
  csvOf,
  fileByHand,
  importToEnd,
  okData,
  startSettleSuite,
  staysInState,
  uploadSettlements,
  workerOf,
  tzId,
  type Suite,
} from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSettleSuite({ faultInjection: true })
  await consentAll(s, 1)
})
afterAll(async () => {
  await s?.emu.stop()
})

const { claimOf, participation, stays, toOffice, approve, reject, accept } = claimSteps(() => s)

/** Person `i`'s stay as one line of the bureau's export. */
const line = (i: number, admission: string, discharge: string, serial: string) => ({ id: tzId(i), name: TZ_PEOPLE[i][0], admission, discharge, selfPay: '1000.00', selfFunded: '0', serial })
const importOf = (fileID: string) => ({ fn: 'settlements', event: { action: 'import', fileID }, identity: { openid: OFFICE } })
const rowOf = async (serial: string) => (await s.db.collection('settlements').where({ serial }).get()).data[0]

/** Every participation's stays are readable (no reference to a missing document), none registered twice. */
function staysProblems(state: State): string[] {
  const broken: string[] = []
  for (const p of state.participations) {
    const refs = (p.stayRefs as string[] | undefined) ?? []
    if (new Set(refs).size !== refs.length) broken.push(`${String(p._id)} references a stays document twice`)
    try {
      const ids = staysInState(state, String(p._id)).map((x) => x.claimId)
      if (new Set(ids).size !== ids.length) broken.push(`a stay registered twice on ${String(p._id)}`)
    } catch (err) {
      broken.push(String(err))
    }
  }
  return broken
}

describe("a chunk's stays: one document written, one update per version group", () => {
  it('cut at any write — document written, some groups moved on — the same action registers each stay once and decides the same', async () => {
    // Persons 1–6 at three different versions: three updates move them on, one per version read.
    const _ = s.db.command
    for (const i of [2, 3, 5, 6]) await s.db.collection('participations').doc(s.part[i]).update({ data: { version: _.inc(i % 3 === 0 ? 2 : 1) } })
    // Person 7 filed the stay by hand before: that row is held beside it, nothing registered for it.
    const manual = okData(await fileByHand(s, 7, '2021-05-03', '2021-05-13'))
    const file = csvOf([
      line(1, '2021-05-03', '2021-05-08', 'SR1'),
      line(1, '2021-05-20', '2021-05-25', 'SR2'),
      ...[2, 3, 4, 5, 6].map((i) => line(i, '2021-05-03', '2021-05-06', `SR${i + 1}`)),
      line(7, '2021-05-04', '2021-05-09', 'SR8'),
    ])
    const fileID = await uploadSettlements(s, OFFICE, file)
    const report = await checkCrashPoints(s.emu, {
      operation: importOf(fileID),
      recovery: [importOf(fileID)],
      digest: {
        collections: ['settlementImports', 'settlements', 'settlementStays', 'claims', 'participations', 'counters', 'messages', 'audit'],
        ignore: ['createdAt', 'updatedAt', 'at', 'push'],
      },
      invariants: (state) => {
        const broken = staysProblems(state)
        const expected: [number, number][] = [[1, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1]]
        for (const [i, n] of expected) {
          const got = staysInState(state, s.part[i])
          if (got.length !== n) broken.push(`person ${i}: ${got.length} stays, expected ${n}`)
        }
        if (staysInState(state, s.part[7])[0]?.claimId !== manual.claimId) broken.push('person 7: the claim by hand lost its stay')
        return broken
      },
    })
    expectResumable(report)
    // The crash points covered the new writes: the stays document, and the three version groups' updates.
    expect(report.writes.filter((w) => w.collection === 'settlementStays')).toHaveLength(1)
    expect(report.writes.filter((w) => w.collection === 'participations')).toHaveLength(3)
    expect(report.runs.length).toBe(2 * report.writes.length)
  }, 900_000)

  it('a claim filed by hand after the stays document, before the update, is the one: the proposal is held beside it', async () => {
    const i = 8
    const fileID = await uploadSettlements(s, OFFICE, csvOf([line(i, '2021-06-01', '2021-06-06', 'SM1')]))
    const before = await s.emu.faults.checkpoint()
    try {
      const reference = await s.emu.faults.run(importOf(fileID))
      const atDoc = reference.writes.find((w) => w.collection === 'settlementStays')!.n
      const atUpdate = reference.writes.find((w) => w.collection === 'participations')!.n
      expect(atDoc).toBeLessThan(atUpdate)

      await s.emu.faults.restore(before)
      await s.emu.faults.run(importOf(fileID), { atWrite: atDoc, when: 'after' })
      const manual = okData(await fileByHand(s, i, '2021-06-02', '2021-06-05'))
      expect(okData(await s.call('settlements', OFFICE, 'import', { fileID })).counts).toMatchObject({ proposed: 0, held: 1 })
      let row = await rowOf('SM1')
      expect(row.state).toBe('held')
      expect(await claimOf(row.claimId)).toMatchObject({ status: 'held', linkedClaimId: manual.claimId })
      expect((await stays(i)).map((x) => x.claimId)).toEqual([manual.claimId])
      // The document written before the cut is referenced by nobody.
      expect((await participation(i)).stayRefs ?? []).toEqual([])

      await s.emu.faults.restore(before)
      await s.emu.faults.run(importOf(fileID), { atWrite: atUpdate, when: 'after' })
      // The stay is registered (its proposal not yet written): filing it by hand is refused.
      expect(await fileByHand(s, i, '2021-06-02', '2021-06-05')).toMatchObject({ ok: false, code: 'PROPOSAL_EXISTS' })
      expect(okData(await s.call('settlements', OFFICE, 'import', { fileID })).counts).toMatchObject({ proposed: 1, held: 0 })
      row = await rowOf('SM1')
      expect(row.state).toBe('proposed')
      expect((await stays(i)).map((x) => x.claimId)).toEqual([row.claimId])
      expect(await claimOf(row.claimId)).toMatchObject({ status: 'proposed', linkedClaimId: null })
    } finally {
      await s.emu.faults.restore(before)
      await s.emu.faults.forget(before)
    }
  }, 300_000)

  it('three drivers of one import at once register each stay once', async () => {
    const file = csvOf([line(9, '2021-05-03', '2021-05-08', 'SD1'), line(9, '2021-05-20', '2021-05-25', 'SD2'), line(10, '2021-05-03', '2021-05-08', 'SD3'), line(11, '2021-05-03', '2021-05-08', 'SD4')])
    const fileID = await uploadSettlements(s, OFFICE, file)
    const before = await s.emu.faults.checkpoint()
    try {
      const reference = await s.emu.faults.run(importOf(fileID))
      const atDoc = reference.writes.find((w) => w.collection === 'settlementStays')!.n
      for (let round = 0; round < 3; round++) {
        await s.emu.faults.restore(before)
        // Cut after the stays document: the import exists and its chunk is to do again, by whoever comes.
        await s.emu.faults.run(importOf(fileID), { atWrite: atDoc, when: 'after' })
        const imp = (await s.db.collection('settlementImports').where({ fileID }).get()).data[0]
        const answers = await Promise.all([
          s.call('settlements', OFFICE, 'continue', { importId: imp._id }),
          s.call('settlements', OFFICE, 'continue', { importId: imp._id }),
          // The page's retry of the upload (not the timer: its tick deletes the file once done, which a restore cannot bring back).
          s.call('settlements', OFFICE, 'import', { fileID }),
        ])
        for (const a of answers) expect(a.ok ? true : a).toBe(true)
        const done = (await s.db.collection('settlementImports').doc(imp._id).get()).data
        expect(done).toMatchObject({ status: 'done', counts: { proposed: 4, held: 0 } })
        const rows = await Promise.all(['SD1', 'SD2', 'SD3', 'SD4'].map(rowOf))
        expect((await stays(9)).map((x) => x.claimId).sort()).toEqual([rows[0].claimId, rows[1].claimId].sort())
        expect((await stays(10)).map((x) => x.claimId)).toEqual([rows[2].claimId])
        expect((await stays(11)).map((x) => x.claimId)).toEqual([rows[3].claimId])
        expect((await s.db.collection('claims').where({ 'settlement.importId': imp._id }).count()).total).toBe(4)
        expect(staysProblems((await s.emu.faults.state(['participations', 'settlementStays'])) as State)).toEqual([])
      }
    } finally {
      await s.emu.faults.restore(before)
      await s.emu.faults.forget(before)
    }
  }, 300_000)
})

describe("changing a stay an import holds makes the participation's stays its own; the 30-day cap still counts them all", () => {
  it('approve, decline, withdraw, reject — each materializes, and each new proposal or claim leaves room for the others', async () => {
    const i = 12
    const own = async () => {
      const p = await participation(i)
      return { refs: p.stayRefs ?? [], own: (p.inpatientStays ?? []).map((x: any) => [x.claimId, x.days, x.counted]) }
    }
    const proposalOf = async (serial: string) => claimOf((await rowOf(serial)).claimId)
    const allowanceDays = (c: any) => c.assessmentAtSubmit.onPayout.allowanceDays

    // Two stays of one import: both held in its stays document, referenced once.
    okData(await importToEnd(s, OFFICE, csvOf([line(i, '2021-04-03', '2021-04-08', 'SA1'), line(i, '2021-04-10', '2021-04-20', 'SA2')])))
    const [sa1, sa2] = [await proposalOf('SA1'), await proposalOf('SA2')]
    expect([allowanceDays(sa1), allowanceDays(sa2)]).toEqual([5, 10])
    expect(await own()).toEqual({ refs: [expect.any(String)], own: [] })

    // Approval counts SA1's days: both stays become the participation's own, SA2 still open.
    await accept(i, sa1._id)
    await toOffice(sa1._id)
    await approve(sa1._id)
    expect(await own()).toEqual({ refs: [], own: [[sa1._id, 5, true], [sa2._id, 10, false]] })
    expect((await participation(i)).inpatientDaysUsed).toBe(5)

    // A later import counts 5 used + 10 open: a 28-night stay is proposed with 15 days.
    okData(await importToEnd(s, OFFICE, csvOf([line(i, '2021-05-01', '2021-05-29', 'SA3')])))
    const sa3 = await proposalOf('SA3')
    expect(allowanceDays(sa3)).toBe(15)
    expect((await own()).refs).toHaveLength(1)

    // Declining SA2 frees it: SA3 (held in the second import's document) becomes its own.
    okData(await s.call('claims', workerOf(i), 'declineProposal', { claimId: sa2._id, version: sa2.version }))
    expect(await own()).toEqual({ refs: [], own: [[sa1._id, 5, true], [sa3._id, 15, false]] })

    // Another import: 5 used + 15 open leave 10 days for a 10-night stay.
    okData(await importToEnd(s, OFFICE, csvOf([line(i, '2021-06-01', '2021-06-11', 'SA4')])))
    const sa4 = await proposalOf('SA4')
    expect(allowanceDays(sa4)).toBe(10)

    // SA3 accepted, then withdrawn by the worker: freed, SA4 becomes its own.
    await accept(i, sa3._id)
    okData(await s.call('claims', workerOf(i), 'withdraw', { claimId: sa3._id, version: (await claimOf(sa3._id)).version, reason: '改为手工申请' }))
    expect(await own()).toEqual({ refs: [], own: [[sa1._id, 5, true], [sa4._id, 10, false]] })

    // SA4 accepted and rejected by the office: freed.
    await accept(i, sa4._id)
    await toOffice(sa4._id)
    await reject(sa4._id)
    expect((await stays(i)).map((x) => x.claimId)).toEqual([sa1._id])

    // The freed 28 nights filed by hand: 30 − 5 used leave 25 days.
    const manual = okData(await fileByHand(s, i, '2021-05-01', '2021-05-29'))
    expect(allowanceDays(await claimOf(manual.claimId))).toBe(25)
    expect((await stays(i)).map((x) => x.claimId)).toEqual([sa1._id, manual.claimId])
  }, 300_000)
})
