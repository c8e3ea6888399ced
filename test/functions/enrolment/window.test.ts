/**
 * The TZ enrolment window is a hard limit: on 2021-07-05 (after 2021-06-30) a TZ declaration is refused as late,
 * and the page's prepare says so before the clerk starts. WH has no window.
 */
import { CLERK_TZ, CLERK_WH, TZ_UNIT, rosterIds, startSuite, type Suite } from './helpers'

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
