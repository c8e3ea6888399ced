import type { HandlerContext } from '@cloud-shared/context'
import { findById } from '@cloud-shared/db'
import { forbidden, notFound } from '@cloud-shared/errors'
import type { ReviewLevel } from '@mutual-aid/shared-rules'
import type { ClaimDoc } from './model'

/** Which review levels the caller holds over this claim (a clerk of its unit, an agent of its units, the office). */
export function reviewLevelsOver(ctx: HandlerContext, claim: Pick<ClaimDoc, 'unitId' | 'agentId'>): ReviewLevel[] {
  const { roles, user } = ctx.caller
  const levels: ReviewLevel[] = []
  if (roles.includes('clerk') && user?.unitId && user.unitId === claim.unitId) levels.push('clerk')
  if (roles.includes('agent') && user?.agentId && user.agentId === claim.agentId) levels.push('agent')
  if (roles.includes('office')) levels.push('office')
  return levels
}

/** The filer (who may also be a clerk who filed for a worker) or the participant themself. */
export function isFilerOrParticipant(ctx: HandlerContext, claim: Pick<ClaimDoc, 'filedBy' | 'personId'>): boolean {
  const { openid, user, roles } = ctx.caller
  if (claim.filedBy.openid === openid) return true
  return roles.includes('worker') && !!user?.personId && user.personId === claim.personId
}

/**
 * Who may see a claim (and open its photos): worker → their own claims; beneficiary → the claims they filed;
 * clerk → their unit's; agent → its units'; office → all.
 */
export function canSee(ctx: HandlerContext, claim: Pick<ClaimDoc, 'filedBy' | 'personId' | 'unitId' | 'agentId'>): boolean {
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
