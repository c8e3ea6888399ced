import type { Assessment } from '@mutual-aid/shared-rules'
import type { ClaimStatus, ReviewLevel } from '@/features/claims/state-machine'
import type { ClaimFiles, ClaimKind, ClaimProduct, DraftFacts, Payee } from '@/features/claims/schemas'

export type Family = 'WH' | 'TZ'
export type SchemeId = 'wh-2020' | 'tz-2021' | 'tz-2022'

/** Roster person (written by the enrolment side). */
export interface PersonDoc {
  _id: string
  unitId: string
  name: string
  idHash: string
  idMasked: string
  sex: 'male' | 'female'
  status: 'in_service' | 'retired' | 'left'
  openid?: string
}

export interface UnitDoc {
  _id: string
  name: string
  agentId: string
  family: Family
}

/** One person in one scheme and period (written by the enrolment side; the claim side applies payout effects). */
export interface ParticipationDoc {
  _id: string
  enrolmentId: string
  unitId: string
  agentId: string
  personId: string
  idHash: string
  name: string
  sex: 'male' | 'female'
  family: Family
  schemeId: SchemeId
  year: number
  products: ClaimProduct[]
  shares: number
  firstTime: boolean
  status: 'pending' | 'active' | 'void'
  coverageStart: string | null
  coverageEnd: string | null
  endedProducts: ClaimProduct[]
  inpatientDaysUsed: number
  priorDiseases: { disease: string; paid: boolean; period: 'previous' | 'earlier' }[]
  retiredAtEnrolment?: boolean
  medicalInsurance?: 'employee' | 'resident' | 'none'
  version: number
}

export type FiledAs = 'worker' | 'clerk' | 'beneficiary'

export interface Filer {
  openid: string
  as: FiledAs
  name: string
}

/** A claim being filled in; owned by the WeChat user who started it. */
export interface DraftDoc {
  _id: string
  openid: string
  filedAs: FiledAs
  filerName: string
  participationId: string
  personId: string
  product: ClaimProduct
  kind: ClaimKind
  facts: DraftFacts
  files: ClaimFiles
  /** Set once the draft became a claim (the draft is then read-only). */
  claimId?: string
  version: number
  createdAt: Date
  updatedAt: Date
}

export interface HistoryEntry {
  at: Date
  event: 'submit' | 'confirm' | 'return' | 'resubmit' | 'approve' | 'reject' | 'pay'
  from: ClaimStatus | 'draft'
  to: ClaimStatus
  /** Role the actor acted in. */
  role: ReviewLevel | FiledAs
  openid: string
  name: string
  note?: string
}

/** One submitted set of facts and pages; every (re)submission adds one, none is overwritten. */
export interface MaterialsVersion {
  n: number
  at: Date
  facts: DraftFacts
  files: ClaimFiles
  note?: string
}

export interface Decision {
  outcome: 'approve' | 'reject'
  amountFen: number
  computedFen: number
  overridden: boolean
  note: string | null
  reasonCode: string | null
  at: Date
  by: string
  byName: string
}

export interface ClaimDoc {
  _id: string
  claimNo: string
  idempotencyKey: string
  draftId: string
  family: Family
  schemeId: SchemeId
  year: number
  product: ClaimProduct
  kind: ClaimKind
  participationId: string
  personId: string
  personName: string
  personOpenid: string | null
  unitId: string
  unitName: string
  agentId: string
  filedBy: Filer
  status: ClaimStatus
  facts: DraftFacts
  files: ClaimFiles
  materials: MaterialsVersion[]
  history: HistoryEntry[]
  returned: { by: ReviewLevel; reason: string; at: Date } | null
  submittedOn: string
  claimDeadline: { date: string; basis: string }
  assessmentAtSubmit: Assessment
  assessmentAtDecision: Assessment | null
  /** The day the office received complete materials (the agent's confirmation), and the Art. 19 due date. */
  materialsCompleteOn: string | null
  dueDate: string | null
  decision: Decision | null
  payoutId: string | null
  paid: { paidOn: string; reference: string } | null
  version: number
  createdAt: Date
  updatedAt: Date
}

export interface PayoutDoc {
  _id: string
  claimId: string
  claimNo: string
  family: Family
  year: number
  amountFen: number
  payee: Payee
  status: 'pending' | 'paid'
  paidOn: string | null
  reference: string | null
  createdAt: Date
  recordedBy: string | null
  recordedAt: Date | null
}
