/**
 * The TZ enrolment window is a hard limit: on 2021-07-05 (after 2021-06-30) a TZ declaration is refused as late,
 * and the page's prepare says so before the clerk starts. WH has no window.
 */
import { newParticipation } from '@cloud-shared/participation-doc'
import { CLERK_TZ, CLERK_WH, TZ_UNIT, WH_UNIT, rosterIds, startSuite, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite('2021-07-05')
})
afterAll(async () => {
  await s?.emu.stop()
})

it('prepare shows the closed window and submit refuses the late declaration', async () => {
  const p = await s.ok('enrolment', CLERK_TZ, 'prepare', { year: 2021 })
  expect(p.window).toMatchObject({ ok: false, code: 'ENROLMENT_CLOSED', from: '2021-04-01', to: '2021-06-30' })
  await s.ok('units', CLERK_TZ, 'recordStaffReport', { month: '2021-06', headcount: 14 })
  const ids = await rosterIds(s, TZ_UNIT)
  const r = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: ids, products: ['inpatient'] })
  expect(r).toMatchObject({ ok: false, code: 'ENROLMENT_CLOSED' })
  expect(r.message).toContain('已逾期')
  expect((await s.db.collection('enrolments').where({ unitId: TZ_UNIT }).count()).total).toBe(0)
})

it('a year other than this one or the next is refused', async () => {
  const r = await s.call('enrolment', CLERK_WH, 'prepare', { year: 2020 })
  expect(r).toMatchObject({ ok: false, code: 'INVALID_YEAR' })
})

it('a first-time WH worker reads the observation period in words (day 45 → consolation now, medical benefit later)', async () => {
  const { makeId } = await import('../../fixtures/rosters/make-roster')
  const id = makeId('420702', '1993-03-03', 21, true)
  const added = await s.ok('roster', CLERK_WH, 'add', { name: '观察期职工', idNumber: id, hireDate: '2021-05-10' })
  const person = (await s.db.collection('people').where({ _id: added.personId }).get()).data[0]
  // Fixture: a paid new-hire participation starting 2021-05-22 (day 45 on 2021-07-05), 1 share.
  await s.db.collection('participations').add({
    data: newParticipation(
      {
        enrolmentId: 'fixture-new-hire',
        unit: { _id: WH_UNIT, agentId: 'agent-chengqu' },
        person,
        scheme: { id: 'wh-2020', family: 'WH' },
        year: 2021,
        products: ['critical'],
        shares: 1,
        firstTime: true,
      },
      new Date(),
      { start: '2021-05-22', end: '2021-12-31' },
    ),
  })
  await s.ok('auth', 'o_observation_worker', 'bindWorker', { name: '观察期职工', idNumber: id })
  const mine = await s.ok('enrolment', 'o_observation_worker', 'myCoverage')
  const product = mine.items[0].products[0]
  expect(product).toMatchObject({ phase: 'consolation_1', dayNumber: 45, fullFrom: '2021-08-20' })
  expect(product.summary).toContain('观察期第 45 天：此时确诊可申请慰问金 1,000')
  expect(product.summary).toContain('2021-08-20 起享受医疗互助金')
  const cert = await s.ok('enrolment', 'o_observation_worker', 'certificate', {})
  expect(cert.coverage.products[0].windows.map((w: any) => w.from)).toEqual(['2021-05-22', '2021-06-21', '2021-07-21', '2021-08-20'])
})
