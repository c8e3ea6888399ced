import type { HandlerContext } from '@cloud-shared/context'
import { findById } from '@cloud-shared/db'
import { forbidden, notFound } from '@cloud-shared/errors'
import type { ReviewLevel } from '@mutual-aid/shared-rules'
import type { ClaimDoc } from './model'

/**
 * Whether the caller has a stake in the claim: they filed it (a worker for themself, a clerk on someone's behalf, a
 * beneficiary), or they are its participant — by the roster person their WeChat is bound to, or as the WeChat user the
 * claim's person was bound to when it was filed. Such a caller may follow the claim but never review, decide or pay it.
 */
export function isInvolved(ctx: HandlerContext, claim: Pick<ClaimDoc, 'filedBy' | 'personId' | 'personOpenid'>): boolean {
  const { openid, user } = ctx.caller
  if (claim.filedBy.openid === openid) return true
  if (claim.personOpenid && claim.personOpenid === openid) return true
  return !!user?.personId && user.personId === claim.personId
}

/**
 * Which review levels the caller holds over this claim (a clerk of its unit, an agent of its units, the office) —
 * none when they are involved in it (separation of duties: nobody reviews their own claim, whatever staff role they
 * also hold).
 */
export function reviewLevelsOver(ctx: HandlerContext, claim: Pick<ClaimDoc, 'unitId' | 'agentId' | 'filedBy' | 'personId' | 'personOpenid'>): ReviewLevel[] {
  if (isInvolved(ctx, claim)) return []
  const { roles, user } = ctx.caller
  const levels: ReviewLevel[] = []
  if (roles.includes('clerk') && user?.unitId && user.unitId === claim.unitId) levels.push('clerk')
  if (roles.includes('agent') && user?.agentId && user.agentId === claim.agentId) levels.push('agent')
  if (roles.includes('office')) levels.push('office')
  return levels
}

/** Whether the caller holds a staff role that would review this claim were they not involved in it. */
export function wouldReview(ctx: HandlerContext, claim: Pick<ClaimDoc, 'unitId' | 'agentId'>): boolean {
  const { roles, user } = ctx.caller
  return (
    (roles.includes('clerk') && user?.unitId === claim.unitId) ||
    (roles.includes('agent') && user?.agentId === claim.agentId) ||
    roles.includes('office')
  )
}

/**
 * {@link isInvolved}, and also a caller bound to another roster record of the claim's person (someone who changed
 * units), matched by the resident ID's keyed hash.
 */
export async function isInvolvedAnywhere(ctx: HandlerContext, claim: ClaimDoc): Promise<boolean> {
  if (isInvolved(ctx, claim)) return true
  const ownPersonId = ctx.caller.user?.personId
  if (!ownPersonId) return false
  const [own, p] = await Promise.all([
    findById<{ idHash: string }>(ctx.db, 'people', ownPersonId),
    claim.personIdHash ? Promise.resolve({ idHash: claim.personIdHash }) : findById<{ idHash: string }>(ctx.db, 'participations', claim.participationId),
  ])
  return !!own?.idHash && !!p?.idHash && own.idHash === p.idHash
}

/** The refusal for a caller involved in the claim, checked before every review step. */
export async function assertNotInvolved(ctx: HandlerContext, claim: ClaimDoc): Promise<void> {
  if (await isInvolvedAnywhere(ctx, claim)) {
    throw forbidden('您是该申请的申请人、参加人或受益人，不能审核、审批或支付自己相关的申请，请由其他工作人员办理。')
  }
}

/** The filer (who may also be a clerk who filed for a worker) or the participant themself. */
export function isFilerOrParticipant(ctx: HandlerContext, claim: Pick<ClaimDoc, 'filedBy' | 'personId'>): boolean {
  const { openid, user, roles } = ctx.caller
  if (claim.filedBy.openid === openid) return true
  return roles.includes('worker') && !!user?.personId && user.personId === claim.personId
}

/** The claim's participant themself (the roster person the caller's WeChat is bound to). */
export function isParticipant(ctx: HandlerContext, claim: Pick<ClaimDoc, 'personId'>): boolean {
  const { user, roles } = ctx.caller
  return roles.includes('worker') && !!user?.personId && user.personId === claim.personId
}

/**
 * A claim proposed from the bureau's settlement data that the participant has not accepted (proposed, held, declined,
 * lapsed): nobody has applied for anything yet, so only the participant and the office see it — not the unit or the
 * agent, who see it once the participant accepts it.
 */
export function isUnacceptedProposal(claim: Pick<ClaimDoc, 'source' | 'status'>): boolean {
  return claim.source === 'settlement' && ['proposed', 'held', 'declined', 'lapsed'].includes(claim.status)
}

/**
 * Who may see a claim (and open its photos): worker → their own claims; beneficiary → the claims they filed;
 * clerk → their unit's; agent → its units'; office → all. An unaccepted proposal: its participant and the office.
 */
export function canSee(ctx: HandlerContext, claim: Pick<ClaimDoc, 'filedBy' | 'personId' | 'personOpenid' | 'unitId' | 'agentId' | 'source' | 'status'>): boolean {
  if (isUnacceptedProposal(claim)) return isParticipant(ctx, claim) || (!isInvolved(ctx, claim) && ctx.caller.roles.includes('office'))
  return isFilerOrParticipant(ctx, claim) || reviewLevelsOver(ctx, claim).length > 0
}

export function assertCanSee(ctx: HandlerContext, claim: ClaimDoc): void {
  if (!canSee(ctx, claim)) throw forbidden('您无权查看此申请。')
}

/** The claim, or NOT_FOUND. */
export async function loadClaim(ctx: HandlerContext, claimId: string): Promise<ClaimDoc> {
  const claim = await findById<ClaimDoc>(ctx.db, 'claims', claimId)
  if (!claim) throw notFound('该申请')
  return claim
}

/** The claim if the caller may see it (filer, participant, reviewers in scope); NOT_FOUND or FORBIDDEN otherwise. */
export async function loadVisibleClaim(ctx: HandlerContext, claimId: string): Promise<ClaimDoc> {
  const claim = await loadClaim(ctx, claimId)
  assertCanSee(ctx, claim)
  return claim
}
