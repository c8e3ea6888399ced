/**
 * What the wizard shows beside the form, derived from its state with the rules (pure): the checklist of photos, the
 * diseases to choose from, the claim deadline and whether it has passed, what the coverage allows today, and which
 * required photos are still missing.
 */
import { assess, claimDeadline, coverageStatus, listDiseases, materialsChecklist, readableBasis, reasonTitle, type ReasonCode } from '@mutual-aid/shared-rules'
import { assessClaimOf, type ClaimKind, type ClaimProduct, type DraftFacts, type ParticipationView } from '@mutual-aid/contracts'
import { factsFromForm, visibleErrors } from './claim-form'
import { chosenParticipation, type WizardState } from './wizard-state'

/**
 * Rule codes an answer on the form decides by itself (the hospital, the stay, the cause of death, 原位癌, the
 * insurance). Others depend on what the office knows (prior illnesses, sex, payouts) and are left to the review.
 */
const ANSWER_CODES: readonly ReasonCode[] = ['NOT_DESIGNATED_HOSPITAL', 'NOT_INPATIENT', 'NOT_ILLNESS_DEATH', 'IN_SITU', 'NO_MEDICAL_INSURANCE', 'NOT_COVERED_DISEASE', 'OBSERVATION_PERIOD', 'OUTSIDE_PERIOD']

/** What an answer means for the claim: the rule's title, what it says and the article, for a warning on the form. */
export interface AnswerWarning {
  code: ReasonCode
  title: string
  message: string
  basis: string
  /** The answer makes the claim ineligible (nothing payable), not only smaller. */
  blocking: boolean
}

/**
 * Warnings from the rules' own assessment of the answers so far (the same `assess` the claims function runs on submit):
 * choosing 否 / 不确定 for the designated hospital says what that means and on which article, instead of the claim
 * being refused silently later. A warning never stops the person: they may know better, and the office decides.
 */
export function answerWarnings(participation: ParticipationView | null, product: ClaimProduct | null, kind: ClaimKind | null, facts: DraftFacts): AnswerWarning[] {
  if (!participation || !product || !kind || !participation.coverageStart) return []
  const eventDate = kind === 'inpatient' ? facts.admission : facts.eventDate
  if (!eventDate) return []
  let result
  try {
    result = assess({
      scheme: participation.rules,
      product,
      participant: { firstTime: participation.firstTime, shares: participation.shares || 1, coverageStart: participation.coverageStart, medicalInsurance: facts.medicalInsurance ?? 'employee' },
      claim: assessClaimOf(kind, facts),
    })
  } catch {
    return [] // answers the rules cannot read yet (half-typed): the field errors say what is missing
  }
  // Only for questions already answered: an unanswered one is a missing field, not an ineligible answer.
  const answered: Partial<Record<ReasonCode, boolean>> = {
    NOT_DESIGNATED_HOSPITAL: facts.designatedHospital !== undefined,
    NOT_INPATIENT: kind === 'inpatient' || facts.inpatient !== undefined,
    NOT_ILLNESS_DEATH: facts.causeOfDeath !== undefined,
    NO_MEDICAL_INSURANCE: facts.medicalInsurance !== undefined,
    NOT_COVERED_DISEASE: facts.disease !== undefined,
  }
  return result.reasons
    .filter((r) => (ANSWER_CODES as readonly string[]).includes(r.code))
    .filter((r) => answered[r.code as ReasonCode] ?? true)
    .map((r) => ({ code: r.code as ReasonCode, title: reasonTitle(r.code as ReasonCode), message: r.message, basis: readableBasis(r.basis), blocking: !result.payable }))
}

/** Items the online claim itself provides (the application form; confirmations replace its stamps). */
const ONLINE_ITEMS = ['application_form']

export function wizardView(s: WizardState) {
  const participation = chosenParticipation(s)
  const { product, kind } = s
  const today = s.prepared?.today ?? ''
  const facts = factsFromForm(s.text, s.choice, kind)
  const errors = visibleErrors(kind, s.text, s.choice, s.showAllErrors, s.prepared?.filedAs)
  const checklist = participation && product && kind ? materialsChecklist(participation.rules, product, kind).filter((i) => !ONLINE_ITEMS.includes(i.key)) : []
  const diseases = participation && product ? listDiseases(participation.rules, product) : []
  const diseaseOptions = [
    ...diseases.map((d) => ({ value: d.code, label: d.mild ? `${d.name}（轻症）` : d.name })),
    ...(kind === 'death' ? [{ value: 'other', label: '不属于上述疾病的其他疾病' }] : []),
  ]
  const selectedDisease = diseases.find((d) => d.code === s.choice.disease)
  // The day the deadline counts from: admission for an inpatient claim, else diagnosis or death.
  const eventDate = kind === 'inpatient' ? facts.admission : facts.eventDate
  const deadline = participation && eventDate ? claimDeadline(participation.rules, eventDate) : null
  const late = deadline !== null && today !== '' && today > deadline.date
  const coverage =
    participation && product && participation.coverageStart && today
      ? coverageStatus({
          scheme: participation.rules,
          product,
          firstTime: participation.firstTime,
          coverageStart: participation.coverageStart,
          shares: participation.shares,
          today,
          ended: participation.endedProducts.includes(product),
        })
      : null
  const warnings = answerWarnings(participation, product, kind, facts)
  // Dates a picker offers: inside the coverage and never after today (a diagnosis or a stay cannot be in the future).
  const lastDay = [today, participation?.coverageEnd ?? ''].filter(Boolean).sort()[0] ?? ''
  const dateBounds = { start: participation?.coverageStart ?? undefined, end: lastDay || undefined }
  const missing = checklist.filter((i) => i.required && !(s.files[i.key]?.length > 0))
  const pages = Object.values(s.files).reduce((n, ids) => n + ids.length, 0)
  return {
    participation,
    facts,
    errors,
    checklist,
    diseaseOptions,
    selectedDisease,
    deadline: deadline ? { ...deadline, basis: readableBasis(deadline.basis) } : null,
    late,
    lateText: late && deadline ? `已超过申请期限（最后一天 ${deadline.date}）` : undefined,
    deadlineTip: deadline && !late ? `请在 ${deadline.date} 前提交（${readableBasis(deadline.basis)}）` : undefined,
    warnings,
    dateBounds,
    today,
    coverage,
    missing,
    pages,
  }
}

export type WizardView = ReturnType<typeof wizardView>
