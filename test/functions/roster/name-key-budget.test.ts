/**
 * The names' sort-key backfill (`roster.nameKeys`, cloudfunctions/roster/src/name-key-operation.ts) works within a
 * tick's budget: a chunk whose key updates would run past the budget stops between two groups of updates and answers
 * the cursor there, and the next tick resumes from exactly that document — nobody skipped, nobody walked twice.
 *
 * The budget's clock is the test's (`Budget.now`): it moves a fixed step each time it is read, so where the tick stops
 * is decided by the code, not by how busy the machine is.
 */
import type { HandlerContext } from '@cloud-shared/context'
import { nameKeyOf } from '@cloud-shared/name-key'
import { drive, loadOperation, type OperationDoc } from '../../../cloudfunctions/_shared/src/operation'
import { KEY_CHUNK, PARALLEL, ensureNameKeys, nameKeyOperation, type NameKeyParams } from '../../../cloudfunctions/roster/src/name-key-operation'
import { TZ_UNIT, startSuite, type Suite } from '../enrolment/helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

const ctx = (): HandlerContext => ({
  db: s.db,
  cloud: s.cloud,
  caller: { openid: 'timer', user: null, roles: [] } as never,
  clock: { today: () => '2021-06-15', now: () => new Date() } as never,
  config: null as never,
  fn: 'roster',
})

/** People written before the key existed: enough that their updates take several groups inside the first chunk. */
const LEGACY = 7 * PARALLEL + 3

test('a tick stops by its budget inside a chunk, and the next tick resumes at exactly that person', async () => {
  const now = new Date()
  const names = ['钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈', '褚']
  // `_id`s that sort before the seeded people, so the stale ones all fall in the first chunk of the walk.
  await s.db.collection('people').add({
    data: Array.from({ length: LEGACY }, (_v, i) => ({
      _id: `0-legacy-${String(i).padStart(4, '0')}`, unitId: TZ_UNIT, name: `${names[i % names.length]}${i}`, idHash: `legacy-budget-${i}`,
      idMasked: '3310**********123X', birthDate: '1980-01-01', sex: 'female', hireDate: '2010-01-01', status: 'left', openid: null, version: 1, createdAt: now, updatedAt: now,
    })),
  })
  const [people, participations] = await Promise.all([s.db.collection('people').count(), s.db.collection('participations').count()])
  expect(people.total).toBeLessThan(KEY_CHUNK)
  const op = await ensureNameKeys(ctx())
  expect(op?.status).toBe('running')

  // Tick 1: 1 s of budget on a clock that moves 100 ms at every reading — room for a few groups of updates, not all.
  let t = 0
  const stopped = (await drive<NameKeyParams, unknown>(ctx(), nameKeyOperation, op!._id, { items: 1_000_000, ms: 1000, now: () => (t += 100) }))!
  expect(stopped).toMatchObject({ status: 'running', step: 0 })
  const cursor = stopped.cursor as string
  expect(cursor.startsWith('0-legacy-')).toBe(true)
  const keyed = (await s.db.collection('people').where({ _id: s.db.command.lte(cursor) }).orderBy('_id', 'asc').limit(1000).get()).data
  const rest = (await s.db.collection('people').where({ _id: s.db.command.gt(cursor) }).orderBy('_id', 'asc').limit(1000).get()).data
  // Stopped by the budget, between two groups, inside the first chunk: some keyed, some not.
  expect(keyed.length).toBeGreaterThanOrEqual(PARALLEL)
  expect(keyed.length % PARALLEL).toBe(0)
  expect(keyed.length).toBeLessThan(LEGACY)
  // Exactly: everyone up to the cursor keyed, nobody after it, and `done` counts the people walked.
  for (const p of keyed) expect(p.nameKey).toBe(nameKeyOf(p.name))
  for (const p of rest.filter((p: any) => p._id.startsWith('0-legacy-'))) expect(p.nameKey).toBeUndefined()
  expect(stopped.done).toBe(keyed.length)

  // Tick 2, as the timer runs it: resumes at the person after the cursor and finishes both collections.
  const finished = (await drive<NameKeyParams, unknown>(ctx(), nameKeyOperation, op!._id))!
  expect(finished.status).toBe('done')
  for (const p of (await s.db.collection('people').orderBy('_id', 'asc').limit(1000).get()).data) expect(p.nameKey).toBe(nameKeyOf(p.name))
  // Every person and participation walked once over the two ticks: none skipped, none again.
  expect(finished.done).toBe(people.total + participations.total)
  expect(((await loadOperation<NameKeyParams, unknown>(s.db, op!._id)) as OperationDoc).status).toBe('done')
})
