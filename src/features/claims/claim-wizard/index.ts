// The claim wizard (申请互助金): its model and one component per step.
export { useClaimWizard, type ClaimWizard, type ClaimWizardParams } from './use-claim-wizard'
export { WIZARD_STEPS, WIZARD_STEP_TITLES, type WizardStep } from './wizard-state'
export { TargetStep } from './target-step'
export { FactsStep } from './facts-step'
export { PhotosStep } from './photos-step'
export { SubmitStep } from './submit-step'
