/**
 * Typed calls to the `claims` and `messages` cloud functions. Requests are built from the same zod schemas the
 * function parses; answers are the function's envelopes.
 */
import { call, type Envelope } from '@/services/cloud'
import type { Assessment } from '@mutual-aid/shared-rules'
import type { ClaimEvent, ClaimStatus, ReviewLevel } from './state-machine'
import type { ClaimFiles, ClaimKind, ClaimProduct, ClaimTarget, DecideInput, DraftFacts } from './schemas'

export type Family = 'WH' | 'TZ'
export type SchemeId = 'wh-2020' | 'tz-2021' | 'tz-2022'
export type FiledAs = 'worker' | 'clerk' | 'beneficiary'

export interface ParticipationView {
  id: string
  schemeId: SchemeId
  family: Family
  year: number
  products: ClaimProduct[]
  shares: number
  firstTime: boolean
  coverageStart: string | null
  coverageEnd: string | null
  endedProducts: ClaimProduct[]
  inpatientDaysUsed: number
}

export interface Prepared {
  filedAs: FiledAs
  person: { id: string; name: string; idMasked: string; unitName: string }
  participations: ParticipationView[]
  consent: boolean
  today: string
}

export interface DraftView {
  draft: {
    id: string
    version: number
    filedAs: FiledAs
    product: ClaimProduct
    kind: ClaimKind
    facts: DraftFacts
    files: ClaimFiles
    claimId: string | null
    updatedAt: string
  }
  person: { id: string; name: string; idMasked: string }
  participation: ParticipationView
  consent: boolean
  today: string
}

export interface ClaimListItem {
  id: string
  claimNo: string
  family: Family
  year: number
  product: ClaimProduct
  kind: ClaimKind
  personName: string
  unitName: string
  agentId: string
  status: ClaimStatus
  submittedOn: string
  dueDate: string | null
  dueState: 'overdue' | 'due_soon' | 'on_time' | null
  amountFen: number | null
  filedAs: FiledAs
}

export interface HistoryView {
  at: string
  event: string
  from: string
  to: ClaimStatus
  role: ReviewLevel | FiledAs
  name: string
  note: string | null
}

export interface ClaimDetail {
  id: string
  claimNo: string
  version: number
  family: Family
  schemeId: SchemeId
  year: number
  product: ClaimProduct
  kind: ClaimKind
  status: ClaimStatus
  personName: string
  unitName: string
  filedBy: { as: FiledAs; name: string }
  /** The caller filed it or is its participant (they receive its notices). */
  mine: boolean
  facts: DraftFacts
  files: ClaimFiles
  materials: { n: number; at: string; files: ClaimFiles; note: string | null; facts: DraftFacts }[]
  history: HistoryView[]
  returned: { by: ReviewLevel; reason: string; at: string } | null
  submittedOn: string
  claimDeadline: { date: string; basis: string }
  materialsCompleteOn: string | null
  dueDate: string | null
  dueState: ClaimListItem['dueState']
  assessmentAtSubmit: Assessment | null
  assessmentAtDecision: Assessment | null
  decision: {
    outcome: 'approve' | 'reject'
    amountFen: number
    computedFen: number
    overridden: boolean
    note: string | null
    reasonCode: string | null
    at: string
  } | null
  paid: { paidOn: string; reference: string } | null
  actions: ClaimEvent[]
  /** Pages already gathered for a resubmission (filer only, while returned). */
  resubmission: { files: ClaimFiles; note: string } | null
  today: string
}

export interface Fund {
  family: Family
  year: number
  contributionsFen: number
  payoutsFen: number
  balanceFen: number
  entries: number
}

export interface LedgerEntryView {
  id: string
  family: Family
  year: number
  type: 'contribution' | 'payout'
  amountFen: number
  sourceType: string
  sourceId: string
  ref: string | null
  on: string | null
  at: string
}

export interface MessageView {
  id: string
  title: string
  body: string
  page: string
  read: boolean
  createdAt: string
}

const claims = <T>(action: string, input: Record<string, unknown> = {}): Promise<Envelope<T>> => call<T>('claims', { action, ...input })

export const claimsApi = {
  prepare: (target: ClaimTarget) => claims<Prepared>('prepare', { target }),
  roster: () => claims<{ id: string; name: string; idMasked: string }[]>('rosterForClaims'),
  consent: () => claims<{ consent: true }>('consent', { kind: 'medical_info', version: CONSENT_VERSION }),
  saveDraft: (input: {
    draftId?: string
    version?: number
    target?: ClaimTarget
    participationId: string
    product: ClaimProduct
    kind: ClaimKind
    facts: DraftFacts
    files: ClaimFiles
  }) => claims<{ draftId: string; version: number }>('saveDraft', input),
  getDraft: (draftId: string) => claims<DraftView>('getDraft', { draftId }),
  myDrafts: () => claims<{ id: string; product: ClaimProduct; kind: ClaimKind; updatedAt: string }[]>('myDrafts'),
  submit: (draftId: string, idempotencyKey: string) =>
    claims<{ claimId: string; claimNo: string; status: ClaimStatus; duplicate: boolean }>('submit', { draftId, idempotencyKey }),
  get: (claimId: string) => claims<ClaimDetail>('get', { claimId }),
  mine: () => claims<ClaimListItem[]>('mine'),
  queue: (filter: { status?: string; family?: Family; agentId?: string }) =>
    claims<{ counts: Record<ClaimStatus, number>; total: number; items: ClaimListItem[]; agents: { id: string; name: string }[] }>('queue', filter),
  photoUrls: (claimId: string) => claims<{ urls: Record<string, string> }>('photoUrls', { claimId }),
  confirm: (claimId: string, version: number) => claims<{ status: ClaimStatus }>('confirm', { claimId, version }),
  returnClaim: (claimId: string, version: number, reason: string) => claims<{ status: ClaimStatus }>('return', { claimId, version, reason }),
  saveResubmission: (claimId: string, files: ClaimFiles, note?: string) =>
    claims<{ saved: true }>('saveResubmission', { claimId, files, note }),
  resubmit: (claimId: string, version: number, facts: DraftFacts, files: ClaimFiles, note?: string) =>
    claims<{ status: ClaimStatus }>('resubmit', { claimId, version, facts, files, note }),
  decide: (input: DecideInput) => claims<{ status: ClaimStatus; amountFen?: number }>('decide', input),
  markPaid: (claimId: string, version: number, paidOn: string, reference: string) =>
    claims<{ status: ClaimStatus }>('markPaid', { claimId, version, paidOn, reference }),
  ledger: () => claims<{ funds: Fund[]; entries: LedgerEntryView[] }>('ledger'),
}

export const messagesApi = {
  list: () => call<{ items: MessageView[]; unread: number; total: number }>('messages', { action: 'list' }),
  markRead: (ids: string[] | 'all') =>
    call<{ updated: number }>('messages', ids === 'all' ? { action: 'markRead', all: true } : { action: 'markRead', ids }),
}

/** Version of the consent text in consent-text.ts; recorded with the consent. */
export const CONSENT_VERSION = '2021-01'
