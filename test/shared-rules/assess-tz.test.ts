import { assess } from '@mutual-aid/shared-rules'
import { codes, tz } from './helpers'

describe('TZ inpatient product', () => {
  it('5. employee insurance, 10 days, self-pay 4,000.00 (self-funded 800.00) → 2,700.00 yuan', () => {
    const a = assess(tz('tz-2021', 'inpatient', { medicalInsurance: 'employee' }, {
      admission: '2021-05-03', discharge: '2021-05-13', selfPayFen: 400000, selfFundedFen: 80000, designatedHospital: true,
    }))
    expect(a).toEqual({
      payable: true,
      amountFen: 270000,
      lines: [
        { benefit: 'inpatient_allowance', amountFen: 30000, basis: '台总工〔2021〕8号 四(二)1 [I-7]' },
        { benefit: 'inpatient_subsidy', amountFen: 240000, basis: '台总工〔2021〕8号 四(二)2(1)' },
      ],
      reasons: [],
      endsCoverage: false,
    })
  })
  it('resident insurance → 50 %, rounded half up to the fen', () => {
    const a = assess(tz('tz-2021', 'inpatient', { medicalInsurance: 'resident' }, { admission: '2021-05-03', discharge: '2021-05-03', selfPayFen: 12345, designatedHospital: true }))
    expect(a.lines).toEqual([{ benefit: 'inpatient_subsidy', amountFen: 6173, basis: '台总工〔2021〕8号 四(二)2(2)' }])
  })
  it('allowance: at most 30 days per period, counting days already paid', () => {
    const long = { admission: '2021-06-01', discharge: '2021-07-21', designatedHospital: true } // 50 days
    expect(assess(tz('tz-2021', 'inpatient', { medicalInsurance: 'employee' }, long)).lines).toEqual([
      { benefit: 'inpatient_allowance', amountFen: 90000, basis: '台总工〔2021〕8号 四(二)1 [I-7]' },
    ])
    expect(assess(tz('tz-2021', 'inpatient', { allowanceDaysUsed: 25 }, long)).amountFen).toBe(15000)
    const used = assess(tz('tz-2021', 'inpatient', { allowanceDaysUsed: 30 }, long))
    expect(used.payable).toBe(false)
    expect(used.reasons.map((r) => r.code)).toEqual(['COVERAGE_ENDED'])
  })
  it('the subsidy needs a designated hospital; the allowance does not', () => {
    const a = assess(tz('tz-2021', 'inpatient', { medicalInsurance: 'employee' }, { admission: '2021-05-03', discharge: '2021-05-05', selfPayFen: 100000, designatedHospital: false }))
    expect(a.payable).toBe(true)
    expect(a.lines.map((l) => l.benefit)).toEqual(['inpatient_allowance'])
    expect(a.reasons.map((r) => r.code)).toEqual(['NOT_DESIGNATED_HOSPITAL'])
  })
  it('no basic medical insurance → no subsidy base', () => {
    const a = assess(tz('tz-2021', 'inpatient', { medicalInsurance: 'none' }, { admission: '2021-05-03', discharge: '2021-05-03', selfPayFen: 100000, designatedHospital: true }))
    expect(a.payable).toBe(false)
    expect(a.reasons.map((r) => r.code)).toEqual(['NO_MEDICAL_INSURANCE'])
  })
  it('[I-11] admission inside coverage counts the whole stay; admission before the start does not', () => {
    expect(assess(tz('tz-2021', 'inpatient', {}, { admission: '2021-12-25', discharge: '2022-01-10' })).amountFen).toBe(16 * 3000)
    expect(codes(tz('tz-2021', 'inpatient', {}, { admission: '2021-03-31', discharge: '2021-04-10' }))).toEqual(['OUTSIDE_PERIOD'])
    expect(codes(tz('tz-2021', 'inpatient', { coverageStart: '2021-05-20' }, { admission: '2021-05-19', discharge: '2021-05-25' }))).toEqual(['OUTSIDE_PERIOD'])
    expect(assess(tz('tz-2021', 'inpatient', { coverageStart: '2021-05-20' }, { admission: '2021-05-20', discharge: '2021-05-25' })).amountFen).toBe(5 * 3000)
  })
  it('[I-7] a same-day stay with no self-paid cost pays nothing, and says why', () => {
    const a = assess(tz('tz-2022', 'inpatient', { medicalInsurance: 'employee' }, { admission: '2022-01-01', discharge: '2022-01-01', selfPayFen: 0 }))
    expect(a.payable).toBe(false)
    expect(a.reasons).toEqual([expect.objectContaining({ code: 'NOT_COVERED_BENEFIT', basis: expect.stringContaining('[I-7]') })])
  })
  it('outpatient special-disease costs are not covered', () => {
    expect(codes(tz('tz-2021', 'inpatient', {}, { admission: '2021-05-03', discharge: '2021-05-04', inpatient: false }))).toEqual(['NOT_INPATIENT'])
  })
  it('claims cutoff: 2022-03-31 accepted, 2022-04-01 late (一(一))', () => {
    const base = { admission: '2021-12-01', discharge: '2021-12-05' }
    expect(assess(tz('tz-2021', 'inpatient', {}, { ...base, submittedOn: '2022-03-31' })).payable).toBe(true)
    expect(assess(tz('tz-2021', 'inpatient', {}, { ...base, submittedOn: '2022-04-01' })).reasons).toEqual([
      expect.objectContaining({ code: 'LATE_CLAIM', basis: '台总工〔2021〕8号 一(一)' }),
    ])
    expect(assess(tz('tz-2022', 'inpatient', {}, { admission: '2022-12-31', discharge: '2023-01-02', submittedOn: '2023-03-31' })).amountFen).toBe(6000)
    expect(codes(tz('tz-2022', 'inpatient', {}, { admission: '2022-12-31', discharge: '2023-01-02', submittedOn: '2023-04-01' }))).toEqual(['LATE_CLAIM'])
  })
  it('2022 activity period is the calendar year', () => {
    expect(codes(tz('tz-2022', 'inpatient', { coverageStart: '2021-12-01' }, { admission: '2021-12-31', discharge: '2022-01-03' }))).toEqual(['OUTSIDE_PERIOD'])
    expect(assess(tz('tz-2022', 'inpatient', { coverageStart: '2021-12-01' }, { admission: '2022-01-01', discharge: '2022-01-03' })).amountFen).toBe(6000)
  })
  it('repeat inpatient claims do not end coverage', () => {
    expect(assess(tz('tz-2021', 'inpatient', { paidThisPeriod: true }, { admission: '2021-05-03', discharge: '2021-05-04' })).payable).toBe(true)
  })
})

describe('TZ critical-illness product', () => {
  it('severe first diagnosis → 5,000; coverage of the product ends', () => {
    const a = assess(tz('tz-2021', 'critical', {}, { disease: '恶性肿瘤——重度', eventDate: '2021-04-01' }))
    expect(a).toEqual({ payable: true, amountFen: 500000, lines: [{ benefit: 'critical', amountFen: 500000, basis: '台总工〔2021〕8号 四(二)3' }], reasons: [], endsCoverage: true })
  })
  it.each(['恶性肿瘤-轻度', '较轻急性心肌梗死', '轻度脑中风后遗症'])('mild form %s → 2,000', (disease) => {
    expect(assess(tz('tz-2021', 'critical', {}, { disease, eventDate: '2021-06-01' })).lines).toEqual([
      { benefit: 'critical_mild', amountFen: 200000, basis: '台总工〔2021〕8号 四(二)3' },
    ])
  })
  it('severity "mild" on a disease with a mild form pays the mild amount', () => {
    expect(assess(tz('tz-2021', 'critical', {}, { disease: '恶性肿瘤', severity: 'mild', eventDate: '2021-06-01' })).amountFen).toBe(200000)
    expect(assess(tz('tz-2021', 'critical', {}, { disease: 'TZC02', severity: 'mild', eventDate: '2021-06-01' })).amountFen).toBe(200000)
    expect(codes(tz('tz-2021', 'critical', {}, { disease: '双目失明', severity: 'mild', eventDate: '2021-06-01' }))).toEqual(['NOT_COVERED_DISEASE'])
  })
  it('a disease outside the list, in situ, pre-existing, second payout', () => {
    expect(codes(tz('tz-2021', 'critical', {}, { disease: '高血压', eventDate: '2021-06-01' }))).toEqual(['NOT_COVERED_DISEASE'])
    expect(codes(tz('tz-2021', 'critical', {}, { disease: '恶性肿瘤', inSitu: true, eventDate: '2021-06-01' }))).toEqual(['IN_SITU'])
    expect(codes(tz('tz-2021', 'critical', { priorDiseases: [{ disease: 'TZC06', paid: false, period: 'earlier' }] }, { disease: '严重慢性肾衰竭', eventDate: '2021-06-01' }))).toEqual(['PRE_EXISTING'])
    expect(codes(tz('tz-2021', 'critical', { paidThisPeriod: true }, { disease: 'TZC06', eventDate: '2021-06-01' }))).toEqual(['COVERAGE_ENDED'])
  })
  it('[I-13] no observation period: day 1 pays', () => {
    expect(assess(tz('tz-2021', 'critical', { firstTime: true, coverageStart: '2021-05-20' }, { disease: 'TZC05', eventDate: '2021-05-20' })).amountFen).toBe(500000)
  })
  it('31 Dec is covered, 1 Jan is not (2021)', () => {
    expect(assess(tz('tz-2021', 'critical', {}, { disease: 'TZC05', eventDate: '2021-12-31' })).payable).toBe(true)
    expect(codes(tz('tz-2021', 'critical', {}, { disease: 'TZC05', eventDate: '2022-01-01' }))).toEqual(['OUTSIDE_PERIOD'])
  })
  it('fraud and misdiagnosis refuse; WH-only causes are not TZ exclusions', () => {
    expect(codes(tz('tz-2021', 'critical', {}, { disease: 'TZC05', eventDate: '2021-06-01', exclusions: ['fraud'] }))).toEqual(['FRAUD'])
    expect(codes(tz('tz-2021', 'critical', {}, { disease: 'TZC05', eventDate: '2021-06-01', exclusions: ['misdiagnosis'] }))).toEqual(['MISDIAGNOSIS'])
    expect(assess(tz('tz-2021', 'critical', {}, { disease: 'TZC05', eventDate: '2021-06-01', exclusions: ['high_risk_sport'] })).payable).toBe(true)
  })
  it('retired at enrolment → RETIRED', () => {
    expect(codes(tz('tz-2021', 'critical', { retiredAtEnrolment: true }, { disease: 'TZC05', eventDate: '2021-06-01' }))).toEqual(['RETIRED'])
  })
  it('a death claim is not a benefit of the product', () => {
    expect(codes(tz('tz-2021', 'critical', {}, { kind: 'death', disease: 'TZC05', eventDate: '2021-06-01' }))).toEqual(['NOT_COVERED_BENEFIT'])
  })
})

describe("TZ women's special illness product", () => {
  it.each(['乳腺癌', '宫颈癌', '卵巢癌', '子宫内膜癌', '输卵管癌', '外阴癌', '阴道癌'])('%s → 5,000', (disease) => {
    expect(assess(tz('tz-2021', 'female', { sex: 'female' }, { disease, eventDate: '2021-06-01' })).lines).toEqual([
      { benefit: 'female_cancer', amountFen: 500000, basis: '台总工〔2021〕8号 四(二)4' },
    ])
  })
  it('carcinoma in situ excluded; other cancers not on the list; men not eligible', () => {
    expect(codes(tz('tz-2021', 'female', { sex: 'female' }, { disease: '乳腺癌', inSitu: true, eventDate: '2021-06-01' }))).toEqual(['IN_SITU'])
    expect(codes(tz('tz-2021', 'female', { sex: 'female' }, { disease: '肺癌', eventDate: '2021-06-01' }))).toEqual(['NOT_COVERED_DISEASE'])
    expect(codes(tz('tz-2021', 'female', { sex: 'male' }, { disease: '乳腺癌', eventDate: '2021-06-01' }))).toEqual(['NOT_ELIGIBLE_SEX'])
    expect(codes(tz('tz-2021', 'female', { sex: 'female', paidThisPeriod: true }, { disease: '乳腺癌', eventDate: '2021-06-01' }))).toEqual(['COVERAGE_ENDED'])
  })
})
