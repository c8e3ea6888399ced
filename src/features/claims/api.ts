/**
 * Calls to the `claims` and `messages` cloud functions through their contracts (@mutual-aid/contracts): requests
 * are typed by the schemas the function parses, answers are parsed with the contract's output schemas.
 */
import { claimsContract, messagesContract, type ClaimFiles, type ClaimTarget, type DecideInput, type DraftFacts, type InputOf, type Payee, type SaveDraftInput } from '@mutual-aid/contracts'
import type { ClaimStatus, Family } from '@mutual-aid/shared-rules'
import { callAction } from '@/services/call-action'

type ClaimsActions = typeof claimsContract.actions

/** Version of the consent text in consent-text.ts; recorded with the consent. */
export const CONSENT_VERSION = '2021-01'

const claims = <K extends keyof ClaimsActions & string>(action: K, input: InputOf<ClaimsActions[K]>) => callAction(claimsContract, action, input)

export const claimsApi = {
  prepare: (target: ClaimTarget) => claims('prepare', { target }),
  /** The unit's in-service people by name (a clerk filing for someone), those whose name begins with `query`. */
  roster: (query?: string) => claims('rosterForClaims', query ? { query } : {}),
  consent: () => claims('consent', { kind: 'medical_info', version: CONSENT_VERSION }),
  saveDraft: (input: SaveDraftInput) => claims('saveDraft', input),
  getDraft: (draftId: string) => claims('getDraft', { draftId }),
  myDrafts: () => claims('myDrafts', {}),
  draftFileUrls: (draftId: string) => claims('draftFileUrls', { draftId }),
  submit: (draftId: string, idempotencyKey: string) => claims('submit', { draftId, idempotencyKey }),
  get: (claimId: string) => claims('get', { claimId }),
  /** One page of the caller's claims (`usePagedLoad` passes the previous page's cursor). */
  mine: (cursor?: string) => claims('mine', { cursor }),
  /** One page of the review queue with the counts per status. */
  queue: (filter: { status?: ClaimStatus; family?: Family; agentId?: string }, cursor?: string) => claims('queue', { ...filter, cursor }),
  photoUrls: (claimId: string) => claims('photoUrls', { claimId }),
  confirm: (claimId: string, version: number) => claims('confirm', { claimId, version }),
  returnClaim: (claimId: string, version: number, reason: string) => claims('return', { claimId, version, reason }),
  saveResubmission: (claimId: string, files: ClaimFiles, note?: string, facts?: DraftFacts) => claims('saveResubmission', { claimId, files, note, facts }),
  resubmit: (claimId: string, version: number, facts: DraftFacts, files: ClaimFiles, note?: string) => claims('resubmit', { claimId, version, facts, files, note }),
  decide: (input: DecideInput) => claims('decide', input),
  confirmApproval: (claimId: string, version: number) => claims('confirmApproval', { claimId, version }),
  returnProposal: (claimId: string, version: number, reason: string) => claims('returnProposal', { claimId, version, reason }),
  markPaid: (claimId: string, version: number, paidOn: string, reference: string) => claims('markPaid', { claimId, version, paidOn, reference }),
  /** The funds and one page of ledger entries. */
  ledger: (cursor?: string) => claims('ledger', { cursor }),
  acceptProposal: (claimId: string, version: number, payee: Payee) => claims('acceptProposal', { claimId, version, payee }),
  declineProposal: (claimId: string, version: number, reason?: string) => claims('declineProposal', { claimId, version, reason }),
  withdraw: (claimId: string, version: number, reason?: string) => claims('withdraw', { claimId, version, reason }),
}

export const messagesApi = {
  /** The inbox by pages (`usePagedLoad` passes the previous page's cursor). */
  pages: (cursor?: string) => callAction(messagesContract, 'list', { cursor }),
  markRead: (ids: string[] | 'all') => callAction(messagesContract, 'markRead', ids === 'all' ? { all: true } : { ids }),
}
