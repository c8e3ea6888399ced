import { assessWithEffects, type Assessment, type AssessInput, type ClaimAssessment } from '@mutual-aid/shared-rules'
import { AppError } from './errors'
import type { ClaimKind, ClaimProduct, DraftFacts } from '@mutual-aid/contracts'
import type { ParticipationDoc } from './documents'

/**
 * Builds the shared-rules `assess` input from the participation (who, since when, what was already paid this
 * period) and the claim facts. No rule lives here: this only maps stored fields onto the rules' contract.
 */
export function assessInput(
  p: ParticipationDoc,
  claim: { product: ClaimProduct; kind: ClaimKind; facts: DraftFacts },
  submittedOn: string,
): AssessInput {
  const f = claim.facts
  const isInpatientKind = claim.kind === 'inpatient'
  return {
    scheme: p.schemeId,
    product: claim.product,
    participant: {
      firstTime: p.firstTime,
      shares: p.shares,
      coverageStart: p.coverageStart ?? '',
      retiredAtEnrolment: p.retiredAtEnrolment ?? false,
      sex: p.sex,
      medicalInsurance: f.medicalInsurance ?? p.medicalInsurance ?? 'employee',
      priorDiseases: p.priorDiseases ?? [],
      // A payout that ended this product (or the whole coverage: every product) for the period, as applied on approval.
      paidThisPeriod: (p.endedProducts ?? []).includes(claim.product),
      allowanceDaysUsed: p.inpatientDaysUsed ?? 0,
    },
    claim: {
      kind: claim.kind,
      disease: f.disease ?? '',
      severity: f.severity ?? 'severe',
      inSitu: f.inSitu ?? false,
      // A TZ inpatient stay is dated by its admission ([I-11]).
      eventDate: (isInpatientKind ? f.admission : f.eventDate) ?? '',
      causeOfDeath: f.causeOfDeath ?? 'illness',
      inpatient: isInpatientKind ? true : (f.inpatient ?? false),
      designatedHospital: f.designatedHospital ?? false,
      admission: f.admission,
      discharge: f.discharge,
      selfPayFen: f.selfPayFen ?? 0,
      selfFundedFen: f.selfFundedFen ?? 0,
      exclusions: [],
      submittedOn,
    },
  } as AssessInput
}

/** The rules' assessment of a claim, with what paying it ends for the participant's period (`onPayout`). */
export function assessClaim(
  p: ParticipationDoc,
  claim: { product: ClaimProduct; kind: ClaimKind; facts: DraftFacts },
  submittedOn: string,
): ClaimAssessment {
  try {
    return assessWithEffects(assessInput(p, claim, submittedOn))
  } catch (err) {
    // The rules refuse facts they cannot read (e.g. a missing date): say which, instead of failing opaquely.
    throw new AppError('INVALID_INPUT', `申请信息不完整，无法核定：${(err as Error).message}。请补全后重试。`)
  }
}

/** Whether two assessments say the same (amount, lines and reasons). */
export function sameAssessment(a: Assessment, b: Assessment): boolean {
  return JSON.stringify([a.amountFen, a.lines, a.reasons]) === JSON.stringify([b.amountFen, b.lines, b.reasons])
}
