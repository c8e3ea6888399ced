/** What the `claims` and `messages` functions answer, as the app reads it (instants arrive as ISO strings). */
import { z } from 'zod'
import { CLAIM_EVENTS, type Assessment } from '@mutual-aid/shared-rules'
import { cursorPageOf, dateSchema, familySchema, fileCheckSchema, instantSchema, productSchema, schemeIdSchema, schemeRulesSchema } from '../common'
import { claimStatusSchema, draftFactsSchema, filesSchema, kindSchema } from './requests'

export const filedAsSchema = z.enum(['worker', 'clerk', 'beneficiary'])
export type FiledAs = z.infer<typeof filedAsSchema>

export const reviewLevelSchema = z.enum(['clerk', 'agent', 'office'])
export const claimEventSchema = z.enum(['confirm', 'return', 'resubmit', 'approve', 'reject', 'pay', 'accept', 'decline', 'lapse', 'release', 'withdraw'])
export const dueStateSchema = z.enum(['overdue', 'due_soon', 'on_time']).nullable()

/**
 * The rules' assessment as stored with the claim. Its shape is the rules package's `Assessment` (which may grow),
 * so it is checked for its core and passed through whole rather than re-declared here.
 */
export const assessmentSchema = z.custom<Assessment>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Assessment).payable === 'boolean' &&
    Number.isInteger((v as Assessment).amountFen) &&
    Array.isArray((v as Assessment).lines) &&
    Array.isArray((v as Assessment).reasons),
  '核定结果格式不正确',
)

export const participationViewSchema = z.object({
  id: z.string(),
  schemeId: schemeIdSchema,
  family: familySchema,
  year: z.number().int(),
  products: z.array(productSchema),
  shares: z.number().int(),
  firstTime: z.boolean(),
  coverageStart: dateSchema.nullable(),
  coverageEnd: dateSchema.nullable(),
  endedProducts: z.array(productSchema),
  inpatientDaysUsed: z.number().int(),
  /** The version the participation is assessed under (第二十六条), as loaded: its disease lists and materials checklists. */
  rules: schemeRulesSchema,
})
export type ParticipationView = z.infer<typeof participationViewSchema>

export const preparedClaimSchema = z.object({
  filedAs: filedAsSchema,
  person: z.object({ id: z.string(), name: z.string(), idMasked: z.string(), unitName: z.string() }),
  participations: z.array(participationViewSchema),
  consent: z.boolean(),
  today: dateSchema,
})
export type PreparedClaim = z.infer<typeof preparedClaimSchema>

export const draftViewSchema = z.object({
  draft: z.object({
    id: z.string(),
    version: z.number().int(),
    filedAs: filedAsSchema,
    product: productSchema,
    kind: kindSchema,
    facts: draftFactsSchema,
    files: filesSchema,
    claimId: z.string().nullable(),
    updatedAt: instantSchema,
  }),
  person: z.object({ id: z.string(), name: z.string(), idMasked: z.string() }),
  participation: participationViewSchema,
  consent: z.boolean(),
  today: dateSchema,
})
export type DraftView = z.infer<typeof draftViewSchema>

export const draftSummarySchema = z.object({ id: z.string(), product: productSchema, kind: kindSchema, personId: z.string(), updatedAt: instantSchema })

export const claimListItemSchema = z.object({
  id: z.string(),
  claimNo: z.string(),
  family: familySchema,
  year: z.number().int(),
  product: productSchema,
  kind: kindSchema,
  personName: z.string(),
  unitName: z.string(),
  agentId: z.string(),
  status: claimStatusSchema,
  submittedOn: dateSchema,
  dueDate: dateSchema.nullable(),
  dueState: dueStateSchema,
  amountFen: z.number().int().nullable(),
  filedAs: filedAsSchema,
  /** Proposed from the medical-insurance bureau's settlement data (来自医保结算) rather than filed by hand. */
  source: z.enum(['manual', 'settlement']).default('manual'),
  updatedAt: instantSchema,
})
export type ClaimListItem = z.infer<typeof claimListItemSchema>

/**
 * What a claim's history records: the lifecycle's events (`CLAIM_EVENTS`), plus the steps outside its transitions —
 * the claim submitted, an office user's approval proposed for a second office user to confirm (four eyes) and that
 * proposal withdrawn, a claim proposed from the bureau's settlement data offered to the participant or held (the stay
 * was already claimed by hand).
 */
export const HISTORY_EVENTS = [...CLAIM_EVENTS, 'submit', 'propose', 'withdraw_proposal', 'offer', 'hold'] as const
export const historyEventSchema = z.enum(HISTORY_EVENTS)
export type HistoryEvent = z.infer<typeof historyEventSchema>

export const historyViewSchema = z.object({
  at: instantSchema,
  event: historyEventSchema,
  from: z.string(),
  to: claimStatusSchema,
  role: z.union([reviewLevelSchema, filedAsSchema]),
  name: z.string(),
  note: z.string().nullable(),
})
export type HistoryView = z.infer<typeof historyViewSchema>

/** The office's decision as the claim shows it (the stored one also names who decided). */
export const decisionViewSchema = z.object({
  outcome: z.enum(['approve', 'reject']),
  amountFen: z.number().int(),
  computedFen: z.number().int(),
  overridden: z.boolean(),
  note: z.string().nullable(),
  reasonCode: z.string().nullable(),
  at: instantSchema,
  /** Name of the office user who proposed an approval that a second one confirmed (four eyes); null otherwise. */
  proposedBy: z.string().nullable().default(null),
})
export type DecisionView = z.infer<typeof decisionViewSchema>

/** Why an approval waits for a second office user: above the rules' amount, or above the office's threshold. */
export const fourEyesReasonSchema = z.enum(['above_computed', 'above_threshold'])

/** An approval proposed by one office user, waiting for a second (shown to reviewers only). */
export const proposalViewSchema = z.object({
  amountFen: z.number().int(),
  computedFen: z.number().int(),
  note: z.string().nullable(),
  reasons: z.array(fourEyesReasonSchema),
  thresholdFen: z.number().int(),
  byName: z.string(),
  at: instantSchema,
  /** The caller proposed it (they may withdraw it, not confirm it). */
  byMe: z.boolean(),
  /** The caller may confirm it: another office user with no stake in the claim. */
  canConfirm: z.boolean(),
  /** The caller may send it back (or, as its proposer, withdraw it). */
  canReturn: z.boolean(),
})
export type ProposalView = z.infer<typeof proposalViewSchema>

/** A page's content against the hash recorded when it was submitted (reviewers only). */
export const pageCheckSchema = fileCheckSchema
export type PageCheck = z.infer<typeof pageCheckSchema>

/** The bureau's settlement a proposed claim rests on, as the claim page shows it (amounts in fen). */
export const settlementEvidenceSchema = z.object({
  serial: z.string(),
  insurance: z.enum(['employee', 'resident']),
  hospitalName: z.string(),
  hospitalCode: z.string(),
  designated: z.boolean(),
  admission: dateSchema,
  discharge: dateSchema,
  totalFen: z.number().int(),
  fundFen: z.number().int(),
  selfPayFen: z.number().int(),
  selfFundedFen: z.number().int(),
  settledOn: dateSchema,
})
export type SettlementEvidenceView = z.infer<typeof settlementEvidenceSchema>

export const payeeViewSchema = z.object({ name: z.string(), bank: z.string(), account: z.string() })

export const claimDetailSchema = z.object({
  id: z.string(),
  claimNo: z.string(),
  version: z.number().int(),
  family: familySchema,
  schemeId: schemeIdSchema,
  /** The claim's version as loaded (built-in or published): disease names and the materials checklist come from it. */
  rules: schemeRulesSchema,
  year: z.number().int(),
  product: productSchema,
  kind: kindSchema,
  status: claimStatusSchema,
  personName: z.string(),
  unitName: z.string(),
  filedBy: z.object({ as: filedAsSchema, name: z.string() }),
  /** The caller filed it or is its participant (they receive its notices). */
  mine: z.boolean(),
  facts: draftFactsSchema,
  files: filesSchema,
  materials: z.array(z.object({ n: z.number().int(), at: instantSchema, files: filesSchema, note: z.string().nullable(), facts: draftFactsSchema })),
  history: z.array(historyViewSchema),
  returned: z.object({ by: reviewLevelSchema, reason: z.string(), at: instantSchema }).nullable(),
  submittedOn: dateSchema,
  claimDeadline: z.object({ date: dateSchema, basis: z.string() }),
  materialsCompleteOn: dateSchema.nullable(),
  dueDate: dateSchema.nullable(),
  dueState: dueStateSchema,
  assessmentAtSubmit: assessmentSchema.nullable(),
  assessmentAtDecision: assessmentSchema.nullable(),
  decision: decisionViewSchema.nullable(),
  /** An approval waiting for a second office user (reviewers only; null otherwise). */
  proposal: proposalViewSchema.nullable().default(null),
  paid: z.object({ paidOn: dateSchema, reference: z.string() }).nullable(),
  /** The bank batch the approved claim is being paid in (paid only through it meanwhile). */
  paymentBatch: z.object({ batchNo: z.string() }).nullable().default(null),
  /** The bank's last refusal of its transfer: the claim is approved again, to be paid anew. */
  payFailure: z.object({ batchNo: z.string(), reason: z.string(), on: dateSchema }).nullable().default(null),
  actions: z.array(claimEventSchema),
  /** Pages already gathered for a resubmission (filer only, while returned). */
  resubmission: z.object({ files: filesSchema, note: z.string(), facts: draftFactsSchema.nullable().optional() }).nullable(),
  today: dateSchema,
  /** Proposed from the bureau's settlement data (来自医保结算): the settlement is its evidence. */
  source: z.enum(['manual', 'settlement']).default('manual'),
  settlement: settlementEvidenceSchema.nullable().default(null),
  /** For the participant of a proposed claim: the computation, the payee of their last claim and the last day to accept. */
  offer: z
    .object({ assessment: assessmentSchema, lastPayee: payeeViewSchema.nullable(), acceptBy: dateSchema, acceptByBasis: z.string() })
    .nullable()
    .default(null),
  /** The other claim for the same stay (a held proposal's manual claim), by number. */
  linkedClaimNo: z.string().nullable().default(null),
  /**
   * For the filer or participant of a claim filed by hand: the bureau's proposal held because of it (same stay), which
   * withdrawing (or a rejection) releases to the participant. Its amount as last assessed, for the participant only
   * (a clerk who filed sees only that one exists); null when there is none.
   */
  heldProposal: z.object({ amountFen: z.number().int().nullable() }).nullable().default(null),
})
export type ClaimDetail = z.infer<typeof claimDetailSchema>

/**
 * A page of the review queue: `total` is what the filters select (the chosen status), `counts` every status's count
 * in scope and scheme, `all` their sum (全部) — all counted by the database.
 */
export const claimQueueSchema = cursorPageOf(claimListItemSchema).extend({
  counts: z.record(claimStatusSchema, z.number().int()),
  all: z.number().int(),
  agents: z.array(z.object({ id: z.string(), name: z.string() })),
})

export const fundSchema = z.object({
  family: familySchema,
  year: z.number().int(),
  contributionsFen: z.number().int(),
  payoutsFen: z.number().int(),
  balanceFen: z.number().int(),
  entries: z.number().int(),
})
export type Fund = z.infer<typeof fundSchema>

export const ledgerEntryViewSchema = z.object({
  id: z.string(),
  family: familySchema,
  year: z.number().int(),
  type: z.enum(['contribution', 'payout']),
  amountFen: z.number().int(),
  sourceType: z.string(),
  sourceId: z.string(),
  ref: z.string().nullable(),
  on: dateSchema.nullable(),
  at: instantSchema,
})
export type LedgerEntryView = z.infer<typeof ledgerEntryViewSchema>

/** The funds (running totals kept with each entry) and a page of entries, newest first. */
export const ledgerSchema = cursorPageOf(ledgerEntryViewSchema).extend({ funds: z.array(fundSchema) })

/** A claim's status after a review step. */
export const statusAnswerSchema = z.object({ status: claimStatusSchema })
