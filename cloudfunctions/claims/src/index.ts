import cloud from 'wx-server-sdk'
import { claimsContract } from '@mutual-aid/contracts'
import { createMain } from '@cloud-shared/create-main'
import { consent, getDraft, myDrafts, prepare, rosterForClaims, saveDraft } from './drafts'
import { submit } from './submit'
import { confirm, confirmApproval, decide, markPaid, resubmit, returnClaim, returnProposal, saveResubmission } from './review'
import { get, ledger, mine, photoUrls, queue } from './queries'
import { acceptProposal, declineProposal } from './proposals'

/**
 * Claims (互助金申请): drafts with photos, consent, submit once, three review levels, decision, payout and the fund
 * ledger. The lifecycle is the rules' pure state machine (shared-rules/src/claims/lifecycle.ts).
 */
export const main = createMain(claimsContract, cloud, {
  prepare,
  rosterForClaims,
  consent,
  saveDraft,
  getDraft,
  myDrafts,
  submit,
  get,
  mine,
  queue,
  photoUrls,
  confirm,
  return: returnClaim,
  saveResubmission,
  resubmit,
  decide,
  confirmApproval,
  returnProposal,
  markPaid,
  ledger,
  acceptProposal,
  declineProposal,
})
