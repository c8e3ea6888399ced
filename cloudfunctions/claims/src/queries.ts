import { daysBetween } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import { forbidden } from '@cloud-shared/errors'
import { tempUrls } from '@cloud-shared/files'
import { audit } from '@cloud-shared/audit'
import { checkPages } from './evidence'
import { claimRefInput, ledgerInput, queueInput, noInput } from '@mutual-aid/contracts'
import { CLAIM_STATUSES, levelFor, transition, type ClaimEvent, type ClaimStatus } from '@mutual-aid/shared-rules'
import type { ClaimDoc } from './model'
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
        ? await findById<{ files: Record<string, string[]>; note: string; returnedAt: Date | null }>(ctx.db, 'claimDrafts', `resubmit-${claim._id}`)
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
    // Every opening of the bureau's data about a person's stay is on record.
    if (fromSettlement) await audit(ctx, { action: 'claim.settlement.view', entity: 'claim', entityId: claim._id, after: { claimNo: claim.claimNo, status: claim.status } })
    return {
      id: claim._id,
      claimNo: claim.claimNo,
      version: claim.version,
      family: claim.family,
      schemeId: claim.schemeId,
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
      actions: allowedActions(ctx, claim, involved),
      resubmission: sameReturn && resubmission ? { files: resubmission.files, note: resubmission.note } : null,
      today,
      source: claim.source ?? 'manual',
      settlement: fromSettlement ? settlementView(claim.settlement!) : null,
      offer,
      linkedClaimNo: linked && canSee(ctx, linked) ? linked.claimNo : null,
    }
  },
})

/** The claims the caller filed or that are for them (worker, beneficiary, a clerk's own filings), newest first. */
export const mine = action({
  access: 'signed-in',
  input: noInput,
  async run(ctx) {
    const personId = ctx.caller.roles.includes('worker') ? ctx.caller.user?.personId : undefined
    const [filed, forMe] = await Promise.all([
      findAll<ClaimDoc>(ctx.db, 'claims', { 'filedBy.openid': ctx.caller.openid }),
      personId ? findAll<ClaimDoc>(ctx.db, 'claims', { personId }) : Promise.resolve([] as ClaimDoc[]),
    ])
    const byId = new Map<string, ClaimDoc>()
    // A held proposal was never offered (the stay is claimed by hand): it is the office's to see, not the worker's list.
    for (const c of [...filed, ...forMe]) if (c.status !== 'held') byId.set(c._id, c)
    const today = ctx.clock.today()
    return [...byId.values()]
      .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
      .map((c) => listItem(c, today))
  },
})

/**
 * The review queue in the caller's scope (clerk: their unit; agent: its units; office: all), filtered by status,
 * scheme and agent; overdue and nearly due claims first; with counts per status.
 */
export const queue = action({
  access: ['clerk', 'agent', 'office'],
  input: queueInput,
  async run(ctx, input) {
    const { roles, user } = ctx.caller
    const where: Record<string, unknown> = {}
    if (roles.includes('office')) {
      if (input.agentId) where.agentId = input.agentId
    } else if (roles.includes('agent')) {
      if (!user?.agentId) throw forbidden()
      where.agentId = user.agentId
    } else {
      if (!user?.unitId) throw forbidden()
      where.unitId = user.unitId
    }
    if (input.family) where.family = input.family
    // Proposals the participant has not accepted are not the unit's or agent's to see (scope.ts canSee).
    const all = (await findAll<ClaimDoc>(ctx.db, 'claims', where)).filter((c) => canSee(ctx, c))
    const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>
    for (const c of all) counts[c.status] += 1
    const today = ctx.clock.today()
    const rank: Record<NonNullable<DueState> | 'none', number> = { overdue: 0, due_soon: 1, on_time: 2, none: 3 }
    const items = all
      .filter((c) => !input.status || c.status === input.status)
      .map((c) => listItem(c, today))
      .sort(
        (a, b) =>
          rank[a.dueState ?? 'none'] - rank[b.dueState ?? 'none'] ||
          (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
          a.submittedOn.localeCompare(b.submittedOn) ||
          a.claimNo.localeCompare(b.claimNo),
      )
    // The office filters by agent: name them (a handful of district and sector unions).
    const agents = roles.includes('office')
      ? (await findAll<{ _id: string; name: string }>(ctx.db, 'agents', {})).map((a) => ({ id: a._id, name: a.name }))
      : []
    return { counts, total: all.length, items, agents }
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

/** The fund per scheme and year (Art. 20–21): contributions − payouts, with its entries. Office only. */
export const ledger = action({
  access: ['office'],
  input: ledgerInput,
  async run(ctx, input) {
    const where: Record<string, unknown> = {}
    if (input.family) where.family = input.family
    if (input.year) where.year = input.year
    const entries = await findAll<LedgerEntry>(ctx.db, 'ledger', where)
    const funds = new Map<string, { family: 'WH' | 'TZ'; year: number; contributionsFen: number; payoutsFen: number; balanceFen: number; entries: number }>()
    for (const e of entries) {
      const key = `${e.family}-${e.year}`
      const f = funds.get(key) ?? { family: e.family, year: e.year, contributionsFen: 0, payoutsFen: 0, balanceFen: 0, entries: 0 }
      if (e.type === 'contribution') f.contributionsFen += e.amountFen
      else f.payoutsFen += e.amountFen
      f.balanceFen = f.contributionsFen - f.payoutsFen
      f.entries += 1
      funds.set(key, f)
    }
    return {
      funds: [...funds.values()].sort((a, b) => a.family.localeCompare(b.family) || b.year - a.year),
      entries: entries
        .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
        .slice(0, 200)
        .map((e) => ({ id: e._id, family: e.family, year: e.year, type: e.type, amountFen: e.amountFen, sourceType: e.sourceType, sourceId: e.sourceId, ref: e.ref ?? null, on: e.on ?? null, at: e.at })),
    }
  },
})
