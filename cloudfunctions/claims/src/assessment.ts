// The assessment mapping is shared with the settlements function (proposals are assessed exactly as filed claims).
export { assessClaim, assessInput, sameAssessment } from '@cloud-shared/claim-assessment'
