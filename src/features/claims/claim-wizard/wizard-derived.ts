/**
 * What the wizard shows beside the form, derived from its state with the rules (pure): the checklist of photos, the
 * diseases to choose from, the claim deadline and whether it has passed, what the coverage allows today, and which
 * required photos are still missing.
 */
import { claimDeadline, coverageStatus, listDiseases, materialsChecklist } from '@mutual-aid/shared-rules'
import { factsFromForm, visibleErrors } from './claim-form'
import { chosenParticipation, type WizardState } from './wizard-state'

/** Items the online claim itself provides (the application form; confirmations replace its stamps). */
const ONLINE_ITEMS = ['application_form']

export function wizardView(s: WizardState) {
  const participation = chosenParticipation(s)
  const { product, kind } = s
  const today = s.prepared?.today ?? ''
  const facts = factsFromForm(s.text, s.choice, kind)
  const errors = visibleErrors(kind, s.text, s.choice, s.showAllErrors)
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
  const missing = checklist.filter((i) => i.required && !(s.files[i.key]?.length > 0))
  const pages = Object.values(s.files).reduce((n, ids) => n + ids.length, 0)
  return {
    participation,
    facts,
    errors,
    checklist,
    diseaseOptions,
    selectedDisease,
    deadline,
    late,
    lateText: late && deadline ? `已超过申请期限（最后一天 ${deadline.date}）` : undefined,
    deadlineTip: deadline && !late ? `请在 ${deadline.date} 前提交（${deadline.basis}）` : undefined,
    coverage,
    missing,
    pages,
  }
}

export type WizardView = ReturnType<typeof wizardView>
