/**
 * @mutual-aid/shared-rules — the rules of 职工医疗互助 as pure functions over versioned scheme
 * data. No I/O, no clock: "today" and every fact come in as arguments. Money is integer fen;
 * dates are `YYYY-MM-DD` calendar days in China Standard Time.
 */

// Vocabulary
export type { SchemeId, Family, Sex, Product, UnitType, MedicalInsurance, Reason, Line, BenefitCode, Exclusion, DatedBasis } from './types'
export { EXCLUSIONS, UNIT_TYPES, UNIT_TYPE_LABELS, EXCLUSION_LABELS } from './types'
export { REASON_CODES, isReasonCode, reasonTitle } from './reasons/reason-codes'
export { readableBasis } from './reasons/readable-basis'
export type { ReasonCode } from './reasons/reason-codes'
export { BENEFIT_LABELS } from './benefit-labels'

// Schemes as data: one data file per version in schemes/versions/, listed by the generated index
export type { Scheme, WhScheme, TzScheme, DiseaseDef, DayWindow, FeeRule, ParticipationRule, ExclusionRule, ProductDef, PayoutRule } from './schemes/types'
export {
  getScheme, listSchemes, schemeForPeriod, schemeOn, listDiseases, isSchemeId, resolveScheme, withFees, SCHEME_IDS,
  createSchemeRegistry, BUILT_IN_REGISTRY,
} from './schemes/registry'
export type { SchemeRef, SchemeRegistry, SchemeDateUse, BuiltInSchemeId } from './schemes/registry'
export { enrolmentPeriodOn, periodYear } from './schemes/enrolment-period'
export { isSchemeIdShape, familyOfId } from './schemes/scheme-id'
export { nextVersionDraft } from './schemes/next-version'
export { SEED_CASES, firstPeriodStart } from './schemes/seed-cases'
export type { SeedCase } from './schemes/seed-cases'
export { previewVersion } from './schemes/preview-version'
export type { CaseOutcome, PreviewRow } from './schemes/preview-version'
export { findDisease } from './schemes/disease-index'
export { WH_2020 } from './schemes/versions/wh-2020'
export { TZ_2021 } from './schemes/versions/tz-2021'
export { TZ_2022 } from './schemes/versions/tz-2022'

// Dates
export { isValidDate } from './dates/is-valid-date'
export { addDays } from './dates/add-days'
export { daysBetween } from './dates/days-between'
export { addMonths, monthsInclusive } from './dates/add-months'
export { isWorkingDay, addWorkingDays } from './dates/working-days'

// Money
export { yuanToFen } from './money/yuan-to-fen'
export { fenToYuan } from './money/fen-to-yuan'
export { MINUS_SIGN, formatSignedYuan, formatYuan, formatYuanShort } from './money/format-yuan'
export { roundHalfUp, ceilDiv, percentOf } from './money/round-half-up'

// Identity
export { parseResidentId, residentIdCheckChar } from './identity/parse-resident-id'
export type { ResidentIdResult } from './identity/parse-resident-id'
export { maskResidentId } from './identity/mask-resident-id'
export { validateUscc, usccCheckChar } from './identity/validate-uscc'
export type { UsccResult } from './identity/validate-uscc'

// Participation and fees
export { checkParticipation } from './participation/check-participation'
export type { ParticipationInput, ParticipationResult } from './participation/check-participation'
export { maxReplacementCount } from './participation/max-replacement-count'
export { quote } from './fees/quote'
export { applyAnnouncedFees } from './fees/announced-fees'
export { declarationPlan } from './participation/declaration-plan'
export type { DeclarationPlan } from './participation/declaration-plan'
export type { QuoteInput, QuoteLine, QuoteResult } from './fees/quote'

// Coverage
export { coverageStartAfterPayment } from './coverage/coverage-start-after-payment'
export { coverageEnd } from './coverage/coverage-end'
export { isContinuous } from './coverage/is-continuous'
export { renewalGraceEnd } from './coverage/renewal-grace-end'
export { coverageStartForPeriod } from './coverage/coverage-start-for-period'
export { periodCoverage } from './coverage/period-coverage'
export type { PeriodCoverage } from './coverage/period-coverage'
export { observationPeriod } from './coverage/observation-period'
export { coverageStatus } from './coverage/coverage-status'
export type { CoverageStatus, CoverageStatusInput, CoveragePhase, CoverageWindow } from './coverage/coverage-status'

// Deadlines
export { claimDeadline } from './deadlines/claim-deadline'
export { reviewDueDate, DEFAULT_REVIEW_WORKING_DAYS } from './deadlines/review-due-date'
export { enrolmentWindow, checkEnrolmentDate } from './deadlines/enrolment'
export { newHireDeadline, newHireLimit } from './deadlines/new-hire-deadline'
export { checkUnitChangeReport } from './deadlines/unit-change-report'
export type { UnitChangeReportCheck } from './deadlines/unit-change-report'
export { deadline } from './deadlines/deadline'
export type { DeadlineResult } from './deadlines/deadline'

// Claims
export { assess, assessWithEffects } from './assess/assess'
export type { AssessInput, Assessment, ClaimAssessment, PayoutEffect, AssessClaim, AssessParticipant, PriorDisease } from './assess/types'
export { materialsChecklist } from './claims/materials-checklist'
export type { MaterialItem } from './claims/materials-checklist'
export { CLAIM_EVENTS, CLAIM_STATUSES, levelFor, statusAwaiting, transition, STATUS_LABEL, LEVEL_LABEL, WITHDRAWABLE } from './claims/lifecycle'
export type { ClaimStatus, ReviewLevel, ClaimEvent, Actor, Transition } from './claims/lifecycle'
export { kindsFor } from './claims/kinds-for'
export { bureauClaimRules, staysOverlap, DEFAULT_BUREAU_CLAIM_RULES } from './claims/bureau-claims'
export type { BureauClaimRules, Stay } from './claims/bureau-claims'
export type { ClaimKind } from './claims/kinds-for'

// Boundary schemas (zod)
export { assessInputSchema } from './schemas/assess-input'
export type { AssessInputParsed } from './schemas/assess-input'
export { participationInputSchema } from './schemas/participation-input'
export { quoteInputSchema } from './schemas/quote-input'
export { deadlineInputSchema } from './schemas/deadline-input'
export type { DeadlineInput } from './schemas/deadline-input'
export { dateSchema, productSchema, unitTypeSchema, formatIssues } from './schemas/common'
export { schemeSchema, feeRuleSchema, parseScheme } from './schemas/scheme'
