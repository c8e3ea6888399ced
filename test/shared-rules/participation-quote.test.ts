import { checkParticipation, maxReplacementCount, quote, TZ_2022, withFees } from '@mutual-aid/shared-rules'

const people = (n: number, firstTime = true, sex: 'male' | 'female' = 'male') => Array.from({ length: n }, () => ({ firstTime, sex }))

describe('participation (WH 第四条; TZ 二2)', () => {
  it('6. TZ private enterprise, 40 staff, 30 enrol → 75 % ≥ 70 %, ≥ 10 people: accepted', () => {
    expect(checkParticipation({ scheme: 'tz-2021', unitType: 'private', staff: 40, participants: 30 })).toEqual({ ok: true, reasons: [], requiredMin: 28 })
  })
  it('TZ private: 70 % exactly passes ([I-6]), one fewer fails; fewer than 10 people fails', () => {
    expect(checkParticipation({ scheme: 'tz-2021', unitType: 'private', staff: 100, participants: 70 }).ok).toBe(true)
    const r = checkParticipation({ scheme: 'tz-2021', unitType: 'private', staff: 100, participants: 69 })
    expect(r.reasons.map((x) => x.code)).toEqual(['PARTICIPATION_RATIO'])
    expect(r.reasons[0].basis).toBe('台总工〔2021〕8号 二2 [I-6]')
    const small = checkParticipation({ scheme: 'tz-2021', unitType: 'private', staff: 9, participants: 9 })
    expect(small.reasons.map((x) => x.code)).toEqual(['PARTICIPATION_MIN_COUNT'])
    expect(small.requiredMin).toBe(10)
  })
  it('TZ other unit types: everyone ([I-14])', () => {
    expect(checkParticipation({ scheme: 'tz-2022', unitType: 'soe', staff: 200, participants: 200 }).ok).toBe(true)
    expect(checkParticipation({ scheme: 'tz-2022', unitType: 'agency', staff: 200, participants: 199 }).reasons.map((x) => x.code)).toEqual(['PARTICIPATION_RATIO'])
  })
  it('WH: ≤ 30 staff must enrol 100 %; 31 staff need 80 % rounded up (25)', () => {
    expect(checkParticipation({ scheme: 'wh-2020', unitType: 'private', staff: 30, participants: 29 }).ok).toBe(false)
    expect(checkParticipation({ scheme: 'wh-2020', unitType: 'private', staff: 30, participants: 30 }).ok).toBe(true)
    expect(checkParticipation({ scheme: 'wh-2020', unitType: 'agency', staff: 31, participants: 25 })).toEqual({ ok: true, reasons: [], requiredMin: 25 })
    const r = checkParticipation({ scheme: 'wh-2020', unitType: 'agency', staff: 31, participants: 24 })
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'PARTICIPATION_RATIO', basis: '第四条' })])
    expect(r.reasons[0].message).toContain('77.4%')
  })
  it('no more participants than staff (no 挂靠)', () => {
    expect(checkParticipation({ scheme: 'wh-2020', unitType: 'soe', staff: 50, participants: 51 }).reasons.map((x) => x.code)).toEqual(['PARTICIPANTS_EXCEED_STAFF'])
  })
  it('replacement: TZ private enterprises 20 % rounded down, nobody else', () => {
    expect(maxReplacementCount('tz-2021', 'private', 34)).toBe(6)
    expect(maxReplacementCount('tz-2021', 'private', 35)).toBe(7)
    expect(maxReplacementCount('tz-2021', 'soe', 100)).toBe(0)
    expect(maxReplacementCount('wh-2020', 'private', 100)).toBe(0)
  })
})

describe('fee quote', () => {
  it('6. TZ 2021 private (not a bank), 30 people, inpatient + critical from 2021-04-01 → 1,260 yuan', () => {
    const q = quote({ scheme: 'tz-2021', unitType: 'private', coverageStart: '2021-04-01', products: ['inpatient', 'critical'], participants: people(30) })
    if (!q.ok) throw new Error(q.message)
    expect(q.totalFen).toBe(126000)
    expect(q.lines.map((l) => [l.benefit, l.persons, l.unitFen, l.months, l.amountFen])).toEqual([
      ['fee_inpatient', 30, 300, 9, 81000],
      ['fee_critical', 30, 1500, null, 45000],
    ])
    expect(q.perPerson.every((p) => p.amountFen === 4200)).toBe(true)
  })
  it('banks and insurers pay the 5-yuan inpatient rate; agencies too', () => {
    const bank = quote({ scheme: 'tz-2021', unitType: 'private', finance: true, coverageStart: '2021-04-01', products: ['inpatient'], participants: people(2) })
    const agency = quote({ scheme: 'tz-2021', unitType: 'agency', coverageStart: '2021-04-01', products: ['inpatient'], participants: people(2) })
    expect(bank.ok && bank.totalFen).toBe(2 * 500 * 9)
    expect(agency.ok && agency.totalFen).toBe(2 * 500 * 9)
  })
  it('[I-12] enrolled 2021-05-20 → May–Dec = 8 months; women-only product counts women', () => {
    const q = quote({ scheme: 'tz-2021', unitType: 'soe', coverageStart: '2021-05-20', products: ['inpatient', 'female'], participants: [...people(3), ...people(2, true, 'female')] })
    if (!q.ok) throw new Error(q.message)
    expect(q.lines.map((l) => [l.benefit, l.persons, l.amountFen])).toEqual([
      ['fee_inpatient', 5, 5 * 500 * 8],
      ['fee_female', 2, 2 * 1500],
    ])
  })
  it('TZ start before the activity period counts from 1 April', () => {
    const q = quote({ scheme: 'tz-2021', unitType: 'soe', coverageStart: '2021-03-01', products: ['inpatient'], participants: people(1) })
    expect(q.ok && q.lines[0].months).toBe(9)
  })
  it('WH [I-5]: joining 2021-03-10 pays 10 months; first-time 5, renewing 4 yuan per share-month', () => {
    const q = quote({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-03-10', shares: 2, products: [], participants: [...people(3, true), ...people(2, false)] })
    if (!q.ok) throw new Error(q.message)
    expect(q.lines.map((l) => [l.benefit, l.persons, l.perPersonFen, l.amountFen])).toEqual([
      ['fee_first_time', 3, 500 * 2 * 10, 3 * 10000],
      ['fee_renewal', 2, 400 * 2 * 10, 2 * 8000],
    ])
    expect(q.totalFen).toBe(46000)
  })
  it('WH: December start pays 1 month, January 12', () => {
    const dec = quote({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-12-31', shares: 1, products: ['critical'], participants: people(1) })
    const jan = quote({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-01-01', shares: 1, products: ['critical'], participants: people(1) })
    expect(dec.ok && dec.totalFen).toBe(500)
    expect(jan.ok && jan.totalFen).toBe(6000)
  })
  it('WH shares must be 1–3', () => {
    expect(quote({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-03-10', shares: 4, products: [], participants: people(1) })).toEqual(expect.objectContaining({ ok: false, code: 'INVALID_SHARES' }))
    expect(quote({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-03-10', products: [], participants: people(1) })).toEqual(expect.objectContaining({ ok: false, code: 'INVALID_SHARES' }))
  })
  it('TZ 2022 fees are announced separately → FEES_NOT_ANNOUNCED, until configured', () => {
    const input = { unitType: 'soe' as const, coverageStart: '2022-01-01', products: ['critical' as const], participants: people(4) }
    const q = quote({ scheme: 'tz-2022', ...input })
    expect(q).toEqual({ ok: false, code: 'FEES_NOT_ANNOUNCED', message: expect.stringContaining('另行通知') })
    const configured = withFees(TZ_2022, [{ per: 'person_period', product: 'critical', fen: 2000, basis: '2022年度缴费通知' }])
    const c = quote({ scheme: configured, ...input })
    expect(c.ok && c.totalFen).toBe(8000)
    expect(TZ_2022.fees).toBeNull()
  })
  it('a product the scheme does not offer', () => {
    expect(quote({ scheme: 'wh-2020', unitType: 'soe', coverageStart: '2021-03-10', shares: 1, products: ['inpatient'], participants: people(1) })).toEqual(expect.objectContaining({ ok: false, code: 'PRODUCT_NOT_OFFERED' }))
  })
})
