/**
 * Issue 11: a roster import stopped at each of its writes (before and after), then the same import again or the
 * roster function's timer, ends exactly as the uninterrupted import: every new person added once, each change applied
 * once, one audit entry, the same answer. (The measured failure: 2,500 of 5,000 rows applied and no audit entry.)
 */
import { makeId, makeRows, rosterXlsx } from '../../fixtures/rosters/make-roster'
import { checkCrashPoints, expectResumable, type State } from '../../helpers/fault-injection'
import { SMALL_CLERK, TIMESTAMPS, smallUnit, startOpsSuite, type OpsSuite } from './helpers'

// Each crash run restarts a stopped function instance (≈ 1 s, more on a busy machine): a suite takes minutes.
jest.setTimeout(600_000)

let s: OpsSuite
let unitId = ''
let fileID = ''
const figures: string[] = []

beforeAll(async () => {
  s = await startOpsSuite()
  ;({ unitId } = await smallUnit(s))
  // Three new people and one on the roster whose name changed.
  const rows = [{ name: '小厂职工一', idNumber: makeId('331002', '1985-01-10', 500, true), hireDate: '2020-01-01', status: '在职' }, ...makeRows(3, { offset: 9000 })]
  fileID = (await s.cloud.uploadFile({ cloudPath: `roster-imports/${unitId}/crash.xlsx`, fileContent: await rosterXlsx(rows) })).fileID
})
afterAll(async () => {
  for (const line of figures) console.log(`[crash points] ${line}`)
  await s?.emu.stop()
})

const DIGEST = { collections: ['people', 'operations', 'audit'], ignore: [...TIMESTAMPS, 'idCipher'] }

const importedOnce = (state: State): string[] => {
  const problems: string[] = []
  const people = state.people.filter((p) => p.unitId === unitId)
  if (people.length !== 6) problems.push(`${people.length} people on the roster, expected 6`)
  if (new Set(people.map((p) => p.idHash)).size !== people.length) problems.push('a person is on the roster twice')
  const renamed = people.filter((p) => p.name === '小厂职工一')
  if (renamed.length !== 1 || renamed[0].version !== 2) problems.push(`the changed person: ${JSON.stringify(renamed.map((p) => [p.name, p.version]))}`)
  const audits = state.audit.filter((a) => a.action === 'roster.import' && a.entityId === unitId)
  if (audits.length !== 1) problems.push(`${audits.length} roster.import audit entries`)
  return problems
}

test('roster import: a crash at any write, then the same import again, ends as the uninterrupted import', async () => {
  const started = Date.now()
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'roster', event: { action: 'import', fileID }, identity: { openid: SMALL_CLERK } },
    digest: DIGEST,
    invariants: importedOnce,
  })
  expect(report.referenceResult).toMatchObject({ ok: true, data: { imported: 3, updated: 1, unchanged: 0, rows: 4, errorCount: 0 } })
  expectResumable(report)
  // Once the import's operation exists, the retry answers its counts — not "3 unchanged".
  for (const run of report.runs.filter((r) => !(r.when === 'before' && r.n === 1) && !(r.when === 'after' && r.n === report.writes.length))) {
    expect(run.recoveryResults[0]).toMatchObject({ ok: true, data: { imported: 3, updated: 1 } })
  }
  figures.push(`roster.import: ${report.writes.length} writes, ${report.runs.length} crash runs, ${report.broken.length} broken, ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('roster import: the timer finishes an import whose caller never came back', async () => {
  const started = Date.now()
  const report = await checkCrashPoints(s.emu, {
    operation: { fn: 'roster', event: { action: 'import', fileID }, identity: { openid: SMALL_CLERK } },
    recovery: [{ timer: { fn: 'roster', trigger: 'resume' } }],
    digest: DIGEST,
    invariants: importedOnce,
    when: ['after'],
  })
  expectResumable(report)
  figures.push(`roster.import (timer): ${report.writes.length} writes, ${report.runs.length} crash runs, ${report.broken.length} broken, ${((Date.now() - started) / 1000).toFixed(1)} s`)
})
