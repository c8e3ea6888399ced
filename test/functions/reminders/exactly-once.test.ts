/**
 * Reminders are told exactly once even when a tick is cut off (issue 14, with issue 11's crash-point runner): the
 * dispatch tick is stopped before and after each of its database writes, the next tick runs, and the result is
 * compared with an uninterrupted tick — every reminder in the inbox exactly once, never pushed twice. And a tick's
 * work is bounded: 120 due reminders go out 50 per tick, resumed by the following ticks.
 */
import { SUBSCRIBE_ON, localTemplateId } from '@mutual-aid/contracts'
import { checkCrashPoints, expectResumable, type State } from '../../helpers/fault-injection'
import { CLERK_TZ, OFFICE, TZ_2022_FEES, TZ_2022_NOTICE, startYear, type Year } from '../schemes/helpers'

const WORKER_WH_2 = 'demo-worker-wh-2'

let y: Year
let participationId = ''
beforeAll(async () => {
  y = await startYear('2021-10-15', { faultInjection: true })
  // Two reminders are due on the first tick: TZ 2022's window is open with its fees announced (to the TZ clerk), and
  // a draft's 120-day deadline is 13 days away (to its filer). Each holds three subscriptions: a second push would go out.
  await y.ok('schemes', OFFICE, 'announceFees', { schemeId: 'tz-2022', fees: TZ_2022_FEES, notice: TZ_2022_NOTICE, announcedOn: '2021-10-15' })
  const prep = await y.ok('claims', WORKER_WH_2, 'prepare', { target: { mode: 'self' } })
  participationId = prep.participations.find((x: any) => x.year === 2021).id
  await y.ok('claims', WORKER_WH_2, 'saveDraft', { target: { mode: 'self' }, participationId, product: 'critical', kind: 'illness', facts: { disease: 'WH01', eventDate: '2021-07-01' }, files: {} })
  for (let i = 0; i < 3; i++) {
    await y.emu.subscribe(CLERK_TZ, SUBSCRIBE_ON.declare)
    await y.emu.subscribe(WORKER_WH_2, SUBSCRIBE_ON.claimDraft)
  }
})
afterAll(async () => {
  await y?.emu.stop()
})

interface Seen {
  reminders: number
  /** Reminders whose push never went out (cut off between its claim and its send). */
  unpushed: number
}

/** Every reminder has exactly one inbox message and at most one push; what each run left is recorded in `seen`. */
function checker(seen: Seen[]) {
  return (state: State): string[] => {
    const problems: string[] = []
    const outbox = state._local_outbox ?? []
    let unpushed = 0
    for (const r of state.reminders) {
      const messages = state.messages.filter((m) => m.reminderId === r._id)
      if (messages.length !== 1) problems.push(`reminder ${String(r._id)} has ${messages.length} inbox messages`)
      const pushes = outbox.filter((m) => m.touser === r.openid && m.templateId === localTemplateId(r.template as never)).length
      if (pushes > 1) problems.push(`reminder ${String(r._id)} was pushed ${pushes} times`)
      if (pushes === 0) {
        unpushed += 1
        // Only a push cut off before it was sent may be missing, and then its message says it is still pending.
        const push = messages[0]?.push as { pending?: boolean } | undefined
        if (!push?.pending) problems.push(`reminder ${String(r._id)} was never pushed, but its message says ${JSON.stringify(push)}`)
      }
    }
    seen.push({ reminders: state.reminders.length, unpushed })
    return problems
  }
}

describe('a tick cut off at any write', () => {
  it('the next tick completes it: each reminder once in the inbox, never pushed twice', async () => {
    const seen: Seen[] = []
    const report = await checkCrashPoints(y.emu, {
      operation: { timer: { fn: 'reminders', trigger: 'dispatch' } },
      digest: { collections: ['reminders', 'messages'], ignore: ['createdAt', 'pushedAt', 'push'] },
      observe: ['_local_outbox'],
      invariants: checker(seen),
    })
    expectResumable(report)
    // The uninterrupted tick: two reminders, both pushed; written as two transaction commits and two push records.
    expect(seen[0]).toEqual({ reminders: 2, unpushed: 0 })
    expect(report.writes.length).toBeGreaterThanOrEqual(4)
    expect(report.runs).toHaveLength(report.writes.length * 2)
    // A push is missing only after a crash right after a reminder's transaction committed — before its send: the
    // platform cannot be asked whether a send went through, so the push is never repeated (at most once).
    const missing = report.runs.filter((_run, i) => seen[i + 1].unpushed > 0)
    const commits = report.writes.filter((w) => w.action === 'database.commitTransaction').map((w) => w.n)
    expect(commits).toHaveLength(2)
    expect(missing.map((run) => [run.when, run.n])).toEqual(commits.map((n) => ['after', n]))
    for (const [i, run] of report.runs.entries()) expect([run.when, run.n, seen[i + 1].reminders]).toEqual([run.when, run.n, 2])
  })
})

describe('bounded work per tick', () => {
  it('120 drafts near their deadline: 50 reminders per tick, resumed until all are told, each once', async () => {
    const now = new Date()
    const drafts = Array.from({ length: 120 }, (_, i) => ({
      _id: `bulk-draft-${String(i).padStart(3, '0')}`,
      openid: WORKER_WH_2,
      filedAs: 'worker',
      filerName: '王秀英',
      participationId,
      personId: 'unit-wh-minghu-p002',
      product: 'critical',
      kind: 'illness',
      facts: { disease: 'WH01', eventDate: '2021-07-02' },
      files: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
    }))
    await y.db.collection('claimDrafts').add({ data: drafts })
    const count = async () => (await y.db.collection('reminders').where({ kind: 'draft_deadline' }).count()).total as number
    const before = await count()
    const sent: number[] = []
    for (let i = 0; i < 5; i++) {
      const tick = await y.emu.fireTimer('reminders', 'dispatch')
      expect(tick).toMatchObject({ ok: true })
      sent.push(tick.data.sent)
    }
    // The first tick also tells the two reminders of the fixture; then 50, 50, 20 + 2, nothing left.
    expect(before).toBe(0)
    expect(sent.reduce((a, b) => a + b, 0)).toBe(122)
    expect(sent.slice(0, 2)).toEqual([50, 50])
    expect(sent[4]).toBe(0)
    expect(await count()).toBe(121)
    const messages = (await y.db.collection('messages').where({ openid: WORKER_WH_2, reminderId: y.db.command.exists(true) }).count()).total
    expect(messages).toBe(121)
    const last = await y.ok('reminders', OFFICE, 'recent', { limit: 5 })
    expect(last.lastTick).toMatchObject({ complete: true })
    // The fifth tick told nothing and is still the one on record: the office sees that the timer ran.
    expect(last.lastTick).toMatchObject({ sent: 0 })
  })
})
