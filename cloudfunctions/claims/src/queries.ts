import { daysBetween } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import { forbidden } from '@cloud-shared/errors'
import { tempUrls } from '@cloud-shared/files'
import { loadSchemes } from '@cloud-shared/schemes'
import { audit } from '@cloud-shared/audit'
import { checkPages } from './evidence'
import { claimRefInput, ledgerInput, mineInput, queueInput, type DraftFacts } from '@mutual-aid/contracts'
import { countWhere, encodeCursor, keysetPage, type SortSpec } from '@cloud-shared/keyset'
import type { FundDoc } from '@cloud-shared/fund'
import { CLAIM_STATUSES, levelFor, transition, type ClaimEvent, type ClaimStatus } from '@mutual-aid/shared-rules'
import type { ClaimDoc } from './model'

/** Statuses only a proposal from the bureau's data has before its participant accepts it (scope.ts isUnacceptedProposal). */
const PROPOSAL_ONLY_STATUSES: ClaimStatus[] = ['proposed', 'held', 'declined', 'lapsed']
import { canSee, isFilerOrParticipant, isInvolvedAnywhere, isParticipant, loadVisibleClaim, reviewLevelsOver } from './scope'
import { lastPayee } from './proposals'

/** Calendar days before the review due date at which a claim counts as nearly due in the office queue. */
const NEARLY_DUE_DAYS = 7

export type DueState = 'overdue' | 'due_soon' | 'on_time' | null

export function dueState(dueDate: string | null, today: string, status: ClaimStatus): DueState {
  if (!dueDate || status !== 'agent_confirmed') return null
  const left = daysBetween(today, dueDate)
  if (left < 0) return 'overdue'
  return left <= NEARLY_DUE_DAYS ? 'due_soon' : 'on_time'
}

/**
 * The actions the caller may take on the claim now (the page shows only these buttons). None of the review steps for
 * someone involved in the claim, and none while an approval waits for its second office user (the proposal panel
 * offers confirming or sending it back instead).
 */
function allowedActions(ctx: HandlerContext, claim: ClaimDoc, involved: boolean): ClaimEvent[] {
  const levels = claim.proposal || involved ? [] : reviewLevelsOver(ctx, claim)
  const out: ClaimEvent[] = []
  const awaited = levelFor(claim.status)
  for (const event of ['confirm', 'return', 'approve', 'reject', 'pay'] as ClaimEvent[]) {
    const actor = awaited && levels.includes(awaited) ? awaited : levels.includes('office') ? 'office' : null
    if (actor && transition(claim.status, event, actor).ok) out.push(event)
  }
  if (isFilerOrParticipant(ctx, claim) && transition(claim.status, 'resubmit', 'filer', claim.returned?.by).ok) out.push('resubmit')
  if (isParticipant(ctx, claim) && claim.status === 'proposed') out.push('accept', 'decline')
  if (isFilerOrParticipant(ctx, claim) && transition(claim.status, 'withdraw', 'filer').ok) out.push('withdraw')
  return out
}

/** The approval waiting for a second office user, as a reviewer sees it, with what this caller may do about it. */
function proposalView(ctx: HandlerContext, claim: ClaimDoc, involved: boolean) {
  const p = claim.proposal
  if (!p) return null
  const office = !involved && reviewLevelsOver(ctx, claim).includes('office')
  const byMe = p.by === ctx.caller.openid
  return {
    amountFen: p.amountFen,
    computedFen: p.computedFen,
    note: p.note,
    reasons: p.reasons,
    thresholdFen: p.thresholdFen,
    byName: p.byName,
    at: p.at,
    byMe,
    canConfirm: office && !byMe,
    canReturn: office,
  }
}

function listItem(c: ClaimDoc, today: string) {
  return {
    id: c._id,
    claimNo: c.claimNo,
    family: c.family,
    year: c.year,
    product: c.product,
    kind: c.kind,
    personName: c.personName,
    unitName: c.unitName,
    agentId: c.agentId,
    status: c.status,
    submittedOn: c.submittedOn,
    dueDate: c.dueDate,
    dueState: dueState(c.dueDate, today, c.status),
    amountFen: c.decision?.outcome === 'approve' ? c.decision.amountFen : null,
    filedAs: c.filedBy.as,
    source: c.source ?? 'manual',
    updatedAt: c.updatedAt,
  }
}

function settlementView(e: NonNullable<ClaimDoc['settlement']>) {
  const { settlementId: _s, importId: _i, ...shown } = e
  return shown
}

/** One claim with its timeline; reviewers also get the rules' assessment, everyone sees the decision and its basis. */
export const get = action({
  access: 'signed-in',
  input: claimRefInput,
  async run(ctx, { claimId }) {
    const claim = await loadVisibleClaim(ctx, claimId)
    const involved = await isInvolvedAnywhere(ctx, claim)
    const reviewer = !involved && reviewLevelsOver(ctx, claim).length > 0
    const today = ctx.clock.today()
    const resubmission =
      claim.status === 'returned' && isFilerOrParticipant(ctx, claim)
        ? await findById<{ files: Record<string, string[]>; facts?: DraftFacts | null; note: string; returnedAt: Date | null }>(ctx.db, 'claimDrafts', `resubmit-${claim._id}`)
        : null
    // A draft from an earlier return does not belong to this one.
    const sameReturn = resubmission && String(resubmission.returnedAt) === String(claim.returned?.at ?? null)
    const fromSettlement = claim.source === 'settlement' && claim.settlement
    // The participant of a proposal sees how it was computed (it is their own stay) and the account they last gave.
    const offer =
      fromSettlement && claim.status === 'proposed' && isParticipant(ctx, claim)
        ? { assessment: claim.assessmentAtSubmit, lastPayee: await lastPayee(ctx, claim.personId), acceptBy: claim.claimDeadline.date, acceptByBasis: claim.claimDeadline.basis }
        : null
    const linked = claim.linkedClaimId ? await findById<ClaimDoc>(ctx.db, 'claims', claim.linkedClaimId) : null
    // A claim filed by hand that its filer may still withdraw: the bureau's proposal for the same stay it holds back
    // (withdrawing releases it), so the confirmation can say so. Its amount for the participant only.
    const held =
      claim.source !== 'settlement' && claim.kind === 'inpatient' && isFilerOrParticipant(ctx, claim) && transition(claim.status, 'withdraw', 'filer').ok
        ? (await findAll<ClaimDoc>(ctx.db, 'claims', { linkedClaimId: claim._id, status: 'held' }, 1))[0] ?? null
        : null
    // Every opening of the bureau's data about a person's stay is on record.
    if (fromSettlement) await audit(ctx, { action: 'claim.settlement.view', entity: 'claim', entityId: claim._id, after: { claimNo: claim.claimNo, status: claim.status } })
    return {
      id: claim._id,
      claimNo: claim.claimNo,
      version: claim.version,
      family: claim.family,
      schemeId: claim.schemeId,
      rules: (await loadSchemes(ctx.db)).get(claim.schemeId),
      year: claim.year,
      product: claim.product,
      kind: claim.kind,
      status: claim.status,
      personName: claim.personName,
      unitName: claim.unitName,
      filedBy: { as: claim.filedBy.as, name: claim.filedBy.name },
      /** The caller filed it or is its participant (they receive its notices). */
      mine: isFilerOrParticipant(ctx, claim),
      facts: claim.facts,
      files: claim.files,
      materials: claim.materials.map((m) => ({ n: m.n, at: m.at, files: m.files, note: m.note ?? null, facts: m.facts })),
      history: claim.history.map((h) => ({ at: h.at, event: h.event, from: h.from, to: h.to, role: h.role, name: h.name, note: h.note ?? null })),
      returned: claim.returned,
      submittedOn: claim.submittedOn,
      claimDeadline: claim.claimDeadline,
      materialsCompleteOn: claim.materialsCompleteOn,
      dueDate: claim.dueDate,
      dueState: dueState(claim.dueDate, today, claim.status),
      assessmentAtSubmit: reviewer ? claim.assessmentAtSubmit : null,
      assessmentAtDecision: claim.decision ? claim.assessmentAtDecision : null,
      decision: claim.decision
        ? {
            outcome: claim.decision.outcome,
            amountFen: claim.decision.amountFen,
            computedFen: claim.decision.computedFen,
            overridden: claim.decision.overridden,
            note: claim.decision.note,
            reasonCode: claim.decision.reasonCode,
            at: claim.decision.at,
            proposedBy: claim.decision.proposedBy?.name ?? null,
          }
        : null,
      proposal: reviewer ? proposalView(ctx, claim, involved) : null,
      paid: claim.paid,
      paymentBatch: claim.paymentBatchId ? { batchNo: claim.paymentBatchNo ?? '' } : null,
      payFailure: claim.payFailure ? { batchNo: claim.payFailure.batchNo, reason: claim.payFailure.reason, on: claim.payFailure.on } : null,
      actions: allowedActions(ctx, claim, involved),
      resubmission: sameReturn && resubmission ? { files: resubmission.files, note: resubmission.note, ...(resubmission.facts ? { facts: resubmission.facts } : {}) } : null,
      today,
      source: claim.source ?? 'manual',
      settlement: fromSettlement ? settlementView(claim.settlement!) : null,
      offer,
      linkedClaimNo: linked && canSee(ctx, linked) ? linked.claimNo : null,
      heldProposal: held ? { amountFen: isParticipant(ctx, claim) ? held.assessmentAtSubmit.amountFen : null } : null,
    }
  },
})

/** Rows per page when the app does not say. */
const DEFAULT_PAGE = 20

/** A worker's own claims: newest first (claimNo breaks ties within a day). */
const MINE_ORDER: SortSpec = [
  ['submittedOn', 'desc'],
  ['claimNo', 'desc'],
]

/**
 * The claims the caller filed or that are for them (worker, beneficiary, a clerk's own filings), newest first, by
 * pages. Two indexed lists (filed by the caller; for the caller's roster person) merged page by page; the total counts
 * a claim in both once.
 */
export const mine = action({
  access: 'signed-in',
  input: mineInput,
  async run(ctx, input) {
    const limit = input.limit ?? DEFAULT_PAGE
    const personId = ctx.caller.roles.includes('worker') ? ctx.caller.user?.personId : undefined
    const filedWhere = { 'filedBy.openid': ctx.caller.openid }
    const request = { cursor: input.cursor, limit }
    const [filed, forMe, filedCount, forMeCount, both] = await Promise.all([
      keysetPage<ClaimDoc>(ctx.db, 'claims', filedWhere, MINE_ORDER, request),
      personId ? keysetPage<ClaimDoc>(ctx.db, 'claims', { personId }, MINE_ORDER, request) : null,
      countWhere(ctx.db, 'claims', filedWhere),
      personId ? countWhere(ctx.db, 'claims', { personId }) : 0,
      personId ? countWhere(ctx.db, 'claims', { ...filedWhere, personId }) : 0,
    ])
    const byId = new Map<string, ClaimDoc>()
    // A held proposal was never offered (the stay is claimed by hand): it is the office's to see, not the worker's list.
    for (const c of [...filed.docs, ...(forMe?.docs ?? [])]) if (c.status !== 'held') byId.set(c._id, c)
    const merged = [...byId.values()].sort((a, b) => b.submittedOn.localeCompare(a.submittedOn) || b.claimNo.localeCompare(a.claimNo))
    const page = merged.slice(0, limit)
    // Either list may go on past this page, or the merge may have left rows of this one over.
    const more = merged.length > limit || filed.nextCursor !== null || (forMe?.nextCursor ?? null) !== null
    const today = ctx.clock.today()
    return {
      items: page.map((c) => listItem(c, today)),
      nextCursor: more && page.length > 0 ? encodeCursor(page[page.length - 1] as unknown as Record<string, unknown>, MINE_ORDER) : null,
      total: filedCount + forMeCount - both,
    }
  },
})

/**
 * The page order of the review queue: the office's 待审核 (agent_confirmed) by review due date — overdue and nearly
 * due first; another status oldest submission first (waiting longest); 全部 newest first. Each is an index's order
 * (collections.ts, `queueIndexes`); claimNo is unique and breaks ties.
 */
function queueOrder(status: ClaimStatus | undefined): SortSpec {
  if (status === 'agent_confirmed') return [['dueDate', 'asc'], ['claimNo', 'asc']]
  if (status) return [['submittedOn', 'asc'], ['claimNo', 'asc']]
  return [['submittedOn', 'desc'], ['claimNo', 'desc']]
}

/**
 * The review queue in the caller's scope (clerk: their unit; agent: its units; office: all), filtered by status,
 * scheme and agent, one page at a time, with the exact count of every status (counted from the index, one count per
 * status).
 */
export const queue = action({
  access: ['clerk', 'agent', 'office'],
  input: queueInput,
  async run(ctx, input) {
    const { roles, user } = ctx.caller
    const scope: Record<string, unknown> = {}
    if (roles.includes('office')) {
      if (input.agentId) scope.agentId = input.agentId
    } else if (roles.includes('agent')) {
      if (!user?.agentId) throw forbidden()
      scope.agentId = user.agentId
    } else {
      if (!user?.unitId) throw forbidden()
      scope.unitId = user.unitId
    }
    // Field order matters only for reading: scope, status, scheme — as the indexes declare them.
    const statusWhere = (status: ClaimStatus) => ({ ...scope, status, ...(input.family ? { family: input.family } : {}) })
    const where = input.status ? statusWhere(input.status) : { ...scope, ...(input.family ? { family: input.family } : {}) }
    const [page, countList, agents] = await Promise.all([
      keysetPage<ClaimDoc>(ctx.db, 'claims', where, queueOrder(input.status), { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }),
      Promise.all(CLAIM_STATUSES.map((s) => countWhere(ctx.db, 'claims', statusWhere(s)))),
      // The office filters by agent: name them (a handful of district and sector unions).
      roles.includes('office') ? findAll<{ _id: string; name: string }>(ctx.db, 'agents', {}, 1000) : Promise.resolve([]),
    ])
    const counts = Object.fromEntries(CLAIM_STATUSES.map((s, i) => [s, countList[i]])) as Record<ClaimStatus, number>
    // Proposals the participant has not accepted are not the unit's or agent's to see (scope.ts canSee): their
    // statuses count for the office only, and a page shows only what the caller may see.
    if (!roles.includes('office')) for (const s of PROPOSAL_ONLY_STATUSES) counts[s] = 0
    const all = Object.values(counts).reduce((a, b) => a + b, 0)
    const today = ctx.clock.today()
    return {
      items: page.docs.filter((c) => canSee(ctx, c)).map((c) => listItem(c, today)),
      nextCursor: page.nextCursor,
      total: input.status ? counts[input.status] : all,
      counts,
      all,
      agents: agents.map((a) => ({ id: a._id, name: a.name })),
    }
  },
})

/**
 * Temporary URLs of a claim's photos — only for the filer, the participant and reviewers in scope. Photos are never
 * public: the app never gets a permanent link. Every opening is on record (who, when, which claim, which pages), and
 * reviewers also get each page checked against the content hash recorded when it was submitted.
 */
export const photoUrls = action({
  access: 'signed-in',
  input: claimRefInput,
  async run(ctx, { claimId }) {
    const claim = await loadVisibleClaim(ctx, claimId)
    const files = [...new Set(claim.materials.flatMap((m) => Object.values(m.files).flat()))]
    const reviewer = !(await isInvolvedAnywhere(ctx, claim)) && reviewLevelsOver(ctx, claim).length > 0
    await audit(ctx, { action: 'claim.photos.open', entity: 'claim', entityId: claim._id, after: { claimNo: claim.claimNo, files } })
    const [urls, checks] = await Promise.all([tempUrls(ctx, files), reviewer ? checkPages(ctx, claim) : Promise.resolve({})])
    return { urls, checks }
  },
})

interface LedgerEntry {
  _id: string
  family: 'WH' | 'TZ'
  year: number
  type: 'contribution' | 'payout'
  amountFen: number
  sourceType: string
  sourceId: string
  ref?: string
  on?: string
  at: Date
}

const LEDGER_ORDER: SortSpec = [
  ['at', 'desc'],
  ['_id', 'desc'],
]

/**
 * The fund per scheme and year (Art. 20–21): contributions − payouts from the running totals kept with each entry
 * (`addToFund`), and the entries newest first by pages. Office only.
 */
export const ledger = action({
  access: ['office'],
  input: ledgerInput,
  async run(ctx, input) {
    const where: Record<string, unknown> = {}
    if (input.family) where.family = input.family
    if (input.year) where.year = input.year
    const [funds, page, total] = await Promise.all([
      // One document per scheme and year: a few dozen in a city's lifetime.
      findAll<FundDoc>(ctx.db, 'funds', where, 1000),
      keysetPage<LedgerEntry>(ctx.db, 'ledger', where, LEDGER_ORDER, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }),
      countWhere(ctx.db, 'ledger', where),
    ])
    return {
      funds: funds
        .map((f) => ({
          family: f.family,
          year: f.year,
          contributionsFen: f.contributionsFen,
          payoutsFen: f.payoutsFen,
          balanceFen: f.contributionsFen - f.payoutsFen,
          entries: f.entries,
        }))
        .sort((a, b) => a.family.localeCompare(b.family) || b.year - a.year),
      items: page.docs.map((e) => ({ id: e._id, family: e.family, year: e.year, type: e.type, amountFen: e.amountFen, sourceType: e.sourceType, sourceId: e.sourceId, ref: e.ref ?? null, on: e.on ?? null, at: e.at })),
      nextCursor: page.nextCursor,
      total,
    }
  },
})
