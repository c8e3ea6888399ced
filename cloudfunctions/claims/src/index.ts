import cloud from 'wx-server-sdk'
import { claimsContract } from '@mutual-aid/contracts'
import { createMain, timer } from '@cloud-shared/create-main'
import { deliverPending } from '@cloud-shared/outbox'
import { consent, draftFileUrls, getDraft, myDrafts, prepare, rosterForClaims, saveDraft } from './drafts'
import { submit } from './submit'
import { confirm, confirmApproval, decide, markPaid, resubmit, returnClaim, returnProposal, saveResubmission } from './review'
import { get, ledger, mine, photoUrls, queue } from './queries'
import { acceptProposal, declineProposal } from './proposals'
import { badges } from './badges'
import { withdraw } from './withdraw'

/**
 * Claims (互助金申请): drafts with photos, consent, submit once, three review levels, decision, payout and the fund
 * ledger. The lifecycle is the rules' pure state machine (shared-rules/src/claims/lifecycle.ts).
 */
/** The `outbox` timer delivers the notices of changes whose call was cut off right after committing them. */
const outbox = timer({
  async run(ctx) {
    return { delivered: await deliverPending(ctx) }
  },
})

export const main = createMain(claimsContract, cloud, {
  prepare,
  rosterForClaims,
  consent,
  saveDraft,
  getDraft,
  myDrafts,
  draftFileUrls,
  submit,
  get,
  mine,
  queue,
  badges,
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
  withdraw,
}, { timers: { outbox } })
