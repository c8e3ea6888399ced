/**
 * Issue 11 (deliverable 2): every multi-step enrolment operation stopped at each of its database writes — before the
 * write and after it — and then retried (or left to the timer) ends exactly as the uninterrupted run does: declaration
 * submit, resubmission, new hires, replacement (参保对象替换, on the same declaration operation), review (its clerk
 * notice through the outbox), and payment → activation with the coverage notice to every bound worker. Small inputs: 3 people have the same crash points, shape for shape, as 3,000.
 */
import { makeId } from '../../fixtures/rosters/make-roster'
import { checkCrashPoints, expectResumable, type CrashPointReport, type State } from '../../helpers/fault-injection'
import { AGENT, CLERK_WH, OFFICE, PRIVATE_CLERK, SMALL_CLERK, SMALL_WORKERS, TIMESTAMPS, privateUnitPaid, smallUnit, startOpsSuite, type OpsSuite } from './helpers'

// Each crash run restarts a stopped function instance (≈ 1 s, more on a busy machine): a suite takes minutes.
jest.setTimeout(600_000)

let s: OpsSuite
let personIds: string[] = []
const figures: string[] = []

beforeAll(async () => {
  s = await startOpsSuite()
  ;({ personIds } = await smallUnit(s))
})
afterAll(async () => {
  for (const line of figures) console.log(`[crash points] ${line}`)
  await s?.emu.stop()
})

const DECLARE = { year: 2021, products: ['inpatient', 'critical'] }
const DECLARATION_DIGEST = {
  collections: ['enrolments', 'participations', 'slots', 'operations', 'audit'],
  ignore: TIMESTAMPS,
}

function record(name: string, report: CrashPointReport, started: number): void {
  figures.push(`${name}: ${report.writes.length} writes × ${new Set(report.runs.map((r) => r.when)).size} moments = ${report.runs.length} crash runs, ${report.broken.length} broken, ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/** Every declared person exactly once, all in one declaration that is submitted, with one audit entry for it. */
function declaredOnce(count: number, action: string) {
  return (state: State): string[] => {
    const problems: string[] = []
    const parts = state.participations.filter((p) => personIds.includes(String(p.personId)) && p.year === 2021)
    if (parts.length !== count) problems.push(`${parts.length} participations of the unit's people, expected ${count}`)
    if (new Set(parts.map((p) => p.personId)).size !== parts.length) problems.push('a person holds two participations')
    const declarations = state.enrolments.filter((e) => parts.some((p) => p.enrolmentId === e._id))
    if (declarations.length !== 1 || declarations[0].status !== 'submitted') problems.push(`declarations: ${JSON.stringify(declarations.map((e) => e.status))}`)
    const audits = state.audit.filter((a) => a.action === action && declarations.some((e) => e._id === a.entityId))
    if (audits.length !== 1) problems.push(`${audits.length} ${action} audit entries`)
    return problems
  }
}

test('declaration submit: a crash at any write, then the same submit again, ends as one submitted declaration', async () => {
  const started = Date.now()
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'enrolment', event: { action: 'submit', ...DECLARE, personIds }, identity: { openid: SMALL_CLERK } },
    digest: DECLARATION_DIGEST,
    invariants: declaredOnce(3, 'enrolment.submit'),
  })
  expect(report.referenceResult).toMatchObject({ ok: true, data: { status: 'submitted', participantCount: 3 } })
  // The writes: the slot + declaration + operation (one transaction), the steps (the participations, then the mark that
  // the units holding those people must count again), the transaction that submits it.
  expect(report.writes.map((w) => w.collection ?? w.action)).toEqual(['transaction commit', 'operations', 'participations', 'units', 'operations', 'transaction commit'].map((c) => (c === 'transaction commit' ? expect.stringMatching(/commit/) : c)))
  expectResumable(report)
  // Crashed after its first write, the retry answers the finished declaration — never ALREADY_DECLARED.
  for (const run of report.runs.filter((r) => !(r.when === 'before' && r.n === 1) && !(r.when === 'after' && r.n === report.writes.length))) {
    expect(run.recoveryResults[0]).toMatchObject({ ok: true, data: { status: 'submitted', participantCount: 3 } })
  }
  record('enrolment.submit', report, started)
})

test('declaration submit: the timer alone finishes a declaration whose caller never came back', async () => {
  const started = Date.now()
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'enrolment', event: { action: 'submit', ...DECLARE, personIds }, identity: { openid: SMALL_CLERK } },
    recovery: [{ timer: { fn: 'enrolment', trigger: 'resume' } }],
    digest: DECLARATION_DIGEST,
    invariants: declaredOnce(3, 'enrolment.submit'),
    when: ['after'],
  })
  expectResumable(report)
  record('enrolment.submit (timer)', report, started)
})

test('declaration of everyone except …: a crash at any write, then the same submit again, declares exactly the roster as prepared', async () => {
  const started = Date.now()
  const p = await s.ok('enrolment', SMALL_CLERK, 'prepare', { year: 2021 })
  expect(p.roster).toMatchObject({ inService: 3, declarable: 3 })
  const allExcept = { rosterRevision: p.roster.revision, count: 3, except: [] }
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'enrolment', event: { action: 'submit', ...DECLARE, allExcept }, identity: { openid: SMALL_CLERK } },
    digest: DECLARATION_DIGEST,
    invariants: declaredOnce(3, 'enrolment.submit'),
  })
  expect(report.referenceResult).toMatchObject({ ok: true, data: { status: 'submitted', participantCount: 3 } })
  // The same shape as a named declaration: the roster page is read, not written.
  expect(report.writes.map((w) => w.collection ?? w.action)).toEqual(['transaction commit', 'operations', 'participations', 'units', 'operations', 'transaction commit'].map((c) => (c === 'transaction commit' ? expect.stringMatching(/commit/) : c)))
  expectResumable(report)
  for (const run of report.runs.filter((r) => !(r.when === 'before' && r.n === 1) && !(r.when === 'after' && r.n === report.writes.length))) {
    expect(run.recoveryResults[0]).toMatchObject({ ok: true, data: { status: 'submitted', participantCount: 3 } })
  }
  record('enrolment.submit (everyone except)', report, started)
})

test('a roster change while an everyone-except declaration is being written undoes it with 名单已变化; nothing is left half-declared', async () => {
  const checkpoint = await s.emu.faults.checkpoint()
  try {
    const p = await s.ok('enrolment', SMALL_CLERK, 'prepare', { year: 2021 })
    const event = { action: 'submit', ...DECLARE, allExcept: { rosterRevision: p.roster.revision, count: 3, except: [] } }
    // Cut off right after its participations are written (write 3 of 5): the operation is still running.
    await s.emu.faults.run({ fn: 'enrolment', event, identity: { openid: SMALL_CLERK } }, { atWrite: 3, when: 'after' })
    expect((await s.db.collection('participations').where({ unitId: p.unit._id, year: 2021 }).count()).total).toBe(3)
    // Meanwhile someone leaves: the roster moves to another revision.
    const person = (await s.db.collection('people').doc(personIds[2]).get()).data
    await s.ok('roster', SMALL_CLERK, 'setStatus', { personId: person._id, version: person.version, status: 'left' })
    const again = await s.call('enrolment', SMALL_CLERK, 'submit', event)
    expect(again).toMatchObject({ ok: false, code: 'ROSTER_CHANGED' })
    expect(again.message).toContain('名单已变化')
    expect((await s.db.collection('participations').where({ unitId: p.unit._id, year: 2021 }).count()).total).toBe(0)
    expect((await s.db.collection('enrolments').where({ unitId: p.unit._id, year: 2021 }).count()).total).toBe(0)
    // The page prepared again declares the two still in service.
    const fresh = await s.ok('enrolment', SMALL_CLERK, 'prepare', { year: 2021 })
    expect(fresh.roster).toMatchObject({ inService: 2, declarable: 2 })
  } finally {
    await s.emu.faults.restore(checkpoint)
    await s.emu.faults.forget(checkpoint)
  }
})

describe('after the declaration', () => {
  let enrolmentId = ''
  let checkpoint = ''
  beforeAll(async () => {
    checkpoint = await s.emu.faults.checkpoint()
    const declared = await s.ok('enrolment', SMALL_CLERK, 'submit', { ...DECLARE, personIds })
    enrolmentId = declared.enrolmentId
  })
  afterAll(async () => {
    await s.emu.faults.restore(checkpoint)
    await s.emu.faults.forget(checkpoint)
  })

  test('review: returning tells the clerk exactly once, even when the call dies right after the commit (outbox + timer)', async () => {
    const started = Date.now()
    const report = await checkCrashPoints(s.emu, {
      operation: { fn: 'enrolment', event: { action: 'review', enrolmentId, version: 1, decision: 'return', reason: '请核对人员名单' }, identity: { openid: AGENT } },
      // The reviewer may try again (answered CONFLICT once the return is in); the timer delivers what is left.
      recovery: [
        { fn: 'enrolment', event: { action: 'review', enrolmentId, version: 1, decision: 'return', reason: '请核对人员名单' }, identity: { openid: AGENT } },
        { timer: { fn: 'enrolment', trigger: 'resume' } },
      ],
      digest: { collections: ['enrolments', 'audit', 'messages', 'outbox'], ignore: [...TIMESTAMPS, 'push'] },
      invariants: (state) => {
        const told = state.messages.filter((m) => m.openid === SMALL_CLERK && String(m.noticeId).startsWith(`${enrolmentId}:`))
        return [...(told.length === 1 ? [] : [`the clerk has ${told.length} notices of the return`]), ...(state.outbox.length === 0 ? [] : [`${state.outbox.length} notices left in the outbox`])]
      },
    })
    expectResumable(report)
    record('enrolment.review (return)', report, started)
  })

  test('resubmission of a returned declaration: a crash at any write, then the same resubmit again', async () => {
    const checkpoint2 = await s.emu.faults.checkpoint()
    try {
      await s.ok('enrolment', AGENT, 'review', { enrolmentId, version: 1, decision: 'return', reason: '请核对人员名单' })
      const started = Date.now()
      const report = await checkCrashPoints(s.emu, {
        operation: { fn: 'enrolment', event: { action: 'submit', ...DECLARE, products: ['inpatient'], personIds, enrolmentId, version: 2 }, identity: { openid: SMALL_CLERK } },
        digest: DECLARATION_DIGEST,
        invariants: (state) => {
          const problems = declaredOnce(3, 'enrolment.resubmit')(state)
          const parts = state.participations.filter((p) => p.enrolmentId === enrolmentId)
          if (parts.some((p) => (p.products as string[]).includes('critical'))) problems.push('a participation of the first submission survived')
          return problems
        },
      })
      expect(report.referenceResult).toMatchObject({ ok: true, data: { enrolmentId, version: 3, participantCount: 3 } })
      expectResumable(report)
      record('enrolment.submit (resubmission)', report, started)
    } finally {
      await s.emu.faults.restore(checkpoint2)
      await s.emu.faults.forget(checkpoint2)
    }
  })

  test('payment → activation: every participation active, one ledger entry, one audit entry, each bound worker and the clerk told once', async () => {
    const approved = await s.ok('enrolment', AGENT, 'review', { enrolmentId, version: 1, decision: 'approve' })
    const e = (await s.ok('enrolment', OFFICE, 'get', { enrolmentId })).enrolment
    const started = Date.now()
    const report = await checkCrashPoints(s.emu, {
      operation: {
        fn: 'enrolment',
        event: { action: 'recordPayment', enrolmentId, version: approved.version, amountFen: e.quote.totalFen, paidOn: '2021-06-15', reference: 'BANK-CRASH' },
        identity: { openid: OFFICE },
      },
      digest: { collections: ['enrolments', 'participations', 'ledger', 'operations', 'audit', 'messages'], ignore: [...TIMESTAMPS, 'push'] },
      invariants: (state) => {
        const problems: string[] = []
        const parts = state.participations.filter((p) => p.enrolmentId === enrolmentId)
        if (parts.length !== 3 || parts.some((p) => p.status !== 'active' || p.coverageStart !== '2021-06-16')) problems.push(`participations: ${JSON.stringify(parts.map((p) => p.status))}`)
        const ledger = state.ledger.filter((l) => l.sourceId === enrolmentId)
        if (ledger.length !== 1) problems.push(`${ledger.length} ledger entries`)
        if (state.audit.filter((a) => a.action === 'enrolment.recordPayment' && a.entityId === enrolmentId).length !== 1) problems.push('not exactly one payment audit entry')
        for (const openid of SMALL_WORKERS) {
          const n = state.messages.filter((m) => m.openid === openid && m.template === 'coverageStarted').length
          if (n !== 1) problems.push(`${openid} has ${n} coverage notices`)
        }
        const clerk = state.messages.filter((m) => m.openid === SMALL_CLERK && m.template === 'enrolmentPaid').length
        if (clerk !== 1) problems.push(`the clerk has ${clerk} payment notices`)
        return problems
      },
    })
    expect(report.referenceResult).toMatchObject({ ok: true, data: { status: 'paid', coverageStart: '2021-06-16' } })
    expectResumable(report)
    // Cut off after the payment was committed, the retry finishes the activation instead of answering WRONG_STATUS.
    const afterCommit = report.runs.filter((r) => r.when === 'after' && r.n > 1 && r.n < report.writes.length)
    for (const run of afterCommit) expect(run.recoveryResults[0]).toMatchObject({ ok: true, data: { status: 'paid' } })
    record('enrolment.recordPayment → activation', report, started)
  })
})

test('new hires: a crash at any write, then the same request again, ends as one batch', async () => {
  const added = await s.ok('roster', CLERK_WH, 'add', { name: '新入职丙', idNumber: makeId('420702', '1995-05-05', 26, true), hireDate: '2021-05-01' })
  const started = Date.now()
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'enrolment', event: { action: 'addNewHires', year: 2021, personIds: [added.personId] }, identity: { openid: CLERK_WH } },
    digest: DECLARATION_DIGEST,
    invariants: (state) => {
      const parts = state.participations.filter((p) => p.personId === added.personId)
      return parts.length === 1 ? [] : [`${parts.length} participations of the new hire`]
    },
  })
  expect(report.referenceResult).toMatchObject({ ok: true, data: { participantCount: 1 } })
  expectResumable(report)
  record('enrolment.addNewHires', report, started)
})

describe('replacement (参保对象替换)', () => {
  let unit: { unitId: string; personIds: string[]; enrolmentId: string }
  let checkpoint = ''
  beforeAll(async () => {
    checkpoint = await s.emu.faults.checkpoint()
    // 10 of 11 declared and paid (a private enterprise enrols at least 10): one of them is replaced by the colleague left over.
    unit = await privateUnitPaid(s)
  })
  afterAll(async () => {
    await s.emu.faults.restore(checkpoint)
    await s.emu.faults.forget(checkpoint)
  })

  const event = () => ({ action: 'replace', year: 2021, outPersonIds: [unit.personIds[0]], inPersonIds: [unit.personIds[10]] })

  /** One replacement batch, submitted, naming the newcomer once and the replaced participation once; the annual batch untouched. */
  function replacedOnce(state: State): string[] {
    const problems: string[] = []
    const batches = state.enrolments.filter((e) => e.unitId === unit.unitId && e.kind === 'replacement')
    if (batches.length !== 1) return [`${batches.length} replacement batches`]
    const [batch] = batches
    if (batch.status !== 'submitted') problems.push(`the replacement batch is ${batch.status}`)
    if (batch.participantCount !== 1 || batch.firstTimeCount !== 1) problems.push(`counts ${batch.participantCount} / ${batch.firstTimeCount}`)
    const annual = state.participations.filter((p) => p.enrolmentId === unit.enrolmentId)
    if (annual.length !== 10 || annual.some((p) => p.status !== 'active')) problems.push(`annual participations: ${JSON.stringify(annual.map((p) => p.status))}`)
    const replaced = annual.find((p) => p.personId === unit.personIds[0])
    if (JSON.stringify(batch.replacedParticipationIds) !== JSON.stringify([replaced?._id])) problems.push(`replaced ${JSON.stringify(batch.replacedParticipationIds)}`)
    const incoming = state.participations.filter((p) => p.personId === unit.personIds[10] && p.year === 2021)
    if (incoming.length !== 1 || incoming[0].enrolmentId !== batch._id) problems.push(`${incoming.length} participations of the newcomer`)
    const audits = state.audit.filter((a) => a.action === 'enrolment.replace' && a.entityId === batch._id)
    if (audits.length !== 1) problems.push(`${audits.length} enrolment.replace audit entries`)
    // Nobody is told the same thing twice.
    const notices = state.messages.map((m) => `${m.openid}|${m.noticeId}`)
    if (new Set(notices).size !== notices.length) problems.push('a notice was sent twice')
    return problems
  }

  const REPLACE_DIGEST = { collections: ['enrolments', 'participations', 'slots', 'operations', 'audit', 'messages', 'outbox'], ignore: [...TIMESTAMPS, 'push'] }

  test('a crash at any write, then the same replacement again, ends as one batch: one newcomer, one replaced, counts and notices once', async () => {
    const started = Date.now()
    const report = await checkCrashPoints(s.emu, {
      operation: { fn: 'enrolment', event: event(), identity: { openid: PRIVATE_CLERK } },
      digest: REPLACE_DIGEST,
      invariants: replacedOnce,
    })
    expect(report.referenceResult).toMatchObject({ ok: true, data: { participantCount: 1, replacedCount: 1 } })
    // The declaration operation's shape: slot + batch + operation in one transaction, its steps, the submitting transaction.
    expect(report.writes.map((w) => w.collection ?? w.action)).toEqual(['transaction commit', 'operations', 'participations', 'units', 'operations', 'transaction commit'].map((c) => (c === 'transaction commit' ? expect.stringMatching(/commit/) : c)))
    expectResumable(report)
    // Once its first write is in, the retry finishes this batch — never REPLACEMENT_USED for its own slot.
    for (const run of report.runs.filter((r) => !(r.when === 'before' && r.n === 1) && !(r.when === 'after' && r.n === report.writes.length))) {
      expect(run.recoveryResults[0]).toMatchObject({ ok: true, data: { participantCount: 1, replacedCount: 1 } })
    }
    record('enrolment.replace', report, started)
  })

  test('the timer alone finishes a replacement whose caller never came back', async () => {
    const started = Date.now()
    const report = await checkCrashPoints(s.emu, {
      operation: { fn: 'enrolment', event: event(), identity: { openid: PRIVATE_CLERK } },
      recovery: [{ timer: { fn: 'enrolment', trigger: 'resume' } }],
      digest: REPLACE_DIGEST,
      invariants: replacedOnce,
      when: ['after'],
    })
    expectResumable(report)
    record('enrolment.replace (timer)', report, started)
  })
})
