/**
 * The claim wizard as a state machine: whom for and what → facts → photos per checklist item → consent and submit.
 * Pure: every transition is a function of the state and one event, so the steps' rules (defaults after choosing,
 * no photos before the draft exists, a beneficiary claims only 身故) are tested without a phone.
 */
import { kindsFor } from '@mutual-aid/shared-rules'
import type { ClaimFiles, ClaimKind, ClaimProduct, ClaimTarget, DraftView, PreparedClaim } from '@mutual-aid/contracts'
import { EMPTY_TEXT, choiceFromFacts, textFromFacts, type Choice, type FormText, type TextField } from './claim-form'

export type WizardStep = 'target' | 'facts' | 'photos' | 'submit'
export const WIZARD_STEPS: readonly WizardStep[] = ['target', 'facts', 'photos', 'submit']
export const WIZARD_STEP_TITLES = ['申请项目', '填写信息', '上传材料', '确认提交'] as const

export interface WizardState {
  step: WizardStep
  /** For whom, as chosen on the first step. */
  mode: ClaimTarget['mode']
  /** Whom the claim is for once picked (a roster person, the deceased by name and ID); self needs no pick. */
  picked: ClaimTarget | null
  /** The person and participations the claim may use (`claims.prepare`, or rebuilt from a resumed draft). */
  prepared: PreparedClaim | null
  /** The target `prepared` was made for (sent with the first save, which creates the draft). */
  preparedFor: ClaimTarget | null
  participationId: string | null
  product: ClaimProduct | null
  kind: ClaimKind | null
  text: FormText
  choice: Choice
  /** Every field's problem shown, after the person tried to go on. */
  showAllErrors: boolean
  /** The saved draft and its version (every save sends it; the cloud refuses a stale one). */
  draft: { id: string; version: number } | null
  files: ClaimFiles
  /** Consent already on record; else `consentTicked` is the box on the last step. */
  consentGiven: boolean
  consentTicked: boolean
}

export type WizardEvent =
  | { type: 'mode'; mode: ClaimTarget['mode'] }
  | { type: 'pick'; target: ClaimTarget }
  | { type: 'prepared'; target: ClaimTarget; prepared: PreparedClaim }
  | { type: 'resumed'; view: DraftView }
  | { type: 'participation'; id: string }
  | { type: 'product'; product: ClaimProduct }
  | { type: 'kind'; kind: ClaimKind }
  | { type: 'text'; field: TextField; value: string }
  | { type: 'choice'; change: Choice }
  | { type: 'showErrors' }
  | { type: 'saved'; draftId: string; version: number; files: ClaimFiles }
  | { type: 'go'; step: WizardStep }
  | { type: 'tickConsent'; ticked: boolean }
  | { type: 'consentGiven' }

/** The wizard as a page opens: `?onBehalf=1` (a clerk) or `?beneficiary=1` (a family) choose the mode. */
export function initialWizard(params: { onBehalf?: string; beneficiary?: string }): WizardState {
  return {
    step: 'target',
    mode: params.onBehalf ? 'on_behalf' : params.beneficiary ? 'beneficiary' : 'self',
    picked: null,
    prepared: null,
    preparedFor: null,
    participationId: null,
    product: null,
    kind: null,
    text: EMPTY_TEXT,
    choice: {},
    showAllErrors: false,
    draft: null,
    files: {},
    consentGiven: false,
    consentTicked: false,
  }
}

/** The participation chosen (or null). */
export function chosenParticipation(s: Pick<WizardState, 'prepared' | 'participationId'>) {
  return s.prepared?.participations.find((p) => p.id === s.participationId) ?? null
}

/**
 * The kinds of claim the person may choose for a product: a beneficiary only 身故; a worker for themself never 身故 (the
 * family claims it); a clerk the scheme's kinds.
 */
export function kindsOffered(s: Pick<WizardState, 'prepared' | 'participationId'>, product: ClaimProduct): ClaimKind[] {
  const participation = chosenParticipation(s)
  if (!participation || !s.prepared) return []
  if (s.prepared.filedAs === 'beneficiary') return ['death']
  const kinds = kindsFor(participation.family, product)
  return s.prepared.filedAs === 'worker' ? kinds.filter((k) => k !== 'death') : kinds
}

/** After a product is chosen: the only kind there is, else none until the person picks one. */
function withProduct(s: WizardState, product: ClaimProduct): WizardState {
  const kinds = kindsOffered(s, product)
  return { ...s, product, kind: kinds.length === 1 ? kinds[0] : null }
}

/** Whether the person may be on `step` now: facts need a product and kind; photos and submit a saved draft. */
export function canBeOn(s: WizardState, step: WizardStep): boolean {
  if (step === 'target') return s.draft === null
  const chosen = chosenParticipation(s) !== null && s.product !== null && s.kind !== null
  if (step === 'facts') return chosen
  return chosen && s.draft !== null
}

export function wizardReducer(s: WizardState, e: WizardEvent): WizardState {
  const next = transition(s, e)
  // A choice made again (another person, participation or product) can leave the step without what it shows: back to
  // the first step rather than a blank one.
  return next.step === 'target' || canBeOn(next, next.step) ? next : { ...next, step: 'target' }
}

function transition(s: WizardState, e: WizardEvent): WizardState {
  switch (e.type) {
    case 'mode':
      // Another "for whom" starts the choice again (nothing is saved before the facts step).
      if (s.draft) return s
      return { ...s, mode: e.mode, picked: null, prepared: null, preparedFor: null, participationId: null, product: null, kind: null }
    case 'pick':
      if (s.draft) return s
      return { ...s, picked: e.target, prepared: null, preparedFor: null, participationId: null, product: null, kind: null }
    case 'prepared': {
      if (s.draft) return s
      const first = e.prepared.participations[0]
      // A fresh answer may name other participations: the choice starts again on the first step.
      let next: WizardState = {
        ...s,
        step: 'target',
        prepared: e.prepared,
        preparedFor: e.target,
        consentGiven: e.prepared.consent,
        participationId: first?.id ?? null,
        product: null,
        kind: e.target.mode === 'beneficiary' ? 'death' : null,
      }
      // A beneficiary is not the payee by default (the form asks); a worker claiming for themself is.
      if (e.target.mode === 'beneficiary') next.text = { ...next.text, payeeName: '' }
      else if (e.target.mode === 'self' && !next.text.payeeName) next.text = { ...next.text, payeeName: e.prepared.person.name }
      if (first && first.products.length === 1) next = withProduct(next, first.products[0])
      return next
    }
    case 'resumed': {
      const { draft, person, participation, consent, today } = e.view
      return {
        ...s,
        step: 'photos',
        prepared: { filedAs: draft.filedAs, person: { ...person, unitName: '' }, participations: [participation], consent, today },
        preparedFor: null,
        participationId: participation.id,
        product: draft.product,
        kind: draft.kind,
        text: textFromFacts(draft.facts),
        choice: choiceFromFacts(draft.facts),
        draft: { id: draft.id, version: draft.version },
        files: draft.files,
        consentGiven: consent,
      }
    }
    case 'participation':
      if (s.draft || !s.prepared?.participations.some((p) => p.id === e.id)) return s
      return { ...s, participationId: e.id, product: null, kind: s.prepared.filedAs === 'beneficiary' ? 'death' : null }
    case 'product': {
      const participation = chosenParticipation(s)
      if (s.draft || !participation?.products.includes(e.product)) return s
      return withProduct(s, e.product)
    }
    case 'kind':
      if (s.draft || !s.product || !kindsOffered(s, s.product).includes(e.kind)) return s
      return { ...s, kind: e.kind }
    case 'text':
      return { ...s, text: { ...s.text, [e.field]: e.field === 'payeeAccount' ? e.value.replace(/\s/g, '') : e.value } }
    case 'choice':
      return { ...s, choice: { ...s.choice, ...e.change } }
    case 'showErrors':
      return { ...s, showAllErrors: true }
    case 'saved':
      return { ...s, draft: { id: e.draftId, version: e.version }, files: e.files }
    case 'go':
      return canBeOn(s, e.step) ? { ...s, step: e.step } : s
    case 'tickConsent':
      return { ...s, consentTicked: e.ticked }
    case 'consentGiven':
      return { ...s, consentGiven: true }
  }
}
