import type { Assessment, ClaimStatus, ReviewLevel } from '@mutual-aid/shared-rules'
import type { ClaimFiles, ClaimKind, ClaimProduct, DecisionView, DraftFacts, FiledAs, Payee } from '@mutual-aid/contracts'

import type { Family } from '@cloud-shared/documents'
import type { SchemeId } from '@mutual-aid/shared-rules'

export type { Family, ParticipationDoc, PersonDoc, UnitDoc } from '@cloud-shared/documents'
export type { SchemeId }

export type { FiledAs }

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

/** The office's decision as stored: what the claim shows (the contract's `DecisionView`) plus who decided. */
export type Decision = Omit<DecisionView, 'at'> & { at: Date; by: string; byName: string }

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
