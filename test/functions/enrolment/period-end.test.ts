/**
 * A fee buys coverage of its own period only (WH 第三条: from the day after payment to 24:00 on 31 December of that
 * year; TZ 台总工〔2021〕8号 一: the activity year). On the period's last day (business date 2021-12-31) a payment for
 * that period buys no day of it: the office's record is refused and changes nothing — before, it started coverage on
 * 2022-01-01 and ran it to 2022-12-31, over the next period — and a clerk declaring that day is sent to next year.
 */
import { CLERK_WH, OFFICE, TZ_UNIT, startSuite, type Suite } from './helpers'

let s: Suite
const WH_APPROVED = 'enr-period-end-wh'
const TZ_APPROVED = 'enr-period-end-tz'

beforeAll(async () => {
  s = await startSuite('2021-12-31')
  // Copies of the WH unit's paid 2021 declaration, approved and not yet paid: one WH, one moved to TZ 2021.
  const list = await s.ok('enrolment', OFFICE, 'list', { limit: 50 })
  const paid = list.items.find((e: any) => e.status === 'paid' && e.family === 'WH')
  const { _id, payment, ...rest } = (await s.db.collection('enrolments').doc(paid._id).get()).data
  void _id
  void payment
  const approved = { ...rest, status: 'approved', kind: 'new_hire', coverageStart: null, coverageEnd: null }
  await s.db.collection('enrolments').add({ data: { ...approved, _id: WH_APPROVED } })
  await s.db.collection('enrolments').add({ data: { ...approved, _id: TZ_APPROVED, family: 'TZ', schemeId: 'tz-2021', unitId: TZ_UNIT, shares: null, products: ['critical'] } })
})

afterAll(async () => {
  await s?.emu.stop()
})

/** Everything a payment writes: the declaration, its ledger entry, its activation, its audit entry. */
async function traces(enrolmentId: string) {
  const e = (await s.db.collection('enrolments').doc(enrolmentId).get()).data
  const count = async (name: string, where: Record<string, unknown>) => (await s.db.collection(name).where(where).count()).total
  return {
    status: e.status,
    version: e.version,
    coverageStart: e.coverageStart,
    ledger: await count('ledger', { sourceId: enrolmentId }),
    audit: await count('audit', { entityId: enrolmentId, action: 'enrolment.recordPayment' }),
    operations: await count('operations', { 'params.enrolmentId': enrolmentId }),
  }
}

describe('a payment on the last day of its period', () => {
  it.each([
    ['WH 2021 (第三条)', WH_APPROVED, '第三条'],
    ['TZ 2021 (一(一))', TZ_APPROVED, '台总工〔2021〕8号 一(一)'],
  ])('%s: refused with what to do, nothing written', async (_label, enrolmentId, basis) => {
    const before = await traces(enrolmentId)
    const e = (await s.db.collection('enrolments').doc(enrolmentId).get()).data
    const r = await s.call('enrolment', OFFICE, 'recordPayment', { enrolmentId, version: e.version, amountFen: e.quote.totalFen, paidOn: '2021-12-31', reference: 'LATE-1' })
    expect(r).toMatchObject({ ok: false, code: 'PERIOD_OVER' })
    expect(r.message).toContain('2021 年度保障期到 2021-12-31 止')
    expect(r.message).toContain(basis)
    expect(r.message).toContain('申报 2022 年度')
    expect(await traces(enrolmentId)).toEqual(before)
  })

  it('paid the day before, it covers that last day only', async () => {
    const e = (await s.db.collection('enrolments').doc(WH_APPROVED).get()).data
    const paid = await s.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId: WH_APPROVED, version: e.version, amountFen: e.quote.totalFen, paidOn: '2021-12-30', reference: 'IN-TIME-1' })
    expect(paid).toMatchObject({ status: 'paid', coverageStart: '2021-12-31', coverageEnd: '2021-12-31' })
  })
})

describe('declaring on the last day of a period', () => {
  it('the WH page opens on next year, starting 1 January', async () => {
    expect(await s.ok('enrolment', CLERK_WH, 'prepare', {})).toMatchObject({ year: 2022, coverageStartEstimate: '2022-01-01' })
  })

  it('this year opens with the reason in place of the window and no quote (the page can still switch years)', async () => {
    const p = await s.ok('enrolment', CLERK_WH, 'prepare', { year: 2021 })
    expect(p).toMatchObject({ year: 2021, coverageStartEstimate: null, window: { ok: false, code: 'PERIOD_OVER', basis: '第三条' }, initial: { totalFen: null, quoteProblem: { code: 'PERIOD_OVER' } } })
    expect(p.window.message).toContain('请改为申报 2022 年度')
  })

  it('this year is refused with the reason for a new hire and a declaration alike', async () => {
    for (const [action, input] of [
      ['addNewHires', { year: 2021, personIds: ['anyone'] }],
      ['submit', { year: 2021, personIds: ['anyone'], shares: 2, products: ['critical'] }],
    ] as const) {
      const r = await s.call('enrolment', CLERK_WH, action, input)
      expect(r).toMatchObject({ ok: false, code: 'PERIOD_OVER' })
      expect(r.message).toContain('请改为申报 2022 年度（第三条）')
    }
  })
})
