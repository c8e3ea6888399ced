import type { AssessClaim, AssessInput, AssessParticipant, SchemeId } from '@mutual-aid/shared-rules'
import { assess } from '@mutual-aid/shared-rules'

/** WH claim builder: inpatient at a designated hospital unless overridden. */
export function wh(participant: Partial<AssessParticipant>, claim: Partial<AssessClaim>): AssessInput {
  return {
    scheme: 'wh-2020',
    product: 'critical',
    participant: { firstTime: true, shares: 1, coverageStart: '2021-03-10', ...participant },
    claim: { kind: 'illness', disease: 'WH05', eventDate: '2021-07-01', inpatient: true, designatedHospital: true, ...claim },
  }
}

/** TZ claim builder. */
export function tz(scheme: SchemeId, product: 'critical' | 'inpatient' | 'female', participant: Partial<AssessParticipant>, claim: Partial<AssessClaim>): AssessInput {
  return {
    scheme,
    product,
    participant: { firstTime: false, coverageStart: scheme === 'tz-2021' ? '2021-04-01' : '2022-01-01', ...participant },
    claim: { kind: product === 'inpatient' ? 'inpatient' : 'illness', ...claim },
  }
}

/** Codes of the refusals of an assessment. */
export function codes(input: AssessInput): string[] {
  return assess(input).reasons.map((r) => r.code)
}
