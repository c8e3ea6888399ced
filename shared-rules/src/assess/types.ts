import type { SchemeRef } from '../schemes/registry'
import type { Exclusion, Line, MedicalInsurance, Product, Reason, Sex } from '../types'

/** A disease the participant had before this period (for 第十条（二） and 第十四条第一项). */
export interface PriorDisease {
  /** Code or printed name. */
  disease: string
  /** A benefit was paid for it. */
  paid: boolean
  /** `previous` = the period just before this one; `earlier` = any period before that. */
  period: 'previous' | 'earlier'
}

/** The participant's facts for one period. Absent booleans are false, absent lists empty. */
export interface AssessParticipant {
  /** First-time participant (observation period applies in WH). */
  firstTime: boolean
  /** WH shares, 1–3; defaults to 1. */
  shares?: number
  /** First covered day (履约确认书), `YYYY-MM-DD`. */
  coverageStart: string
  retiredAtEnrolment?: boolean
  sex?: Sex
  medicalInsurance?: MedicalInsurance
  priorDiseases?: readonly PriorDisease[]
  /** A benefit of this product was already paid this period. */
  paidThisPeriod?: boolean
  /** TZ inpatient: allowance days already paid this period. */
  allowanceDaysUsed?: number
}

/** The claim's facts. Money in fen, dates `YYYY-MM-DD`. */
export interface AssessClaim {
  kind: 'illness' | 'death' | 'inpatient'
  /** Code (`WH05`) or printed name (`白血病`); anything else is an uncovered disease. */
  disease?: string
  /** TZ critical: the mild form of a disease that has one. */
  severity?: 'severe' | 'mild'
  /** Carcinoma in situ (原位癌). */
  inSitu?: boolean
  /** Date of first diagnosis or death (inpatient: defaults to the admission date). */
  eventDate?: string
  causeOfDeath?: 'illness' | 'accident'
  /** Treated as an inpatient. For `kind: 'inpatient'` an absent value means true. */
  inpatient?: boolean
  designatedHospital?: boolean
  admission?: string
  discharge?: string
  /** 医保自负部分 (self-pay part after the insurance fund, excluding 自理部分), fen. */
  selfPayFen?: number
  /** 自理部分 (fully self-funded part), fen — not subsidised, recorded for the breakdown. */
  selfFundedFen?: number
  exclusions?: readonly Exclusion[]
  /** Day the claim reached the office; absent = not checked for lateness. */
  submittedOn?: string
}

/** Input of {@link assess} — exactly the CLI `assess` contract once parsed. */
export interface AssessInput {
  scheme: SchemeRef
  /** Defaults: `inpatient` for an inpatient claim, otherwise `critical`. */
  product?: Product
  participant: AssessParticipant
  claim: AssessClaim
}

/** Result of {@link assess}. `amountFen` is the sum of `lines`. */
export interface Assessment {
  payable: boolean
  amountFen: number
  lines: Line[]
  reasons: Reason[]
  /** The participant's coverage (WH) or this product (TZ critical/female) ends for the period. */
  endsCoverage: boolean
}

/**
 * What paying an assessment ends or uses up for the participant's period, from the scheme data (each product's
 * `payout` rule, the inpatient allowance): the claims function applies it as it stands, knowing nothing of families.
 */
export interface PayoutEffect {
  /**
   * Products that end for the period once this is paid: every product of the scheme when a payout ends the whole
   * coverage (WH 第七条、第八条、第十条), that product when it pays once per period (TZ critical, women's), else none.
   */
  endsProducts: readonly Product[]
  /** Inpatient allowance days this payout uses ([I-7]); 0 for every other benefit. */
  allowanceDays: number
  /** The article the ending rests on; `null` when nothing ends. */
  basis: string | null
}

/** Result of {@link assessWithEffects}: the assessment plus what paying it ends (nothing when it is not payable). */
export interface ClaimAssessment extends Assessment {
  onPayout: PayoutEffect
}
