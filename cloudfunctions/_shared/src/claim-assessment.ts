import { assessWithEffects, type Assessment, type AssessInput, type ClaimAssessment, type Scheme } from '@mutual-aid/shared-rules'
import { AppError } from './errors'
import { assessClaimOf, type ClaimKind, type ClaimProduct, type DraftFacts } from '@mutual-aid/contracts'
import type { ParticipationDoc } from './documents'

/**
 * Builds the shared-rules `assess` input from the participation (who, since when, what was already paid this
 * period) and the claim facts. No rule lives here: this only maps stored fields onto the rules' contract. `scheme` is
 * the participation's version as the function loaded it (`loadSchemes(db).get(p.schemeId)`: built-in or published,
 * 第二十六条).
 */
export function assessInput(
  p: ParticipationDoc,
  claim: { product: ClaimProduct; kind: ClaimKind; facts: DraftFacts },
  submittedOn: string,
  scheme: Scheme,
): AssessInput {
  const f = claim.facts
  return {
    scheme,
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
  scheme: Scheme,
): ClaimAssessment {
  if (scheme.id !== p.schemeId) throw new Error(`assessClaim: participation ${p._id} is under ${p.schemeId}, not ${scheme.id}`)
  try {
    return assessWithEffects(assessInput(p, claim, submittedOn, scheme))
  } catch (err) {
    // The rules refuse facts they cannot read (e.g. a missing date): say which, instead of failing opaquely.
    throw new AppError('INVALID_INPUT', `申请信息不完整，无法核定：${(err as Error).message}。请补全后重试。`)
  }
}

/** Whether two assessments say the same (amount, lines and reasons). */
export function sameAssessment(a: Assessment, b: Assessment): boolean {
  return JSON.stringify([a.amountFen, a.lines, a.reasons]) === JSON.stringify([b.amountFen, b.lines, b.reasons])
}
