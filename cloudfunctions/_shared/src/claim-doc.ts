import type { Assessment, ClaimStatus, ReviewLevel } from '@mutual-aid/shared-rules'
import type { ClaimFiles, ClaimKind, ClaimProduct, DecisionView, DraftFacts, FiledAs, HistoryEvent, Payee, SettlementEvidenceView } from '@mutual-aid/contracts'

import type { Family } from './documents'
import type { SchemeId } from '@mutual-aid/shared-rules'

export type { Family, ParticipationDoc, PersonDoc, UnitDoc } from './documents'
export type { SchemeId }

export type { FiledAs }
/** What a history entry records (contracts' `HISTORY_EVENTS`: the lifecycle's events and the steps outside it). */
export type { HistoryEvent }

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
  event: HistoryEvent
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
  /** sha-256 of each page's content as stored when this version was submitted, by fileID. */
  hashes?: Record<string, string>
  note?: string
}

/** Why an approval waits for a second office user. */
export type FourEyesReason = 'above_computed' | 'above_threshold'

/** An approval proposed by one office user, waiting for a different one to confirm or send it back (four eyes). */
export interface Proposal {
  amountFen: number
  computedFen: number
  note: string | null
  reasons: FourEyesReason[]
  /** The threshold in force when it was proposed, and where it came from. */
  thresholdFen: number
  settings: 'default' | { version: number }
  by: string
  byName: string
  at: Date
}

/**
 * The office's decision as stored: what the claim shows (the contract's `DecisionView`) plus who decided; an approval
 * that needed four eyes also names who proposed it.
 */
export type Decision = Omit<DecisionView, 'at' | 'proposedBy'> & {
  at: Date
  by: string
  byName: string
  proposedBy?: { openid: string; name: string; at: Date }
}

/**
 * The medical-insurance bureau's inpatient settlement a proposed claim rests on (its evidence instead of photos), as
 * imported: amounts in fen, the resident ID only as the keyed hash on the settlement row.
 */
export type SettlementEvidence = SettlementEvidenceView & {
  /** The settlement document's id (`stl-…`) and the import that brought it. */
  settlementId: string
  importId: string
}

export interface ClaimDoc {
  _id: string
  /** Where the claim came from: filed by a person (absent) or proposed from the bureau's settlement data. */
  source?: 'manual' | 'settlement'
  settlement?: SettlementEvidence
  /** A held proposal: the claim filed by hand for the same stay. A manual claim: a proposal for the same stay. */
  linkedClaimId?: string | null
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
  /** The participant's resident-ID keyed hash, to recognise them on another roster record (separation of duties). */
  personIdHash?: string
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
  /** An approval waiting for a second office user (four eyes), or null. */
  proposal?: Proposal | null
  payoutId: string | null
  paid: { paidOn: string; reference: string } | null
  /**
   * The bank batch this approved claim is in (set by the fund function with the claim's version, cleared when the
   * bank's result for its line is applied): while set, the claim is paid only through that batch. Scalars, so the
   * `payable` index can hold them.
   */
  paymentBatchId?: string | null
  paymentBatchNo?: string | null
  /** The bank's last refusal of this claim's transfer; the claim is approved again and payable anew. */
  payFailure?: { batchNo: string; reason: string; on: string } | null
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
