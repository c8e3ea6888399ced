/**
 * The kept roster figures (`rosterCounts`, cloudfunctions/_shared/src/roster-counts.ts) after a call cut off at any of
 * its writes (issue 11's "no multi-step operation that a crash can leave half-done", for issue 12's kept figures).
 *
 * For every multi-step path that moves the figures — declaration, resubmission (its earlier participations removed),
 * payment → activation, replacement (its outgoing people voided), roster import, one person added or changing status —
 * and for every write N of it:
 *   1. the figures of both units are counted as they stand just before write N (a count that began then, on another
 *      instance: the race the kept figures must survive),
 *   2. the operation runs from the same start and is cut off right after write N,
 *   3. that overlapping count is stored as `keptRosterCounts` stores one: only if neither of the unit's revisions moved
 *      since it read them,
 *   4. the same request is made again (or the timer fires),
 * and then, at both units and for both countable periods, kept figures stamped fresh equal a full walk of the roster,
 * and what the declaration screen shows (`prepare`) equals it too.
 *
 * Two TZ units share one person (the same ID on both rosters): a place taken or freed at one unit moves the other's
 * figures — the case a crash between removing a declaration's participations and marking the other unit once left one
 * off.
 */
import type { HandlerContext } from '@cloud-shared/context'
import { countRoster, rosterCountsId, type RosterCountsDoc } from '../../../cloudfunctions/_shared/src/roster-counts'
import { makeId, makeRows, rosterXlsx } from '../../fixtures/rosters/make-roster'
import type { FaultStep } from '../../helpers/emulator'
import { CRASH_TRIES, runToCrash } from '../../helpers/fault-injection'
import { AGENT, OFFICE, PRIVATE_CLERK, SMALL_CLERK, privateUnitPaid, smallUnit, startOpsSuite, unitWithClerk, type OpsSuite } from './helpers'

// Each cut costs two stopped runs (≈ 1 s each, more on a busy machine): the suite takes minutes.
jest.setTimeout(900_000)

const TODAY = '2021-06-15'
const YEARS = [2021, 2022]
const CLERK_B = 'o_kept_clerk_b'
/** Unit A's first person (smallUnit's ID recipe), also on unit B's roster. */
const SHARED_ID = makeId('331002', '1985-01-10', 500, true)

let s: OpsSuite
let unitA = ''
let unitB = ''
let peopleA: string[] = []
const clerkOf = new Map<string, string>()
const figures: string[] = []
const ctx = (): HandlerContext => ({ db: s.db, cloud: s.cloud, caller: null as never, clock: { today: () => TODAY, now: () => new Date() } as never, config: null as never, fn: 'test' })

beforeAll(async () => {
  s = await startOpsSuite({ today: TODAY })
  ;({ unitId: unitA, personIds: peopleA } = await smallUnit(s))
  unitB = await unitWithClerk(s, { name: '台州两处在册测试公司', usccBody: '91331002MA2H7K5E3', unitType: 'soe', contactName: '钱七', contactPhone: '13900000024', clerk: CLERK_B })
  await s.ok('roster', CLERK_B, 'add', { name: '两处在册', idNumber: SHARED_ID, hireDate: '2020-03-01' })
  await s.ok('roster', CLERK_B, 'add', { name: '乙单位职工', idNumber: makeId('331002', '1990-02-02', 600, false), hireDate: '2020-03-01' })
  await s.ok('units', CLERK_B, 'recordStaffReport', { month: '2021-05', headcount: 2 })
  clerkOf.set(unitA, SMALL_CLERK).set(unitB, CLERK_B)
  // Both units' figures kept before anything happens (so every path starts from fresh kept figures).
  for (const unitId of [unitA, unitB]) await s.ok('enrolment', clerkOf.get(unitId)!, 'prepare', { year: 2021 })
})
afterAll(async () => {
  for (const line of figures) console.log(`[kept figures] ${line}`)
  await s?.emu.stop()
})

const unitDoc = async (unitId: string) => (await s.db.collection('units').doc(unitId).get()).data
const stampsOf = (u: any) => [u.rosterRevision ?? 0, u.standingRevision ?? 0]

/** A count of one unit's period as `keptRosterCounts` takes it: the unit's revisions read first, then the walk. */
async function countNow(unitId: string, year: number) {
  const unit = await unitDoc(unitId)
  return { unitId, year, stamps: stampsOf(unit), counted: await countRoster(ctx(), unitId, 'TZ', year) }
}

/** Kept figures that claim to be fresh but differ from the walk, at both units and periods; and the screen's figures. */
async function keptProblems(): Promise<string[]> {
  const problems: string[] = []
  const check = async (when: string) => {
    for (const unitId of [unitA, unitB]) {
      const unit = await unitDoc(unitId)
      for (const year of YEARS) {
        const kept = ((await s.db.collection('rosterCounts').where({ _id: rosterCountsId(unitId, year) }).get()).data[0] as RosterCountsDoc | undefined) ?? null
        if (!kept || JSON.stringify([kept.rosterRevision, kept.standingRevision]) !== JSON.stringify(stampsOf(unit))) continue
        const walked = await countRoster(ctx(), unitId, 'TZ', year)
        const keptFigures = { inService: kept.inService, cells: kept.cells }
        if (JSON.stringify(keptFigures) !== JSON.stringify(walked)) {
          problems.push(`${when}: unit ${unitId === unitA ? 'A' : 'B'} ${year}: kept figures stamped fresh ${JSON.stringify(keptFigures)} ≠ the walk ${JSON.stringify(walked)}`)
        }
      }
    }
  }
  await check('after the retry')
  // What the declaration screen shows: the kept figures (counted again where stale), equal to the walk.
  for (const unitId of [unitA, unitB]) {
    const p = await s.call('enrolment', clerkOf.get(unitId)!, 'prepare', { year: 2021 })
    if (!p.ok) problems.push(`prepare at unit ${unitId === unitA ? 'A' : 'B'} answered ${p.code}: ${p.message}`)
    else if (p.data.roster.inService !== (await countRoster(ctx(), unitId, 'TZ', 2021)).inService) problems.push(`prepare at unit ${unitId === unitA ? 'A' : 'B'}: ${p.data.roster.inService} in service`)
  }
  await check('after the screen opened')
  return problems
}

/**
 * Cuts `operation` off after each of its writes with a count overlapping that write (see the file's comment), runs
 * `recovery`, and answers the problems found per cut. The database is left as it was found.
 */
async function keptFiguresAtEveryCut(name: string, operation: FaultStep, recovery: FaultStep[] = [operation]): Promise<string[]> {
  const started = Date.now()
  const checkpoint = await s.emu.faults.checkpoint()
  const broken: string[] = []
  let cuts = 0
  let stored = 0
  try {
    const reference = await s.emu.faults.run(operation)
    if (reference.crashed || reference.writes.length === 0) throw new Error(`${name}: the uninterrupted run ${JSON.stringify(reference.result).slice(0, 300)}`)
    for (const step of recovery) await s.emu.faults.run(step)
    const referenceProblems = await keptProblems()
    if (referenceProblems.length) broken.push(`uninterrupted: ${referenceProblems.join('; ')}`)
    for (const write of reference.writes) {
      await s.emu.faults.restore(checkpoint)
      // The state just before write N, counted as another instance would.
      await s.emu.faults.run(operation, { atWrite: write.n, when: 'before' })
      const overlapping = await Promise.all([unitA, unitB].flatMap((unitId) => YEARS.map((year) => countNow(unitId, year))))
      const cut = await runToCrash(s.emu, checkpoint, operation, { atWrite: write.n, when: 'after' })
      if (!cut.crashed) {
        broken.push(`write ${write.n}: cut not reached in ${CRASH_TRIES} tries (the call made ${cut.writes.length} writes and answered ${JSON.stringify(cut.result).slice(0, 200)})`)
        continue
      }
      cuts++
      // Stored as keptRosterCounts stores it: only if neither revision moved while it counted.
      for (const o of overlapping) {
        if (JSON.stringify(stampsOf(await unitDoc(o.unitId))) !== JSON.stringify(o.stamps)) continue
        stored++
        await s.db.collection('rosterCounts').doc(rosterCountsId(o.unitId, o.year)).set({
          data: { unitId: o.unitId, family: 'TZ', year: o.year, rosterRevision: o.stamps[0], standingRevision: o.stamps[1], ...o.counted, countedAt: new Date() },
        })
      }
      for (const step of recovery) await s.emu.faults.run(step)
      for (const problem of await keptProblems()) broken.push(`cut after write ${write.n} (${write.fn} ${write.action} ${write.collection ?? ''}): ${problem}`)
    }
    figures.push(`${name}: ${reference.writes.length} writes, ${cuts} cuts, ${stored} overlapping counts stored fresh, ${broken.length} broken, ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return broken
  } finally {
    await s.emu.faults.restore(checkpoint)
    await s.emu.faults.forget(checkpoint)
  }
}

/** Runs `body` from a checkpoint and puts the database back afterwards. */
async function from<T>(setUp: () => Promise<T>, body: (t: T) => Promise<void>): Promise<void> {
  const checkpoint = await s.emu.faults.checkpoint()
  try {
    await body(await setUp())
  } finally {
    await s.emu.faults.restore(checkpoint)
    await s.emu.faults.forget(checkpoint)
  }
}

const DECLARE = { year: 2021, products: ['inpatient', 'critical'] }
const clerkA = { openid: SMALL_CLERK }

test('declaration: a place taken at unit A shows at unit B, whatever write the submission is cut off at', async () => {
  const op: FaultStep = { fn: 'enrolment', event: { action: 'submit', ...DECLARE, personIds: peopleA }, identity: clerkA }
  expect(await keptFiguresAtEveryCut('enrolment.submit', op)).toEqual([])
})

test('a declaration undone (名单已变化 while it was written): its participations removed free the shared person at unit B, whatever write the undo is cut off at', async () => {
  await from(
    async () => {
      const p = await s.ok('enrolment', SMALL_CLERK, 'prepare', { year: 2021 })
      const event = { action: 'submit', ...DECLARE, allExcept: { rosterRevision: p.roster.revision, count: 3, except: [] } }
      // Cut off once its participations are written (the operation still running), then the roster moves.
      const first = await s.emu.faults.run({ fn: 'enrolment', event, identity: clerkA }, { atWrite: 3, when: 'after' })
      if (!first.crashed) throw new Error('the declaration was not cut off')
      const person = (await s.db.collection('people').doc(peopleA[2]).get()).data
      await s.ok('roster', SMALL_CLERK, 'setStatus', { personId: person._id, version: person.version, status: 'left' })
      return event
    },
    async (event) => {
      // The same submit again meets 名单已变化 and undoes the declaration (removes its participations, ends it failed).
      expect(await keptFiguresAtEveryCut('enrolment.submit undone (ROSTER_CHANGED)', { fn: 'enrolment', event, identity: clerkA })).toEqual([])
    },
  )
})

/** A's declaration of all three, returned; the shared person then leaves A, so the resubmission frees their place. */
async function returnedWithoutShared(): Promise<{ enrolmentId: string; version: number }> {
  const declared = await s.ok('enrolment', SMALL_CLERK, 'submit', { ...DECLARE, personIds: peopleA })
  await s.ok('enrolment', AGENT, 'review', { enrolmentId: declared.enrolmentId, version: declared.version, decision: 'return', reason: '请核对人员名单' })
  const person = (await s.db.collection('people').doc(peopleA[0]).get()).data
  await s.ok('roster', SMALL_CLERK, 'setStatus', { personId: person._id, version: person.version, status: 'left' })
  await s.ok('units', SMALL_CLERK, 'recordStaffReport', { month: '2021-06', headcount: 2 })
  return { enrolmentId: declared.enrolmentId, version: declared.version + 1 }
}

test('resubmission: the earlier participations removed free the shared person at unit B, whatever write it is cut off at', async () => {
  await from(returnedWithoutShared, async ({ enrolmentId, version }) => {
    const op: FaultStep = { fn: 'enrolment', event: { action: 'submit', ...DECLARE, personIds: peopleA.slice(1), enrolmentId, version }, identity: clerkA }
    expect(await keptFiguresAtEveryCut('enrolment.submit (resubmission)', op)).toEqual([])
  })
})

test('resubmission finished by the timer alone after the cut', async () => {
  await from(returnedWithoutShared, async ({ enrolmentId, version }) => {
    const op: FaultStep = { fn: 'enrolment', event: { action: 'submit', ...DECLARE, personIds: peopleA.slice(1), enrolmentId, version }, identity: clerkA }
    expect(await keptFiguresAtEveryCut('enrolment.submit (resubmission, timer)', op, [{ timer: { fn: 'enrolment', trigger: 'resume' } }])).toEqual([])
  })
})

test('payment → activation: active coverage here makes next period renewing, whatever write it is cut off at', async () => {
  await from(
    async () => {
      const declared = await s.ok('enrolment', SMALL_CLERK, 'submit', { ...DECLARE, personIds: peopleA })
      const approved = await s.ok('enrolment', AGENT, 'review', { enrolmentId: declared.enrolmentId, version: declared.version, decision: 'approve' })
      const e = (await s.ok('enrolment', OFFICE, 'get', { enrolmentId: declared.enrolmentId })).enrolment
      // Next period's figures kept too, so the activation has fresh figures of 2022 to make stale.
      for (const unitId of [unitA, unitB]) await countAndKeep(unitId, 2022)
      return { enrolmentId: declared.enrolmentId, version: approved.version, amountFen: e.quote.totalFen }
    },
    async ({ enrolmentId, version, amountFen }) => {
      const op: FaultStep = { fn: 'enrolment', event: { action: 'recordPayment', enrolmentId, version, amountFen, paidOn: TODAY, reference: 'BANK-KEPT' }, identity: { openid: OFFICE } }
      expect(await keptFiguresAtEveryCut('enrolment.recordPayment → activation', op)).toEqual([])
    },
  )
})

/** Keeps a period's figures as the screen would (next period's screen cannot be opened before its window). */
async function countAndKeep(unitId: string, year: number): Promise<void> {
  const o = await countNow(unitId, year)
  await s.db.collection('rosterCounts').doc(rosterCountsId(unitId, year)).set({
    data: { unitId, family: 'TZ', year, rosterRevision: o.stamps[0], standingRevision: o.stamps[1], ...o.counted, countedAt: new Date() },
  })
}

test('replacement taking effect: the outgoing person, also on unit B, is free there again, whatever write it is cut off at', async () => {
  await from(
    async () => {
      const unit = await privateUnitPaid(s)
      // The private unit's first person is also on unit B's roster (B sees their place held by the annual batch).
      const outgoing = (await s.db.collection('people').doc(unit.personIds[0]).get()).data
      await s.db.collection('people').add({ data: { ...withoutId(outgoing), unitId: unitB, openid: null, version: 1 } })
      await s.db.collection('units').doc(unitB).update({ data: { rosterRevision: s.db.command.inc(1) } })
      const batch = await s.ok('enrolment', PRIVATE_CLERK, 'replace', { year: 2021, outPersonIds: [unit.personIds[0]], inPersonIds: [unit.personIds[10]] })
      for (const unitId of [unitA, unitB]) for (const year of YEARS) await countAndKeep(unitId, year)
      return batch as { enrolmentId: string; version: number; totalFen: number }
    },
    async ({ enrolmentId, version, totalFen }) => {
      // A batch with no fee difference takes effect on approval (its activation voids the outgoing participation);
      // one with a difference, on its payment.
      const approve: FaultStep = { fn: 'enrolment', event: { action: 'review', enrolmentId, version, decision: 'approve' }, identity: { openid: AGENT } }
      if (totalFen === 0) {
        // Approved again, the review answers CONFLICT (the version moved): the timer finishes an activation left running.
        const recovery: FaultStep[] = [approve, { timer: { fn: 'enrolment', trigger: 'resume' } }]
        expect(await keptFiguresAtEveryCut('enrolment.review (replacement) → activation with voids', approve, recovery)).toEqual([])
        return
      }
      const approved = await s.ok('enrolment', AGENT, 'review', { enrolmentId, version, decision: 'approve' })
      const op: FaultStep = { fn: 'enrolment', event: { action: 'recordPayment', enrolmentId, version: approved.version, amountFen: totalFen, paidOn: TODAY, reference: 'BANK-KEPT-R' }, identity: { openid: OFFICE } }
      expect(await keptFiguresAtEveryCut('enrolment.recordPayment (replacement) → activation with voids', op)).toEqual([])
    },
  )
})

function withoutId<T extends { _id?: unknown }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc
  return rest
}

test('roster import at unit A: a new person and a changed one, whatever write it is cut off at (the same file again)', async () => {
  const rows = [{ name: '小厂职工二改', idNumber: makeId('331002', '1985-02-11', 501, false), hireDate: '2020-01-01', status: '在职' }, ...makeRows(2, { offset: 9100 })]
  const fileID = (await s.cloud.uploadFile({ cloudPath: `roster-imports/${unitA}/kept.xlsx`, fileContent: await rosterXlsx(rows) })).fileID
  const op: FaultStep = { fn: 'roster', event: { action: 'import', fileID }, identity: clerkA }
  expect(await keptFiguresAtEveryCut('roster.import', op)).toEqual([])
  expect(await keptFiguresAtEveryCut('roster.import (timer)', op, [{ timer: { fn: 'roster', trigger: 'resume' } }])).toEqual([])
})

test('one person added at unit B, and the shared person leaving it: each in one transaction', async () => {
  const add: FaultStep = { fn: 'roster', event: { action: 'add', name: '乙单位新人', idNumber: makeId('331002', '1992-03-03', 610, true), hireDate: '2021-01-04' }, identity: { openid: CLERK_B } }
  expect(await keptFiguresAtEveryCut('roster.add', add)).toEqual([])
  const shared = (await s.db.collection('people').where({ unitId: unitB, name: '两处在册' }).get()).data[0]
  const leave: FaultStep = { fn: 'roster', event: { action: 'setStatus', personId: shared._id, version: shared.version, status: 'left' }, identity: { openid: CLERK_B } }
  expect(await keptFiguresAtEveryCut('roster.setStatus', leave)).toEqual([])
})
