import type { Exclusion, Family, Product, SchemeId, Sex, UnitType } from '../types'

/** A covered disease as printed in the scheme document. */
export interface DiseaseDef {
  /** Stable code, e.g. `WH05`, `TZC01`, `TZM01`, `TZF01`. */
  code: string
  /** Name as printed in the seed document. */
  name: string
  /** Other spellings accepted when a claim names the disease. */
  aliases?: readonly string[]
  /** Definition from the document (WH 第二十二条) when it gives one. */
  definition?: string
  /** A mild form (TZ: 恶性肿瘤-轻度, 较轻急性心肌梗死, 轻度脑中风后遗症). */
  mild?: boolean
  /** For a severe form: code of its mild form, used when a claim says `severity: 'mild'`. */
  mildCode?: string
  /** Carcinoma in situ (原位癌) does not qualify. */
  inSituExcluded?: boolean
  basis: string
}

/** A benefit window on coverage day numbers (day 1 = start date, DOMAIN [I-1]). */
export interface DayWindow {
  fromDay: number
  /** Inclusive; `null` = to the end of the period. */
  toDay: number | null
  benefit: 'consolation' | 'medical' | 'death'
  /** Amount per share in fen. */
  perShareFen: number
  basis: string
}

/** How one exclusion fact is treated by a scheme; absent = the scheme does not list it. */
export interface ExclusionRule {
  code: 'FRAUD' | 'MISDIAGNOSIS' | 'EXCLUDED_CAUSE'
  basis: string
  message: string
  /** The participant's coverage ends for the period (WH 第十五条). */
  endsCoverage?: boolean
}

/** A fee rate. Fen amounts; `per` says what one amount buys. */
export type FeeRule =
  | {
      /** WH 第六条: per share per covered month, first-time vs renewing rate. */
      per: 'share_month'
      product: Product
      firstTimeFen: number
      renewingFen: number
      basis: string
    }
  | {
      /** TZ inpatient: per person per covered month, by unit type; banks and insurers pay `financeFen`. */
      per: 'person_month'
      product: Product
      byUnitType: Readonly<Record<UnitType, number>>
      financeFen: number
      basis: string
    }
  | {
      /** Flat per person per period, optionally only for one sex. */
      per: 'person_period'
      product: Product
      fen: number
      onlySex?: Sex
      basis: string
    }

/** Who must be enrolled, per unit type. */
export interface ParticipationRule {
  /** Minimum share of in-service staff, in percent (inclusive: "≥"). */
  minPercent: number
  /** Units with at most this many staff must enrol everyone (WH 第四条); `null` = no such rule. */
  allIfStaffAtMost: number | null
  /** Minimum head count; `null` = none. */
  minCount: number | null
  basis: string
}

/**
 * What a payout of a product ends for the participant's period (applied by the claims function as it stands):
 * `coverage` — the whole coverage, every product (WH 第七条、第八条、第十条); `product` — that product only (TZ critical
 * and women's products pay once per period); `nothing` — claims repeat (TZ inpatient, until the allowance days are
 * used).
 */
export interface PayoutRule {
  ends: 'coverage' | 'product' | 'nothing'
  basis: string
}

/** A product (保障项目) of a scheme version. */
export interface ProductDef {
  id: Product
  /** Chinese name as the document words it. */
  name: string
  basis: string
  payout: PayoutRule
}

/** Facts common to every scheme. */
interface SchemeBase {
  id: SchemeId
  family: Family
  /** Chinese name for people. */
  name: string
  /** The document the scheme rests on. */
  document: string
  /** First day the rules apply (a WH version governs the periods that begin from this day, 第二十六条、第二十八条). */
  effectiveFrom: string
  products: readonly ProductDef[]
  diseases: Readonly<Partial<Record<Product, readonly DiseaseDef[]>>>
  participation: Readonly<Record<UnitType, ParticipationRule>>
  /** Only the unit's own in-service staff may be enrolled (no 挂靠). */
  staffOnlyBasis: string
  /** Shares per person (WH 第六条: 1–3, the same for the whole unit); `null` = the scheme has no shares (TZ). */
  shares: { min: number; max: number; basis: string } | null
  /** New hires may join mid-period within `months` of their hire date (WH 第十三条); `null` = no such limit set. */
  newHire: { months: number; basis: string } | null
  /** `null` = fees "announced separately" and not configured yet → quoting answers `FEES_NOT_ANNOUNCED`. */
  fees: readonly FeeRule[] | null
  feesBasis: string
  exclusions: Readonly<Partial<Record<Exclusion, ExclusionRule>>>
  /** Retired at enrolment → no benefit. */
  retired: { basis: string; message: string }
  /** Review deadline in PRC working days, counted from the day after complete materials; `null` = not set. */
  review: { workingDays: number; basis: string } | null
  /** Calendar days within which a unit reports changed details (name, address, contact); `null` = no limit set. */
  unitChangeReport: { days: number; basis: string } | null
}

/** Scheme WH: one product, shares, observation period, yearly calendar periods. */
export interface WhScheme extends SchemeBase {
  id: `wh-${string}`
  family: 'WH'
  shares: { min: number; max: number; basis: string }
  newHire: { months: number; basis: string }
  /** First-time participants: nothing through this day (第十四条第二项). */
  waitingThroughDay: number
  waitingBasis: string
  observationDays: number
  observationBasis: string
  illnessFirstTime: readonly DayWindow[]
  illnessRenewing: readonly DayWindow[]
  deathFirstTime: readonly DayWindow[]
  deathRenewing: {
    /** Paid a medical benefit last period, dies of the same category (第十条（二）1). */
    samePaidPrevious: { perShareFen: number; basis: string }
    /** Dies of an illness outside the list (第十条（二）2). */
    outsideList: { perShareFen: number; basis: string }
    /** Had a covered disease before this period, never paid, dies of it (第十条（二）3). */
    priorUnpaid: { perShareFen: number; basis: string }
    /** [I-2]: dies of a covered disease first diagnosed this period → assessed as the medical benefit. */
    firstDiagnosedThisPeriodBasis: string
  }
  /** Claim within `days` of diagnosis or death; day `days` still counts ([I-4]). */
  claimDeadline: { days: number; basis: string }
  /** Renewal within `graceDays` after 31 Dec keeps coverage continuous ([I-3]). */
  continuity: { graceDays: number; basis: string }
  periodBasis: string
  coveredDiseaseBasis: string
  inpatientBasis: string
  designatedHospitalBasis: string
  deathBasis: string
  notIllnessDeathBasis: string
  preExistingBasis: string
  lateClaimBasis: string
}

/** Scheme TZ: several products, a fixed activity year, an enrolment window and a claims cutoff. */
export interface TzScheme extends SchemeBase {
  id: `tz-${string}`
  family: 'TZ'
  shares: null
  /** The covered year this data object describes. */
  year: number
  activity: { from: string; to: string; basis: string }
  enrolment: { from: string; to: string; basis: string }
  claims: { from: string; to: string; basis: string }
  inpatient: {
    allowancePerDayFen: number
    allowanceMaxDays: number
    allowanceBasis: string
    /** Percent of the self-pay part (自负部分, excluding 自理部分) by medical insurance. */
    subsidyPercent: Readonly<Record<'employee' | 'resident', number>>
    subsidyBasis: Readonly<Record<'employee' | 'resident', string>>
    /** [I-8]: cap per claim in fen; `null` = no cap stated. */
    subsidyCapFen: number | null
    admissionBasis: string
    /**
     * Claims proposed from the medical-insurance bureau's settlement data (免申即享): the review level an accepted
     * proposal enters at, and how many days before the claims cutoff an unconfirmed proposal is reminded. Not in the
     * seeds (a local decision, see `bureauClaimRules`); unset = the defaults there.
     */
    bureauClaims?: { reviewFrom: 'clerk' | 'agent' | 'office'; reminderDaysBefore: number; basis: string }
  }
  critical: { severeFen: number; mildFen: number; basis: string }
  female: { fen: number; basis: string; sexBasis: string }
  replacement: { unitTypes: readonly UnitType[]; maxPercent: number; perPeriod: number; basis: string }
  retiredBasis: string
}

/** A versioned scheme definition (data only). */
export type Scheme = WhScheme | TzScheme
