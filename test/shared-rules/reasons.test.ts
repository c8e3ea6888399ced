/**
 * Reason codes are a typed union (`REASON_CODES`, each with a Chinese title) and every reason's article comes from the
 * scheme version's data, never from a string written in the rules' code: over random claims, participations and
 * enrolment dates, every `basis` the rules answer is a basis stated in that version's data.
 */
import fc from 'fast-check'
import { scaledRuns } from '../helpers/fast-check-runs'
import {
  EXCLUSIONS, REASON_CODES, UNIT_TYPES, addDays, assess, checkEnrolmentDate, checkParticipation, getScheme, isReasonCode,
  listSchemes, reasonTitle, type AssessInput, type Reason, type Scheme,
} from '@mutual-aid/shared-rules'

/** Every string under a `basis` / `…Basis` key of a scheme object. */
function statedBases(scheme: Scheme): Set<string> {
  const out = new Set<string>()
  const all = (v: unknown): void => {
    if (typeof v === 'string') out.add(v)
    else if (v && typeof v === 'object') Object.values(v).forEach(all)
  }
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) (k === 'basis' || k.endsWith('Basis') ? all : walk)(x)
    }
  }
  walk(scheme)
  return out
}

function expectGrounded(scheme: Scheme, reasons: readonly Reason[]): void {
  const stated = statedBases(scheme)
  for (const r of reasons) {
    expect(isReasonCode(r.code)).toBe(true)
    if (!stated.has(r.basis)) throw new Error(`${scheme.id}: ${r.code} cites “${r.basis}”, which the scheme data does not state`)
  }
}

it('every code has a Chinese title', () => {
  for (const code of Object.keys(REASON_CODES) as (keyof typeof REASON_CODES)[]) expect(reasonTitle(code)).toMatch(/[\u4e00-\u9fff]/)
  expect(isReasonCode('NOT_A_CODE')).toBe(false)
})

const date = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n))
const claims: fc.Arbitrary<AssessInput> = fc
  .record({
    scheme: fc.constantFrom(...listSchemes().map((s) => s.id)),
    product: fc.constantFrom('critical', 'inpatient', 'female'),
    firstTime: fc.boolean(),
    coverageStart: date('2020-12-01', 760),
    retired: fc.boolean(),
    sex: fc.constantFrom('male', 'female'),
    insurance: fc.constantFrom('employee', 'resident', 'none'),
    prior: fc.array(fc.record({ disease: fc.constantFrom('WH01', '白血病', '恶性肿瘤', '乳腺癌'), paid: fc.boolean(), period: fc.constantFrom('previous', 'earlier') }), { maxLength: 2 }),
    paidThisPeriod: fc.boolean(),
    used: fc.integer({ min: 0, max: 35 }),
    kind: fc.constantFrom('illness', 'death', 'inpatient'),
    disease: fc.constantFrom('WH01', 'WH05', '肺炎', '恶性肿瘤', '较轻急性心肌梗死', '乳腺癌', '宫颈癌', ''),
    severity: fc.constantFrom('severe', 'mild'),
    inSitu: fc.boolean(),
    event: date('2020-12-01', 800),
    stay: fc.integer({ min: 0, max: 40 }),
    cause: fc.constantFrom('illness', 'accident'),
    inpatient: fc.boolean(),
    designated: fc.boolean(),
    selfPay: fc.integer({ min: 0, max: 500_000 }),
    exclusions: fc.subarray([...EXCLUSIONS], { maxLength: 3 }),
    submittedOn: date('2021-01-01', 900),
  })
  .map((r) => ({
    scheme: r.scheme,
    product: r.product as AssessInput['product'],
    participant: {
      firstTime: r.firstTime, shares: 1, coverageStart: r.coverageStart, retiredAtEnrolment: r.retired, sex: r.sex as 'male',
      medicalInsurance: r.insurance as 'employee', priorDiseases: r.prior as never, paidThisPeriod: r.paidThisPeriod, allowanceDaysUsed: r.used,
    },
    claim: {
      kind: r.kind as 'illness', disease: r.disease || undefined, severity: r.severity as 'mild', inSitu: r.inSitu, eventDate: r.event,
      admission: r.event, discharge: addDays(r.event, r.stay), causeOfDeath: r.cause as 'illness', inpatient: r.inpatient,
      designatedHospital: r.designated, selfPayFen: r.selfPay, exclusions: r.exclusions, submittedOn: r.submittedOn,
    },
  }))

it('assess: every reason cites an article stated in the scheme data', () => {
  fc.assert(fc.property(claims, (input) => expectGrounded(getScheme(input.scheme as never), assess(input).reasons)), scaledRuns({ numRuns: 4000 }))
})

it('participation and enrolment dates: every reason cites an article stated in the scheme data', () => {
  fc.assert(fc.property(
    fc.constantFrom(...listSchemes()), fc.constantFrom(...UNIT_TYPES), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 320 }), date('2021-01-01', 800),
    (scheme, unitType, staff, participants, day) => {
      expectGrounded(scheme, checkParticipation({ scheme, unitType, staff, participants }).reasons)
      const window = checkEnrolmentDate(scheme, day)
      if (!window.ok) expectGrounded(scheme, [window.reason])
    },
  ), scaledRuns({ numRuns: 3000 }))
})
