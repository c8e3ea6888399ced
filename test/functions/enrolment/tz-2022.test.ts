/**
 * On 2021-10-15 the TZ 2022 window is open (2021-10-10 – 2021-12-31) but its fees are "announced separately":
 * the declaration page defaults to 2022 and the declaration is refused with the rules' FEES_NOT_ANNOUNCED until the
 * office configures them. TZ 2021 is closed by then.
 */
import { CLERK_TZ, TZ_UNIT, rosterIds, startSuite, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite('2021-10-15')
})
afterAll(async () => {
  await s?.emu.stop()
})

it('prepare defaults to the open 2022 period', async () => {
  const p = await s.ok('enrolment', CLERK_TZ, 'prepare', {})
  expect(p).toMatchObject({ year: 2022, coverageStartEstimate: '2022-01-01' })
  expect(p.scheme.id).toBe('tz-2022')
  expect(p.window).toMatchObject({ ok: true, from: '2021-10-10', to: '2021-12-31' })
})

it('declaring 2022 is refused while its fees are not announced; 2021 is closed', async () => {
  await s.ok('units', CLERK_TZ, 'recordStaffReport', { month: '2021-09', headcount: 14 })
  const ids = await rosterIds(s, TZ_UNIT)
  const r = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2022, personIds: ids, products: ['inpatient', 'critical'] })
  expect(r).toMatchObject({ ok: false, code: 'FEES_NOT_ANNOUNCED' })
  expect(r.message).toContain('另行通知')
  const late = await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: ids, products: ['inpatient'] })
  expect(late).toMatchObject({ ok: false, code: 'ENROLMENT_CLOSED' })
  expect((await s.db.collection('participations').where({ unitId: TZ_UNIT }).count()).total).toBe(0)
})
