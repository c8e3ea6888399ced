import { assessWithEffects, type Assessment, type AssessInput, type ClaimAssessment } from '@mutual-aid/shared-rules'
import { AppError } from '@cloud-shared/errors'
import { assessClaimOf, type ClaimKind, type ClaimProduct, type DraftFacts } from '@mutual-aid/contracts'
import type { ParticipationDoc } from './model'

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
    claim: assessClaimOf(claim.kind, claim.facts, submittedOn),
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
