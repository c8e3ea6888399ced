/**
 * Contract: deterministic fault injection — an operation stopped at its N-th database write, before or after it, as a
 * crash or a CloudBase time-out would; the crash-point runner (test/helpers/fault-injection.ts) passing a resumable
 * operation and reporting what a non-resumable one breaks.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { checkCrashPoints, expectResumable } from '../helpers/fault-injection'
import { connectSdk } from './sdk'

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')
const CLERK = { openid: 'o_clerk_0001' }
const AMOUNTS = [100, 250, 75]
const TOTAL = 425
const DIGEST = { collections: ['fx_ops', 'fx_items', 'fx_totals', 'fx_audit'], ignore: ['at'] }

let emu: Emulator
let db: any

beforeAll(async () => {
  emu = await startEmulator({ functionsDir: FIXTURES, faultInjection: true })
  db = connectSdk(emu).database()
  for (const name of ['fx_ops', 'fx_items', 'fx_audit', 'fx_tree']) await db.createCollection(name)
  await db.collection('fx_totals').add({ data: { _id: 'sum', total: 0 } })
})
afterAll(async () => emu?.stop())

/** The total must have been added exactly once, whatever happened. */
const addedOnce = (state: Record<string, Record<string, unknown>[]>): string[] => {
  const total = state.fx_totals.find((d) => d._id === 'sum')?.total
  return total === TOTAL ? [] : [`fx_totals.sum.total is ${JSON.stringify(total)}, expected ${TOTAL} (added exactly once)`]
}

test('a resumable operation survives a crash before and after every one of its writes', async () => {
  const started = Date.now()
  const report = await checkCrashPoints(emu, {
    operation: { fn: 'resumable', event: { opId: 'op-r1', amounts: AMOUNTS }, identity: CLERK },
    digest: DIGEST,
    invariants: addedOnce,
  })
  // Every write, in order, attributed to the call that made it — the nested auditlog call included.
  expect(report.writes.map((w) => [w.fn, w.action, w.collection, w.target].filter(Boolean).join(' '))).toEqual([
    'resumable database.insertDocument fx_ops op-r1',
    'resumable database.modifyDocument fx_items op-r1-0',
    'resumable database.modifyDocument fx_items op-r1-1',
    'resumable database.modifyDocument fx_items op-r1-2',
    'auditlog database.modifyDocument fx_audit op-r1',
    'resumable database.commitTransaction transaction commit',
  ])
  expect(report.referenceResult).toEqual({ ok: true, data: { opId: 'op-r1', already: false } })
  expect(report.runs).toHaveLength(12)
  for (const run of report.runs) {
    expect(run.crashedResult).toMatchObject({ ok: false, code: 'FUNCTION_TIMEOUT' })
    expect(run.recoveryResults).toEqual([{ ok: true, data: { opId: 'op-r1', already: expect.any(Boolean) } }])
  }
  expectResumable(report)
  console.log(`crash-point runner: ${report.runs.length} crash runs of the resumable fixture in ${Date.now() - started} ms`)
  // The runner leaves the state as it found it.
  expect((await emu.faults.state(['fx_ops'])).fx_ops).toEqual([])
})

test('recovery by a timer tick: the timer finishes what the crash left, and a retry after it changes nothing more', async () => {
  const report = await checkCrashPoints(emu, {
    operation: { fn: 'resumable', event: { opId: 'op-t1', amounts: AMOUNTS }, identity: CLERK },
    // The user may never come back: the timer resumes unfinished operations; a later retry must be harmless.
    recovery: [{ timer: { fn: 'resumable', trigger: 'resume', time: '2021-10-01T01:05:00Z' } }, { fn: 'resumable', event: { opId: 'op-t1', amounts: AMOUNTS }, identity: CLERK }],
    digest: DIGEST,
    invariants: addedOnce,
    when: ['after'],
  })
  expect(report.runs).toHaveLength(6)
  expectResumable(report)
  // After a crash past the first write, the timer did the rest.
  expect(report.runs.map((r) => (r.recoveryResults[0] as { data: { resumed: number } }).data.resumed)).toEqual([1, 1, 1, 1, 1, 0])
})

test('a non-resumable operation: the runner reports each crash point whose retry loses or doubles work', async () => {
  const report = await checkCrashPoints(emu, {
    operation: { fn: 'fragile', event: { opId: 'op-f1', amounts: AMOUNTS }, identity: CLERK },
    digest: { ...DIGEST, ignore: ['_id'] },
    invariants: addedOnce,
  })
  expect(report.writes).toHaveLength(5)
  // Crashing before the first write or after the last leaves nothing or everything done: those pass.
  // Anywhere in between, the retry starts over: items doubled, the total added twice.
  expect(report.broken.map((r) => `${r.when} ${r.n}`).sort()).toEqual(['after 1', 'after 2', 'after 3', 'after 4', 'before 2', 'before 3', 'before 4', 'before 5'].sort())
  // Stopped after the first item: the retry adds that item again.
  expect(report.broken.find((r) => r.when === 'after' && r.n === 1)?.broken).toEqual([
    expect.stringMatching(/^fx_items: 1 document\(s\) not in the uninterrupted run: .*"amount":100/),
  ])
  // Stopped after the total was added: every item doubled, and the total added twice.
  expect(report.broken.find((r) => r.when === 'after' && r.n === 4)?.broken).toEqual([
    expect.stringMatching(/^fx_items: 3 document\(s\) not in the uninterrupted run: /),
    expect.stringMatching(/^fx_totals: 1 document\(s\) of the uninterrupted run missing: .*"total":425/),
    expect.stringMatching(/^fx_totals: 1 document\(s\) not in the uninterrupted run: .*"total":850/),
    'fx_totals.sum.total is 850, expected 425 (added exactly once)',
  ])
  expect(report.summary).toMatch(/^8 crash run\(s\) of 5 write\(s\)/)
  expect(() => expectResumable(report)).toThrow(/crash after write 1 \(fragile database.insertDocument fx_items/)
})

describe('one stopped operation', () => {
  let checkpoint: string
  beforeEach(async () => {
    checkpoint = await emu.faults.checkpoint()
  })
  afterEach(async () => {
    await emu.faults.restore(checkpoint)
    await emu.faults.forget(checkpoint)
  })

  const treeDocs = async (tag: string) =>
    ((await emu.faults.state(['fx_tree'])).fx_tree ?? []).map((d) => String(d._id)).filter((id) => id.startsWith(`${tag}-`)).sort()

  test('before: the N-th write never happens; after: it happens but the function never hears back; nothing after runs', async () => {
    const step = { fn: 'treewriter', event: { tag: 'seq', writes: 4 }, identity: CLERK }
    const before = await emu.faults.run(step, { atWrite: 2, when: 'before' })
    expect(before.result).toMatchObject({ ok: false, code: 'FUNCTION_TIMEOUT', message: expect.stringContaining('超时') })
    expect(before.crashed).toMatchObject({ n: 2, when: 'before', fn: 'treewriter', target: 'seq-d0-1', stoppedCalls: 1 })
    await new Promise((r) => setTimeout(r, 200))
    expect(await treeDocs('seq')).toEqual(['seq-d0-0'])

    await emu.faults.restore(checkpoint)
    const after = await emu.faults.run(step, { atWrite: 2, when: 'after' })
    expect(after.result).toMatchObject({ ok: false, code: 'FUNCTION_TIMEOUT' })
    await new Promise((r) => setTimeout(r, 200))
    expect(await treeDocs('seq')).toEqual(['seq-d0-0', 'seq-d0-1'])
    // The write log ends at the crash point.
    expect(after.writes.map((w) => w.n)).toEqual([1, 2])
  })

  test('a crash in a nested call stops the whole operation; with scope "call" only the callee stops and its caller hears a time-out', async () => {
    const step = { fn: 'treewriter', event: { tag: 'nest', writes: 2, nested: 2 }, identity: CLERK }
    const whole = await emu.faults.run(step, { atWrite: 3, when: 'before' })
    expect(whole.crashed).toMatchObject({ fn: 'treeleaf', target: 'nest-d1-0', scope: 'operation', stoppedCalls: 2 })
    expect(whole.result).toMatchObject({ ok: false, code: 'FUNCTION_TIMEOUT' })
    expect(await treeDocs('nest')).toEqual(['nest-d0-0', 'nest-d0-1'])

    await emu.faults.restore(checkpoint)
    const callee = await emu.faults.run(step, { atWrite: 3, when: 'after', scope: 'call' })
    expect(callee.crashed).toMatchObject({ fn: 'treeleaf', target: 'nest-d1-0', scope: 'call', stoppedCalls: 1 })
    // The caller's callFunction failed with the callee's time-out, and it threw.
    expect(callee.result).toMatchObject({ ok: false, code: 'FUNCTION_ERROR', message: expect.stringContaining('超时') })
    expect(await treeDocs('nest')).toEqual(['nest-d0-0', 'nest-d0-1', 'nest-d1-0'])
  })

  test('sixteen concurrent operations, nested calls included: each counts exactly its own writes, and one crashing stops only itself', async () => {
    const ops = Array.from({ length: 16 }, (_v, i) => ({ tag: `c${String(i).padStart(2, '0')}`, writes: (i % 4) + 1, nested: i % 4 === 1 ? 2 : 0 }))
    // Start the instances first: sixteen cold starts at once on a busy machine can outlast the SDK's 15 s request
    // limit of the nested calls waiting behind them, which is not what this test is about.
    await Promise.all(Array.from({ length: 16 }, (_v, i) => emu.callFunction('treewriter', { tag: `warm${i}`, writes: 0 }, CLERK)))
    await Promise.all(Array.from({ length: 4 }, (_v, i) => emu.callFunction('treeleaf', { tag: `warm${i}`, writes: 0 }, CLERK)))
    // Plain calls running alongside belong to no operation and are counted nowhere.
    const bystanders = Array.from({ length: 2 }, (_v, i) => emu.callFunction('treewriter', { tag: `plain${i}`, writes: 3, pauseMs: 3 }, CLERK))
    const runs = await Promise.all(
      ops.map((op, i) =>
        emu.faults.run({ fn: 'treewriter', event: { ...op, pauseMs: 3 + (i % 5) }, identity: CLERK }, i === 5 ? { atWrite: 2, when: 'before' } : undefined),
      ),
    )
    await Promise.all(bystanders)
    runs.forEach((run, i) => {
      const { tag, writes, nested } = ops[i]
      // Every counted write is one of this operation's own documents.
      for (const w of run.writes) expect(w.target.startsWith(`${tag}-`)).toBe(true)
      if (i === 5) {
        expect(run.crashed).toMatchObject({ n: 2, target: `${tag}-d0-1` })
        expect(run.writes).toHaveLength(2)
      } else {
        expect(run.crashed).toBeNull()
        expect({ tag, result: run.result }).toEqual({ tag, result: { ok: true, tag, depth: 0 } })
        expect(run.writes.map((w) => w.target)).toEqual([
          ...Array.from({ length: writes }, (_v, k) => `${tag}-d0-${k}`),
          ...Array.from({ length: nested }, (_v, k) => `${tag}-d1-${k}`),
        ])
      }
    })
    expect(await treeDocs(ops[5].tag)).toEqual([`${ops[5].tag}-d0-0`])
    expect(await treeDocs(ops[6].tag)).toHaveLength(ops[6].writes + ops[6].nested)
  })
})

test('bad requests to the fault routes get a clear error and change nothing', async () => {
  const post = (route: string, body: unknown) =>
    fetch(`${emu.url}/local/faults/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const noWho = await post('run', { name: 'treewriter', event: {} })
  expect(noWho.status).toBe(400)
  expect((await noWho.json()).message).toContain('identity')
  const badCrash = await post('run', { name: 'treewriter', identity: CLERK, crash: { atWrite: 0, when: 'before' } })
  expect(badCrash.status).toBe(400)
  const unknown = await post('restore', { id: 'nope' })
  expect(unknown.status).toBe(404)
  expect((await unknown.json()).message).toContain('没有这个检查点')
})
