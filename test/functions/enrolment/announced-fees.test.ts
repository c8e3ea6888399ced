/**
 * TZ 2022's fees are "announced separately" (台总工〔2021〕8号 四(一)2). Once the office's announcement is stored
 * (collection `schemeFees`, one document per version), the enrolment function quotes with it at run time: prepare hands
 * the page the version with those fees, the declaration is priced with them, and the payment must match that price.
 * A stored announcement that does not validate stops that version with a clear message instead of quoting wrongly.
 * Business date 2021-10-15: the 2022 window (2021-10-10 – 2021-12-31) is open.
 */
import { quote } from '@mutual-aid/shared-rules'
import { AGENT, CLERK_TZ, OFFICE, TZ_UNIT, preparedPeople, rosterIds, startSuite, type Suite } from './helpers'

let s: Suite
beforeAll(async () => {
  s = await startSuite('2021-10-15')
})
afterAll(async () => {
  await s?.emu.stop()
})

const NOTICE = '台总工〔2021〕20号（测试用的缴费通知）'
/** Fictitious 2022 fees: inpatient 4 yuan a month for private enterprises (6 for others), critical and women's 20 yuan. */
const FEES_2022 = [
  { per: 'person_month', product: 'inpatient', byUnitType: { agency: 600, institution: 600, social_org: 600, soe: 600, private_non_enterprise: 600, private: 400 }, financeFen: 600, basis: `${NOTICE} 一` },
  { per: 'person_period', product: 'critical', fen: 2000, basis: `${NOTICE} 二` },
  { per: 'person_period', product: 'female', fen: 2000, onlySex: 'female', basis: `${NOTICE} 三` },
]
const PRODUCTS = ['inpatient', 'critical', 'female']

describe('announced fees reach quoting, declaring and payment', () => {
  let ids: string[] = []
  let women = 0
  let expectedFen = 0
  let enrolmentId = ''

  it('before the announcement: the page gets the version without fees and the declaration is refused', async () => {
    await s.ok('units', CLERK_TZ, 'recordStaffReport', { month: '2021-09', headcount: 14 })
    ids = await rosterIds(s, TZ_UNIT)
    const people = (await s.db.collection('people').where({ _id: s.db.command.in(ids) }).get()).data
    women = people.filter((p: any) => p.sex === 'female').length
    expect(ids).toHaveLength(14)
    const p = await s.ok('enrolment', CLERK_TZ, 'prepare', {})
    expect(p).toMatchObject({ year: 2022, scheme: { id: 'tz-2022' }, rules: { id: 'tz-2022', fees: null } })
    const onPage = quote({ scheme: p.rules, unitType: 'private', coverageStart: p.coverageStartEstimate, products: PRODUCTS as any, participants: [{ firstTime: true, sex: 'male' }] })
    expect(onPage).toMatchObject({ ok: false, code: 'FEES_NOT_ANNOUNCED', message: expect.stringContaining('请等待互助办公布后再申报') })
    expect(await s.call('enrolment', CLERK_TZ, 'submit', { year: 2022, personIds: ids, products: PRODUCTS })).toMatchObject({ ok: false, code: 'FEES_NOT_ANNOUNCED' })
  })

  it('the announcement is stored once per version; a second one for the same version is refused by the database', async () => {
    const doc = { _id: 'tz-2022', schemeId: 'tz-2022', fees: FEES_2022, notice: NOTICE, announcedOn: '2021-10-12', announcedBy: OFFICE, createdAt: new Date() }
    await s.db.collection('schemeFees').add({ data: doc })
    await expect(s.db.collection('schemeFees').add({ data: { ...doc, _id: 'tz-2022-again' } })).rejects.toBeTruthy()
    await expect(s.db.collection('schemeFees').add({ data: doc })).rejects.toBeTruthy()
    expect((await s.db.collection('schemeFees').count()).total).toBe(1)
  })

  it('prepare hands the page the version with the announced fees; its live quote is the real one', async () => {
    const p = await s.ok('enrolment', CLERK_TZ, 'prepare', {})
    expect(p.rules.fees).toEqual(FEES_2022)
    expect(p.coverageStartEstimate).toBe('2022-01-01')
    // 14 people × 4 yuan × 12 months + 14 × 20 yuan + each woman 20 yuan.
    expectedFen = 14 * 400 * 12 + 14 * 2000 + women * 2000
    const onPage = quote({ scheme: p.rules, unitType: 'private', coverageStart: p.coverageStartEstimate, products: PRODUCTS as any, participants: (await preparedPeople(s.ok, CLERK_TZ, p.year)).map((x: any) => ({ firstTime: x.firstTime, sex: x.sex })) })
    // The server's own figures for everyone declarable agree.
    expect(p.initial).toMatchObject({ participants: 14, totalFen: expectedFen })
    expect(onPage).toMatchObject({ ok: true, totalFen: expectedFen })
  })

  it('the declaration is priced with them', async () => {
    const r = await s.ok('enrolment', CLERK_TZ, 'submit', { year: 2022, personIds: ids, products: PRODUCTS })
    expect(r).toMatchObject({ status: 'submitted', participantCount: 14, totalFen: expectedFen })
    expect(r.lines.map((l: any) => [l.benefit, l.unitFen, l.months, l.basis])).toEqual([
      ['fee_inpatient', 400, 12, `${NOTICE} 一`],
      ['fee_critical', 2000, null, `${NOTICE} 二`],
      ['fee_female', 2000, null, `${NOTICE} 三`],
    ])
    enrolmentId = r.enrolmentId
    const stored = (await s.db.collection('enrolments').where({ _id: enrolmentId }).get()).data[0]
    expect(stored).toMatchObject({ schemeId: 'tz-2022', year: 2022, quote: { totalFen: expectedFen, coverageStartEstimate: '2022-01-01' } })
  })

  it('the payment must match the announced price; coverage starts with the 2022 period', async () => {
    const got = (await s.ok('enrolment', AGENT, 'get', { enrolmentId })).enrolment
    const approved = await s.ok('enrolment', AGENT, 'review', { enrolmentId, version: got.version, decision: 'approve' })
    const at2021Rates = 14 * 300 * 12 + 14 * 1500 + women * 1500
    const wrong = await s.call('enrolment', OFFICE, 'recordPayment', { enrolmentId, version: approved.version, amountFen: at2021Rates, paidOn: '2021-10-15', reference: 'TZ22-001' })
    expect(wrong).toMatchObject({ ok: false, code: 'AMOUNT_MISMATCH' })
    const paid = await s.ok('enrolment', OFFICE, 'recordPayment', { enrolmentId, version: approved.version, amountFen: expectedFen, paidOn: '2021-10-15', reference: 'TZ22-001' })
    expect(paid).toMatchObject({ status: 'paid', coverageStart: '2022-01-01', coverageEnd: '2022-12-31' })
    const ledger = (await s.db.collection('ledger').where({ sourceType: 'enrolment', sourceId: enrolmentId }).get()).data
    expect(ledger).toEqual([expect.objectContaining({ family: 'TZ', year: 2022, type: 'contribution', amountFen: expectedFen })])
  })

  it('a stored announcement that does not validate stops that version with a clear message, and changes nothing', async () => {
    // TZ 2021's fees are set by its document: an "announcement" for it is a configuration error.
    await s.db.collection('schemeFees').add({ data: { _id: 'tz-2021', schemeId: 'tz-2021', fees: FEES_2022, notice: NOTICE, announcedOn: '2021-10-12', announcedBy: OFFICE, createdAt: new Date() } })
    const before = (await s.db.collection('enrolments').count()).total
    const r = await s.call('enrolment', CLERK_TZ, 'prepare', { year: 2021 })
    expect(r).toMatchObject({ ok: false, code: 'SCHEME_CONFIG_INVALID' })
    expect(r.message).toContain('缴费标准配置有误')
    expect(r.message).toContain('请联系互助办')
    expect(await s.call('enrolment', CLERK_TZ, 'submit', { year: 2021, personIds: ids, products: PRODUCTS })).toMatchObject({ ok: false, code: 'SCHEME_CONFIG_INVALID' })
    expect((await s.db.collection('enrolments').count()).total).toBe(before)
    // Other versions are unaffected.
    expect(await s.ok('enrolment', CLERK_TZ, 'prepare', {})).toMatchObject({ year: 2022 })
    await s.db.collection('schemeFees').where({ _id: 'tz-2021' }).remove()
    expect(await s.ok('enrolment', CLERK_TZ, 'prepare', { year: 2021 })).toMatchObject({ year: 2021, window: { ok: false, code: 'ENROLMENT_CLOSED' } })
  })
})
