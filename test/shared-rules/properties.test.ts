import fc from 'fast-check'
import { scaledRuns } from '../helpers/fast-check-runs'
import { addDays, assess, assessInputSchema, assessWithEffects, type AssessInput } from '@mutual-aid/shared-rules'
import { fastAssessInput } from '@mutual-aid/shared-rules/cli/fast-assess-input'

const date = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n))
const diseasePool = ['WH01', 'WH05', '白血病', '冠状动脉搭桥及支架植入术', 'WH16', '肺炎', '恶性肿瘤', '恶性肿瘤-轻度', 'TZC06', '较轻急性心肌梗死', '乳腺癌', '宫颈癌', '高血压', '']
const exclusions = ['fraud', 'misdiagnosis', 'natural_disaster', 'war', 'riot', 'nuclear', 'crime', 'self_injury', 'fight', 'high_risk_sport'] as const

const inputArb: fc.Arbitrary<AssessInput> = fc
  .record({
    scheme: fc.constantFrom('wh-2020', 'tz-2021', 'tz-2022'),
    product: fc.constantFrom('critical', 'inpatient', 'female'),
    firstTime: fc.boolean(),
    shares: fc.integer({ min: 1, max: 3 }),
    coverageStart: date('2020-12-01', 760),
    retired: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    sex: fc.constantFrom('male', 'female'),
    medicalInsurance: fc.constantFrom('employee', 'resident', 'none'),
    prior: fc.array(fc.record({ disease: fc.constantFrom(...diseasePool.filter(Boolean)), paid: fc.boolean(), period: fc.constantFrom('previous', 'earlier') }), { maxLength: 2 }),
    paidThisPeriod: fc.boolean(),
    allowanceDaysUsed: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    kind: fc.constantFrom('illness', 'death', 'inpatient'),
    disease: fc.constantFrom(...diseasePool),
    severity: fc.option(fc.constantFrom('severe', 'mild'), { nil: undefined }),
    inSitu: fc.boolean(),
    eventDate: date('2020-12-01', 800),
    stay: fc.integer({ min: 0, max: 60 }),
    causeOfDeath: fc.constantFrom('illness', 'accident'),
    inpatient: fc.option(fc.boolean(), { nil: undefined }),
    designatedHospital: fc.boolean(),
    selfPayFen: fc.integer({ min: 0, max: 10_000_000 }),
    selfFundedFen: fc.integer({ min: 0, max: 1_000_000 }),
    exclusions: fc.subarray([...exclusions], { maxLength: 2 }),
    submittedOn: fc.option(date('2021-01-01', 900), { nil: undefined }),
  })
  .map((r) => ({
    scheme: r.scheme as AssessInput['scheme'],
    product: r.product as AssessInput['product'],
    participant: {
      firstTime: r.firstTime, shares: r.shares, coverageStart: r.coverageStart, retiredAtEnrolment: r.retired, sex: r.sex as 'male' | 'female',
      medicalInsurance: r.medicalInsurance as 'employee', priorDiseases: r.prior as AssessInput['participant']['priorDiseases'], paidThisPeriod: r.paidThisPeriod,
      ...(r.allowanceDaysUsed === undefined ? {} : { allowanceDaysUsed: r.allowanceDaysUsed }),
    },
    claim: {
      kind: r.kind as 'illness', disease: r.disease || undefined, ...(r.severity ? { severity: r.severity as 'mild' } : {}), inSitu: r.inSitu,
      eventDate: r.eventDate, admission: r.eventDate, discharge: addDays(r.eventDate, r.stay), causeOfDeath: r.causeOfDeath as 'illness',
      ...(r.inpatient === undefined ? {} : { inpatient: r.inpatient }), designatedHospital: r.designatedHospital,
      selfPayFen: r.selfPayFen, selfFundedFen: r.selfFundedFen, exclusions: r.exclusions, ...(r.submittedOn ? { submittedOn: r.submittedOn } : {}),
    },
  }))

/** Largest amount a claim can pay under the tables (fen). */
function tableMax(i: AssessInput): number {
  if (i.scheme === 'wh-2020') return 1_000_000 * (i.participant.shares ?? 1) // 10,000 yuan per share is the top row
  if (i.product === 'critical' || i.product === 'female') return 500_000
  return 30 * 3000 + Math.ceil((i.claim.selfPayFen ?? 0) * 0.6) // 30 allowance days + 60 % of the self-pay part
}

const runs = scaledRuns({ numRuns: 3000 })

/** `value` with every nested object and array frozen. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

describe('assessment invariants (fast-check)', () => {
  it('amounts are non-negative integers, lines add up, payable ⇔ amount > 0, never above the table maximum', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const a = assess(input)
      expect(Number.isSafeInteger(a.amountFen)).toBe(true)
      expect(a.amountFen).toBeGreaterThanOrEqual(0)
      expect(a.amountFen).toBeLessThanOrEqual(tableMax(input))
      expect(a.lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(a.amountFen)
      for (const l of a.lines) expect(l.amountFen).toBeGreaterThan(0)
      expect(a.payable).toBe(a.amountFen > 0)
      if (!a.payable) expect(a.reasons.length).toBeGreaterThan(0)
      for (const r of [...a.lines, ...a.reasons]) expect(r.basis).toMatch(/第.+条|台总工|\[I-\d+\]/)
      for (const r of a.reasons) expect(r.message).toMatch(/[\u4e00-\u9fa5]/)
    }), runs)
  })

  it('WH amounts scale linearly with shares', () => {
    fc.assert(fc.property(inputArb, fc.integer({ min: 1, max: 3 }), (input, k) => {
      const one = assess({ ...input, scheme: 'wh-2020', product: 'critical', participant: { ...input.participant, shares: 1 } })
      const many = assess({ ...input, scheme: 'wh-2020', product: 'critical', participant: { ...input.participant, shares: k } })
      expect(many.amountFen).toBe(k * one.amountFen)
      expect(many.reasons.map((r) => r.code)).toEqual(one.reasons.map((r) => r.code))
    }), runs)
  })

  it('nothing is payable once coverage ended (WH any payout; TZ critical / female payout)', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const ended = { ...input, participant: { ...input.participant, paidThisPeriod: true } }
      if (input.scheme === 'wh-2020' || input.product !== 'inpatient') expect(assess(ended).payable).toBe(false)
      const used = assess({ ...input, participant: { ...input.participant, allowanceDaysUsed: 30 } })
      expect(used.lines.some((l) => l.benefit === 'inpatient_allowance')).toBe(false)
    }), runs)
  })

  it('fraud never pays, and ends WH coverage', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const a = assess({ ...input, claim: { ...input.claim, exclusions: ['fraud'] } })
      expect(a.payable).toBe(false)
      if (input.scheme === 'wh-2020' && input.product === 'critical' && input.claim.kind !== 'inpatient') expect(a.endsCoverage).toBe(true)
    }), runs)
  })

  it('is deterministic and never changes its input (rules are pure)', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const before = structuredClone(input)
      const a = assessWithEffects(input)
      expect(input).toEqual(before)
      expect(assessWithEffects(before)).toEqual(a)
      // Frozen all the way down: a write anywhere in the input would throw (swc compiles tests as strict modules).
      expect(assessWithEffects(deepFreeze(structuredClone(before)))).toEqual(a)
    }), scaledRuns({ numRuns: 500 }))
  })

  it('the CLI fast path and the zod schema give identical assessments', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const json = JSON.parse(JSON.stringify(input))
      const fast = fastAssessInput(json)
      const parsed = assessInputSchema.safeParse(json)
      expect(parsed.success).toBe(true)
      expect(fast).toBeDefined()
      if (parsed.success && fast) expect(assess(fast)).toEqual(assess(parsed.data))
    }), runs)
  })

  it('the fast path only accepts what zod accepts (random corruptions)', () => {
    const corruptions = fc.constantFrom<[string[], unknown]>(
      [['participant', 'coverageStart'], '2021-02-30'], [['participant', 'shares'], 4], [['participant', 'shares'], 1.5],
      [['claim', 'selfPayFen'], -1], [['claim', 'selfPayFen'], 10.5], [['claim', 'exclusions'], ['flood']], [['claim', 'kind'], 'other'],
      [['scheme'], 'WH'], [['scheme'], 'xx'], [['claim', 'eventDate'], null], [['participant', 'sex'], 'M'], [['claim', 'inpatient'], 'yes'],
      [['participant', 'priorDiseases'], [{ disease: '' }]], [['claim', 'discharge'], '2000-01-01'], [['product'], 'dental'], [['claim', 'extra'], 1],
    )
    fc.assert(fc.property(inputArb, corruptions, (input, [path, value]) => {
      const json = JSON.parse(JSON.stringify(input))
      let target = json
      for (const key of path.slice(0, -1)) target = target[key]
      target[path[path.length - 1]] = value
      const fast = fastAssessInput(json)
      const parsed = assessInputSchema.safeParse(json)
      if (fast) {
        expect(parsed.success).toBe(true)
        if (parsed.success) expect(assess(fast)).toEqual(assess(parsed.data))
      }
    }), scaledRuns({ numRuns: 1500 }))
  })
})
