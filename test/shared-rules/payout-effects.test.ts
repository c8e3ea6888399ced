/**
 * `assessWithEffects` says what paying a claim ends, from the scheme data, so the claims function applies it without
 * knowing families: WH — any payout ends the whole coverage (第七条、第八条、第十条); TZ critical / women's — that product
 * for the period; TZ inpatient — the allowance days used ([I-7]). Properties: the effect is `assess` plus `onPayout`,
 * nothing is ended by a refusal, and applying the effect stops every further payout it should stop.
 */
import fc from 'fast-check'
import { scaledRuns } from '../helpers/fast-check-runs'
import { addDays, assess, assessWithEffects, type AssessInput, type ClaimAssessment } from '@mutual-aid/shared-rules'
import { tz, wh } from './helpers'

describe('what a payout ends', () => {
  it.each<[string, AssessInput, ClaimAssessment['onPayout']]>([
    ['WH consolation (example 1)', wh({ shares: 2 }, { eventDate: '2021-05-01' }), { endsProducts: ['critical'], allowanceDays: 0, basis: '第七条、第八条、第十条' }],
    ['WH death benefit', wh({ firstTime: false }, { kind: 'death', disease: '肺炎', eventDate: '2021-08-01' }), { endsProducts: ['critical'], allowanceDays: 0, basis: '第七条、第八条、第十条' }],
    ['WH refused (day 21, example 2)', wh({}, { eventDate: '2021-03-30' }), { endsProducts: [], allowanceDays: 0, basis: null }],
    ['TZ critical', tz('tz-2021', 'critical', {}, { disease: '恶性肿瘤', eventDate: '2021-06-01' }), { endsProducts: ['critical'], allowanceDays: 0, basis: '台总工〔2021〕8号 四(二)3 [I-9]' }],
    ['TZ women\'s', tz('tz-2021', 'female', { sex: 'female' }, { disease: '乳腺癌', eventDate: '2021-06-01' }), { endsProducts: ['female'], allowanceDays: 0, basis: '台总工〔2021〕8号 四(二)4' }],
    ['TZ inpatient 10 days (example 5)', tz('tz-2021', 'inpatient', { medicalInsurance: 'employee' }, { admission: '2021-05-03', discharge: '2021-05-13', selfPayFen: 400000, designatedHospital: true }), { endsProducts: [], allowanceDays: 10, basis: null }],
    ['TZ inpatient, 25 of 30 days used, 50-day stay', tz('tz-2021', 'inpatient', { allowanceDaysUsed: 25 }, { admission: '2021-06-01', discharge: '2021-07-21' }), { endsProducts: [], allowanceDays: 5, basis: null }],
    ['TZ inpatient subsidy only (same-day stay)', tz('tz-2021', 'inpatient', { medicalInsurance: 'resident' }, { admission: '2021-05-03', discharge: '2021-05-03', selfPayFen: 12345, designatedHospital: true }), { endsProducts: [], allowanceDays: 0, basis: null }],
  ])('%s', (_what, input, effect) => {
    expect(assessWithEffects(input).onPayout).toEqual(effect)
  })
})

const date = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n))
const inputArb: fc.Arbitrary<AssessInput> = fc
  .record({
    scheme: fc.constantFrom('wh-2020', 'tz-2021', 'tz-2022'),
    product: fc.constantFrom('critical', 'inpatient', 'female'),
    firstTime: fc.boolean(),
    shares: fc.integer({ min: 1, max: 3 }),
    coverageStart: date('2021-01-01', 400),
    sex: fc.constantFrom('male', 'female'),
    kind: fc.constantFrom('illness', 'death', 'inpatient'),
    disease: fc.constantFrom('WH01', '白血病', '肺炎', '恶性肿瘤', '较轻急性心肌梗死', '乳腺癌', '高血压'),
    event: fc.integer({ min: 0, max: 400 }),
    stay: fc.integer({ min: 0, max: 45 }),
    used: fc.integer({ min: 0, max: 35 }),
    designatedHospital: fc.boolean(),
    selfPayFen: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((r) => {
    const eventDate = addDays(r.coverageStart, r.event)
    return {
      scheme: r.scheme as AssessInput['scheme'],
      product: r.product as AssessInput['product'],
      participant: { firstTime: r.firstTime, shares: r.shares, coverageStart: r.coverageStart, sex: r.sex as 'male' | 'female', medicalInsurance: 'employee' as const, allowanceDaysUsed: r.used },
      claim: { kind: r.kind as 'illness', disease: r.disease, eventDate, admission: eventDate, discharge: addDays(eventDate, r.stay), inpatient: true, designatedHospital: r.designatedHospital, selfPayFen: r.selfPayFen },
    }
  })

describe('payout effects: properties', () => {
  const runs = scaledRuns({ numRuns: 2000 })
  it('are the assessment plus onPayout; a refusal ends nothing', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const { onPayout, ...rest } = assessWithEffects(input)
      expect(rest).toEqual(assess(input))
      if (!rest.payable) expect(onPayout).toEqual({ endsProducts: [], allowanceDays: 0, basis: null })
      expect(rest.endsCoverage && rest.payable).toBe(onPayout.endsProducts.length > 0)
      const allowance = rest.lines.find((l) => l.benefit === 'inpatient_allowance')
      expect(onPayout.allowanceDays).toBe(allowance ? allowance.amountFen / 3000 : 0)
    }), runs)
  })
  it('applied to the participant, stop the next payout they should stop (no payout after coverage ends; ≤ 30 allowance days)', () => {
    fc.assert(fc.property(inputArb, fc.integer({ min: 1, max: 4 }), (input, claims) => {
      let ended: string[] = []
      let used = input.participant.allowanceDaysUsed ?? 0
      const start = used
      for (let n = 0; n < claims; n++) {
        const a = assessWithEffects({ ...input, participant: { ...input.participant, paidThisPeriod: ended.includes(input.product!), allowanceDaysUsed: used } })
        if (n > 0 && ended.includes(input.product!)) expect(a.payable).toBe(false)
        ended = [...new Set([...ended, ...a.onPayout.endsProducts])]
        used += a.onPayout.allowanceDays
      }
      expect(used).toBeLessThanOrEqual(Math.max(30, start))
    }), runs)
  })
})
