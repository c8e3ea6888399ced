// The claim page's parts: its model (data, open form, review steps) and the sections it shows.
export { useClaimDetail, type ClaimDetailModel, type ReviewPanelName } from './use-claim-detail'
export { ClaimStatus } from './claim-status'
export { ClaimDecision } from './claim-decision'
export { ClaimAssessment } from './claim-assessment'
export { ClaimFacts } from './claim-facts'
export { ClaimMaterials } from './claim-materials'
export { ClaimTimeline } from './claim-timeline'
export { ReviewPanel } from './review-panel'
