/** The `claims` function: drafts with photos, consent, submit once, three review levels, decision, payout, ledger. */
import { z } from 'zod'
import { cursorPageOf, noInput } from '../common'
import { defineFunction } from '../action'
import {
  acceptProposalInput,
  claimRefInput,
  declineProposalInput,
  consentInput,
  decideInput,
  draftRefInput,
  ledgerInput,
  rosterPickInput,
  mineInput,
  markPaidInput,
  queueInput,
  resolveTargetInput,
  resubmitInput,
  returnInput,
  returnProposalInput,
  saveDraftInput,
  saveResubmissionInput,
  submitInput,
  versionedRefInput,
  withdrawInput,
} from './requests'
import {
  claimDetailSchema,
  claimListItemSchema,
  claimQueueSchema,
  pageCheckSchema,
  draftSummarySchema,
  draftViewSchema,
  ledgerSchema,
  preparedClaimSchema,
  statusAnswerSchema,
} from './responses'
import { claimStatusSchema } from './requests'

export * from './requests'
export * from './responses'
export * from './reject-codes'
export * from './assess-facts'

export const claimsContract = defineFunction('claims', {
  prepare: { input: resolveTargetInput, output: preparedClaimSchema },
  rosterForClaims: { input: rosterPickInput, output: z.array(z.object({ id: z.string(), name: z.string(), idMasked: z.string() })) },
  consent: { input: consentInput, output: z.object({ consent: z.boolean() }) },
  saveDraft: { input: saveDraftInput, output: z.object({ draftId: z.string(), version: z.number().int() }) },
  getDraft: { input: draftRefInput, output: draftViewSchema },
  myDrafts: { input: noInput, output: z.array(draftSummarySchema) },
  /** Temporary links to the caller's own draft pages (a new claim's, or a returned claim's resubmission), for thumbnails. */
  draftFileUrls: { input: draftRefInput, output: z.object({ urls: z.record(z.string(), z.string()) }) },
  submit: {
    input: submitInput,
    output: z.object({ claimId: z.string(), claimNo: z.string(), status: claimStatusSchema, duplicate: z.boolean() }),
  },
  get: { input: claimRefInput, output: claimDetailSchema },
  mine: { input: mineInput, output: cursorPageOf(claimListItemSchema) },
  queue: { input: queueInput, output: claimQueueSchema },
  /** Home-page badges: the caller's claims sent back to them, and claims waiting at the caller's review level. */
  badges: { input: noInput, output: z.object({ returned: z.number().int().min(0), waiting: z.number().int().min(0) }) },
  photoUrls: {
    input: claimRefInput,
    output: z.object({
      urls: z.record(z.string(), z.string()),
      /** Reviewers: each page against the content hash recorded at submission. */
      checks: z.record(z.string(), pageCheckSchema).default({}),
    }),
  },
  confirm: { input: versionedRefInput, output: statusAnswerSchema },
  return: { input: returnInput, output: statusAnswerSchema },
  saveResubmission: { input: saveResubmissionInput, output: z.object({ saved: z.boolean() }) },
  resubmit: { input: resubmitInput, output: statusAnswerSchema },
  decide: {
    input: decideInput,
    output: statusAnswerSchema.extend({
      amountFen: z.number().int().optional(),
      /** The approval is a proposal waiting for a second office user (four eyes). */
      awaitingSecond: z.boolean().optional(),
    }),
  },
  confirmApproval: { input: versionedRefInput, output: statusAnswerSchema.extend({ amountFen: z.number().int() }) },
  returnProposal: { input: returnProposalInput, output: statusAnswerSchema },
  markPaid: { input: markPaidInput, output: statusAnswerSchema },
  acceptProposal: { input: acceptProposalInput, output: statusAnswerSchema.extend({ claimNo: z.string() }) },
  declineProposal: { input: declineProposalInput, output: statusAnswerSchema },
  /**
   * The filer or participant withdraws a claim not yet decided. `releasedProposals`: how many of the bureau's proposals
   * for the same stay this released to the participant (0 when none, or when the claim was withdrawn before);
   * `proposalIds`: those now waiting for the caller's own confirmation (the participant only).
   */
  withdraw: {
    input: withdrawInput,
    output: statusAnswerSchema.extend({ releasedProposals: z.number().int().min(0), proposalIds: z.array(z.string()) }),
  },
  ledger: { input: ledgerInput, output: ledgerSchema },
})
