import { assess, EXCLUSIONS } from '@mutual-aid/shared-rules'
import { codes, wh } from './helpers'

describe('WH worked examples (DOMAIN §5)', () => {
  it('1. first-time, 2 shares, leukaemia on day 53 → consolation 2,000 yuan, coverage ends', () => {
    const a = assess(wh({ firstTime: true, shares: 2, coverageStart: '2021-03-10' }, { disease: '白血病', eventDate: '2021-05-01' }))
    expect(a).toEqual({ payable: true, amountFen: 200000, lines: [{ benefit: 'consolation', amountFen: 200000, basis: '第八条' }], reasons: [], endsCoverage: true })
  })
  it('2. first-time, diagnosis on day 21 → nothing (第十四条第二项)', () => {
    const a = assess(wh({ firstTime: true, shares: 1 }, { eventDate: '2021-03-30' }))
    expect(a.payable).toBe(false)
    expect(a.amountFen).toBe(0)
    expect(a.reasons).toEqual([expect.objectContaining({ code: 'OBSERVATION_PERIOD', basis: '第十四条第二项' })])
    expect(a.reasons[0].message).toContain('第 21 天')
    expect(a.endsCoverage).toBe(false)
  })
  it('3. renewing, 3 shares, stent implant → 30,000 yuan', () => {
    const a = assess(wh({ firstTime: false, shares: 3, coverageStart: '2021-01-16' }, { disease: '冠状动脉搭桥及支架植入术', eventDate: '2021-02-01' }))
    expect(a.amountFen).toBe(3000000)
    expect(a.lines).toEqual([{ benefit: 'medical', amountFen: 3000000, basis: '第七条' }])
  })
  it('4. renewing, 1 share, dies of pneumonia in hospital → 3,000 yuan (第十条（二）2)', () => {
    const a = assess(wh({ firstTime: false, coverageStart: '2021-01-16' }, { kind: 'death', disease: '肺炎', causeOfDeath: 'illness', eventDate: '2021-08-01' }))
    expect(a.lines).toEqual([{ benefit: 'death', amountFen: 300000, basis: '第十条（二）2' }])
    expect(a.endsCoverage).toBe(true)
  })
})

describe('WH benefit table, every row, with day boundaries (start 2021-03-10 = day 1)', () => {
  const start = '2021-03-10'
  it.each([
    ['illness day 1', 'illness', '2021-03-10', 0, null],
    ['illness day 30', 'illness', '2021-04-08', 0, null],
    ['illness day 31', 'illness', '2021-04-09', 100000, 'consolation'],
    ['illness day 60', 'illness', '2021-05-08', 100000, 'consolation'],
    ['illness day 61', 'illness', '2021-05-09', 200000, 'consolation'],
    ['illness day 90', 'illness', '2021-06-07', 200000, 'consolation'],
    ['illness day 91', 'illness', '2021-06-08', 1000000, 'medical'],
    ['illness 31 Dec', 'illness', '2021-12-31', 1000000, 'medical'],
    ['death day 30', 'death', '2021-04-08', 0, null],
    ['death day 31', 'death', '2021-04-09', 100000, 'death'],
    ['death day 60', 'death', '2021-05-08', 100000, 'death'],
    ['death day 61', 'death', '2021-05-09', 200000, 'death'],
    ['death day 90', 'death', '2021-06-07', 200000, 'death'],
    ['death day 91', 'death', '2021-06-08', 300000, 'death'],
    ['death 31 Dec', 'death', '2021-12-31', 300000, 'death'],
  ] as const)('first-time %s', (_name, kind, eventDate, amountFen, benefit) => {
    const a = assess(wh({ firstTime: true, coverageStart: start }, { kind, eventDate, causeOfDeath: 'illness' }))
    expect(a.amountFen).toBe(amountFen)
    expect(a.payable).toBe(amountFen > 0)
    if (benefit) expect(a.lines[0].benefit).toBe(benefit)
    else expect(a.reasons.map((r) => r.code)).toEqual(['OBSERVATION_PERIOD'])
  })

  it('first-time death cites 第十条（一）1 in the consolation windows and （一）2 after', () => {
    expect(assess(wh({}, { kind: 'death', eventDate: '2021-04-09' })).lines[0].basis).toBe('第十条（一）1')
    expect(assess(wh({}, { kind: 'death', eventDate: '2021-06-08' })).lines[0].basis).toBe('第十条（一）2')
  })

  it('renewing: medical benefit from day 1 to 31 Dec', () => {
    for (const eventDate of ['2021-03-10', '2021-12-31']) {
      expect(assess(wh({ firstTime: false }, { eventDate })).lines).toEqual([{ benefit: 'medical', amountFen: 1000000, basis: '第七条' }])
    }
  })

  it('renewing death, paid a medical benefit last period, same category → 1,000 (第十条（二）1)', () => {
    const a = assess(wh({ firstTime: false, priorDiseases: [{ disease: 'WH01', paid: true, period: 'previous' }] }, { kind: 'death', disease: '恶性肿瘤' }))
    expect(a.lines).toEqual([{ benefit: 'death', amountFen: 100000, basis: '第十条（二）1' }])
  })
  it('renewing death of an illness outside the 16 → 3,000 (第十条（二）2)', () => {
    expect(assess(wh({ firstTime: false, shares: 2 }, { kind: 'death', disease: '心力衰竭' })).lines).toEqual([{ benefit: 'death', amountFen: 600000, basis: '第十条（二）2' }])
  })
  it('renewing death, covered disease before this period never paid → 5,000 (第十条（二）3)', () => {
    const a = assess(wh({ firstTime: false, priorDiseases: [{ disease: '白血病', paid: false, period: 'earlier' }] }, { kind: 'death', disease: 'WH05' }))
    expect(a.lines).toEqual([{ benefit: 'death', amountFen: 500000, basis: '第十条（二）3' }])
  })
  it('[I-2] renewing death of a covered disease first diagnosed this period → medical benefit', () => {
    const a = assess(wh({ firstTime: false, shares: 2 }, { kind: 'death', disease: 'WH05' }))
    expect(a.lines).toEqual([{ benefit: 'medical', amountFen: 2000000, basis: '第七条 [I-2]' }])
  })
  it('renewing death of a category paid in an earlier (not the previous) period fits no 第十条（二） row', () => {
    const a = assess(wh({ firstTime: false, priorDiseases: [{ disease: 'WH05', paid: true, period: 'earlier' }] }, { kind: 'death', disease: 'WH05' }))
    expect(a.payable).toBe(false)
    expect(a.reasons.map((r) => r.code)).toEqual(['PRE_EXISTING'])
  })
})

describe('WH period and deadlines', () => {
  it('a diagnosis before the start or after 31 Dec is outside the period', () => {
    expect(codes(wh({ firstTime: false, coverageStart: '2021-01-01' }, { eventDate: '2020-12-31' }))).toEqual(['OUTSIDE_PERIOD'])
    expect(codes(wh({ firstTime: false, coverageStart: '2021-01-01' }, { eventDate: '2022-01-01' }))).toEqual(['OUTSIDE_PERIOD'])
    expect(assess(wh({ firstTime: false, coverageStart: '2021-01-01' }, { eventDate: '2021-01-01' })).payable).toBe(true)
  })
  it('claim on the 120th day is in time, on the 121st late ([I-4])', () => {
    expect(assess(wh({ firstTime: false }, { eventDate: '2021-05-01', submittedOn: '2021-08-28' })).payable).toBe(true)
    const late = assess(wh({ firstTime: false }, { eventDate: '2021-05-01', submittedOn: '2021-08-29' }))
    expect(late.reasons).toEqual([expect.objectContaining({ code: 'LATE_CLAIM', basis: '第十八条 [I-4]' })])
    expect(late.reasons[0].message).toContain('2021-08-28')
  })
})

describe('WH exclusions (第十四条至第十六条)', () => {
  it.each([
    ['fraud', 'FRAUD', '第十四条第四项'],
    ['misdiagnosis', 'MISDIAGNOSIS', '第十四条第五项'],
    ['natural_disaster', 'EXCLUDED_CAUSE', '第十四条第六项'],
    ['war', 'EXCLUDED_CAUSE', '第十四条第六项'],
    ['riot', 'EXCLUDED_CAUSE', '第十四条第六项'],
    ['nuclear', 'EXCLUDED_CAUSE', '第十四条第六项'],
    ['crime', 'EXCLUDED_CAUSE', '第十四条第六项'],
    ['self_injury', 'EXCLUDED_CAUSE', '第十四条第六项'],
    ['fight', 'EXCLUDED_CAUSE', '第十四条第六项'],
    ['high_risk_sport', 'EXCLUDED_CAUSE', '第十四条第七项'],
  ] as const)('%s → %s (%s)', (exclusion, code, basis) => {
    const a = assess(wh({ firstTime: false }, { exclusions: [exclusion] }))
    expect(a.payable).toBe(false)
    expect(a.reasons).toEqual([{ code, basis, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }])
    expect(a.endsCoverage).toBe(exclusion === 'fraud') // 第十五条
  })
  it('covers every exclusion value', () => {
    expect(EXCLUSIONS).toHaveLength(10)
  })
  it('fraud ends coverage even on a death claim', () => {
    expect(assess(wh({ firstTime: false }, { kind: 'death', exclusions: ['fraud'] })).endsCoverage).toBe(true)
  })
  it('same category as before enrolling → PRE_EXISTING (第十四条第一项)', () => {
    const a = assess(wh({ firstTime: false, priorDiseases: [{ disease: '白血病', paid: false, period: 'earlier' }] }, { disease: 'WH05' }))
    expect(a.reasons).toEqual([expect.objectContaining({ code: 'PRE_EXISTING', basis: '第十四条第一项' })])
  })
  it('a different prior category does not exclude', () => {
    expect(assess(wh({ firstTime: false, priorDiseases: [{ disease: 'WH01', paid: true, period: 'previous' }] }, { disease: 'WH05' })).payable).toBe(true)
  })
  it('retired at enrolment → RETIRED (第十四条第三项)', () => {
    expect(assess(wh({ firstTime: false, retiredAtEnrolment: true }, {})).reasons).toEqual([expect.objectContaining({ code: 'RETIRED', basis: '第十四条第三项' })])
  })
  it('a second claim after a payout this period → COVERAGE_ENDED', () => {
    expect(codes(wh({ firstTime: false, paidThisPeriod: true }, {}))).toEqual(['COVERAGE_ENDED'])
    expect(codes(wh({ firstTime: false, paidThisPeriod: true }, { kind: 'death' }))).toEqual(['COVERAGE_ENDED'])
  })
  it('disease not in the list → NOT_COVERED_DISEASE; code and printed name both accepted', () => {
    expect(codes(wh({ firstTime: false }, { disease: '糖尿病' }))).toEqual(['NOT_COVERED_DISEASE'])
    expect(codes(wh({ firstTime: false }, { disease: undefined }))).toEqual(['NOT_COVERED_DISEASE'])
    expect(assess(wh({ firstTime: false }, { disease: '阿尔兹海默氏症' })).payable).toBe(true)
    expect(assess(wh({ firstTime: false }, { disease: 'WH16' })).payable).toBe(true)
  })
  it('carcinoma in situ is not a malignant tumour under 第二十二条', () => {
    expect(codes(wh({ firstTime: false }, { disease: 'WH01', inSitu: true }))).toEqual(['IN_SITU'])
  })
  it('no inpatient treatment / not a designated hospital', () => {
    expect(codes(wh({ firstTime: false }, { inpatient: false }))).toEqual(['NOT_INPATIENT'])
    expect(codes(wh({ firstTime: false }, { designatedHospital: false }))).toEqual(['NOT_DESIGNATED_HOSPITAL'])
    expect(codes(wh({ firstTime: false }, { kind: 'death', disease: '肺炎', inpatient: false }))).toEqual(['NOT_INPATIENT'])
  })
  it('death not caused by illness → NOT_ILLNESS_DEATH (第十六条)', () => {
    expect(assess(wh({ firstTime: false }, { kind: 'death', causeOfDeath: 'accident' })).reasons).toEqual([
      expect.objectContaining({ code: 'NOT_ILLNESS_DEATH', basis: '第十六条' }),
    ])
  })
  it('pre-existing disease does not exclude a death from illness (第十四条第一项 因病死亡除外)', () => {
    const a = assess(wh({ firstTime: true, priorDiseases: [{ disease: 'WH05', paid: false, period: 'earlier' }] }, { kind: 'death', disease: 'WH05', eventDate: '2021-07-01' }))
    expect(a.lines).toEqual([{ benefit: 'death', amountFen: 300000, basis: '第十条（一）2' }])
  })
  it('lists every reason that applies, not only the first', () => {
    const a = assess(wh({ firstTime: true, retiredAtEnrolment: true }, { eventDate: '2021-03-20', disease: '感冒', inpatient: false, exclusions: ['fight'] }))
    expect(a.reasons.map((r) => r.code).sort()).toEqual(['EXCLUDED_CAUSE', 'NOT_COVERED_DISEASE', 'NOT_INPATIENT', 'OBSERVATION_PERIOD', 'RETIRED'])
  })
  it('WH offers only the critical product', () => {
    expect(codes({ ...wh({}, {}), product: 'inpatient' })).toEqual(['PRODUCT_NOT_OFFERED'])
  })
})
