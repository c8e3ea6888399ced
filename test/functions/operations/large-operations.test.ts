/**
 * Issue 11 / 12 at size: a 3,000-person declaration and its activation each complete over several bounded calls —
 * every call answers 处理中 with its progress until the operation is done (as the app calls again) — and every one
 * of the 1,200 bound workers gets the "coverage started" notice exactly once (before: only the first 1,000 did).
 */
import { usccCheckChar } from '@mutual-aid/shared-rules'
import { AGENT, OFFICE, startOpsSuite, type OpsSuite } from './helpers'

const PEOPLE = 3000
const BOUND = 1200
const CLERK = 'o_large_clerk_01'
let s: OpsSuite
let unitId = ''

beforeAll(async () => {
  s = await startOpsSuite({ faultInjection: false })
  const uscc = '91331002MA2H7Q4M6'
  ;({ unitId } = await s.ok('units', OFFICE, 'create', {
    name: '台州大型国有测试集团', uscc: uscc + usccCheckChar(uscc), unitType: 'soe', finance: false, family: 'TZ',
    agentId: 'agent-chengqu', contactName: '王五', contactPhone: '13900000023', address: '',
  }))
  const invite = await s.ok('units', OFFICE, 'createInvite', { unitId })
  await s.ok('auth', CLERK, 'acceptInvite', { code: invite.code })
  await s.ok('units', CLERK, 'recordStaffReport', { month: '2021-05', headcount: PEOPLE })
  // 3,000 people on the roster (written directly: the roster import is tested elsewhere); two in five bound (1,200: more than the 1,000 the old code reached).
  const now = new Date()
  for (let i = 0; i < PEOPLE; i += 500) {
    const docs = Array.from({ length: Math.min(500, PEOPLE - i) }, (_v, k) => {
      const n = i + k
      return {
        _id: `large-p${String(n).padStart(5, '0')}`,
        unitId, name: `职工${n}`, idHash: `large-hash-${n}`, idMasked: `3310**********${String(n).padStart(4, '0')}`,
        birthDate: '1985-01-01', sex: n % 3 === 0 ? 'female' : 'male', hireDate: '2020-01-01', status: 'in_service',
        openid: n % 5 < 2 ? `o_large_w${n}` : null, version: 1, createdAt: now, updatedAt: now,
      }
    })
    await s.db.collection('people').add({ data: docs })
  }
}, 120_000)
afterAll(async () => {
  await s?.emu.stop()
})

/** Calls the action as the app does: again while it answers 处理中. Answers every answer in order. */
async function untilDone(call: () => Promise<any>): Promise<any[]> {
  const answers: any[] = []
  for (let i = 0; i < 30; i++) {
    const answer = await call()
    answers.push(answer)
    if (!answer.ok || answer.data.state !== 'processing') break
  }
  return answers
}

test('a 3,000-person declaration is written over several calls, each answering 处理中 with its progress', async () => {
  const started = Date.now()
  // As the page declares a large unit: everyone declarable on the roster it was prepared from (no list of 3,000 ids).
  const p = await s.ok('enrolment', CLERK, 'prepare', { year: 2021 })
  expect(p.roster).toMatchObject({ inService: PEOPLE, declarable: PEOPLE })
  const allExcept = { rosterRevision: p.roster.revision, count: p.roster.declarable, except: [] }
  const answers = await untilDone(() => s.call('enrolment', CLERK, 'submit', { year: 2021, allExcept, products: ['inpatient', 'critical', 'female'] }))
  const last = answers[answers.length - 1]
  expect(last).toMatchObject({ ok: true, data: { status: 'submitted', participantCount: PEOPLE } })
  const progress = answers.slice(0, -1).map((a) => a.data)
  expect(progress.length).toBeGreaterThanOrEqual(2)
  for (const p of progress) expect(p).toMatchObject({ state: 'processing', total: PEOPLE, message: expect.stringContaining('处理中') })
  // Bounded work per call: each call added at most 1,000 people, and the progress only grows.
  const done = progress.map((p) => p.done)
  expect(done).toEqual([...done].sort((a, b) => a - b))
  expect(done[0]).toBeLessThanOrEqual(1000)
  expect((await s.db.collection('participations').where({ unitId, year: 2021 }).count()).total).toBe(PEOPLE)
  console.log(`[large] declaration of ${PEOPLE}: ${answers.length} calls (progress ${done.join(' → ')}), ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 300_000)

test('its payment activates all 3,000 over several calls and tells each of the 1,200 bound workers exactly once', async () => {
  const declared = (await s.db.collection('enrolments').where({ unitId, year: 2021 }).get()).data[0]
  const approved = await s.ok('enrolment', AGENT, 'review', { enrolmentId: declared._id, version: declared.version, decision: 'approve' })
  const started = Date.now()
  const pay = { enrolmentId: declared._id, version: approved.version, amountFen: declared.quote.totalFen, paidOn: '2021-06-15', reference: 'BANK-LARGE' }
  const answers = await untilDone(() => s.call('enrolment', OFFICE, 'recordPayment', pay))
  expect(answers[answers.length - 1]).toMatchObject({ ok: true, data: { status: 'paid', coverageStart: '2021-06-16' } })
  expect(answers.length).toBeGreaterThanOrEqual(3)
  expect((await s.db.collection('participations').where({ unitId, year: 2021, status: 'active' }).count()).total).toBe(PEOPLE)
  const told = (await s.db.collection('messages').where({ template: 'coverageStarted', noticeId: `${declared._id}:coverageStarted` }).count()).total
  expect(told).toBe(BOUND)
  // Each bound worker once: the message ids are per worker, so a count of distinct recipients equals the count.
  const sample = await s.db.collection('messages').where({ openid: 'o_large_w2996', template: 'coverageStarted' }).count()
  expect(sample.total).toBe(1)
  expect((await s.db.collection('ledger').where({ sourceId: declared._id }).count()).total).toBe(1)
  console.log(`[large] payment → activation of ${PEOPLE} (${BOUND} notices): ${answers.length} calls, ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 300_000)
