/**
 * The bounds at the functions' door (the contracts' schemas, parsed by createMain before anything is read or written):
 * the examples answer INVALID_INPUT naming the field, and nothing is stored.
 */
import { CLERK_WH, WH_ILLNESS, WORKER, okData, startSuite, type Suite } from './claims/helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite()
})
afterAll(async () => {
  await s?.emu.stop()
})

const fn = (name: string, openid: string, action: string, input: Record<string, unknown>) => s.emu.callFunction(name, { action, ...input }, { openid })
const FILE = 'cloud://local-dev.6c6f-local-dev-1300000000/staff-reports/unit-wh-minghu/2021-05.jpg'

const table: [what: string, call: () => Promise<any>, field: string, unchanged: () => Promise<unknown>][] = [
  ['units.recordStaffReport with a 1 MB fileID', () => fn('units', CLERK_WH, 'recordStaffReport', { month: '2021-05', headcount: 36, fileID: `${FILE}${'x'.repeat(1_000_000)}` }), 'fileID', staffReport],
  ['units.recordStaffReport with a NUL in the fileID', () => fn('units', CLERK_WH, 'recordStaffReport', { month: '2021-05', headcount: 36, fileID: `${FILE}\u0000.exe` }), 'fileID', staffReport],
  ['units.recordStaffReport with a right-to-left override in the fileID', () => fn('units', CLERK_WH, 'recordStaffReport', { month: '2021-05', headcount: 36, fileID: FILE.replace('2021', '\u202E1202') }), 'fileID', staffReport],
  ['claims.consent with a 1 MB version', () => fn('claims', WORKER, 'consent', { kind: 'medical_info', version: 'v'.repeat(1_000_000) }), 'version', consents],
  ['claims.consent with a NUL in the version', () => fn('claims', WORKER, 'consent', { kind: 'medical_info', version: '2021\u0000-01' }), 'version', consents],
  ['claims.consent with a right-to-left override in the version', () => fn('claims', WORKER, 'consent', { kind: 'medical_info', version: '\u202E10-1202' }), 'version', consents],
  ['claims.saveDraft with a files object of 60,000 keys (≈ 710 KB)', () => saveDraftWith(Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`item${i}`, ['x']]))), 'files', drafts],
  ['claims.return with a reason holding a right-to-left override', () => fn('claims', CLERK_WH, 'return', { claimId: 'claim-WH2021-000001', version: 1, reason: '请补充\u202E料材' }), 'reason', audits],
]

async function staffReport() {
  return (await s.db.collection('units').where({ _id: 'unit-wh-minghu' }).get()).data[0].staffReport ?? null
}
async function consents() {
  return (await s.db.collection('consents').where({ openid: WORKER }).count()).total
}
async function drafts() {
  return (await s.db.collection('claimDrafts').where({ openid: WORKER }).count()).total
}
async function audits() {
  return (await s.db.collection('audit').where({ action: 'claim.return' }).count()).total
}

async function saveDraftWith(files: Record<string, string[]>) {
  const prep = okData(await fn('claims', WORKER, 'prepare', { target: { mode: 'self' } }))
  return fn('claims', WORKER, 'saveDraft', { target: { mode: 'self' }, participationId: prep.participations[0].id, product: 'critical', kind: 'illness', facts: WH_ILLNESS, files })
}

it.each(table)('%s → INVALID_INPUT naming the field, nothing stored', async (_what, call, field, unchanged) => {
  const before = await unchanged()
  const answer = await call()
  expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(answer.message).toContain(`「${field}」`)
  // The answer stays small whatever was sent.
  expect(JSON.stringify(answer).length).toBeLessThan(5_000)
  expect(await unchanged()).toEqual(before)
})
