import { staysOverlap, type Stay } from '@mutual-aid/shared-rules'
import type { HandlerContext } from './context'
import type { ParticipationDoc, StayEntry } from './documents'
import type { SdkHandle } from './sdk'
import { txGet } from './tx'

/**
 * The inpatient stays a participation has claims for (`ParticipationDoc.inpatientStays`), by either channel: a claim
 * filed by hand registers its stay in the transaction that creates it, a proposal from the bureau's settlement data
 * in the version-checked update before its claim is written. Both read the participation first and write it, so the
 * database (a transaction's write conflict, or the version check) lets only one of two racing claims for one stay
 * through.
 */

/** The claim already registered for a stay overlapping `stay`, other than `ownClaimId`, or null. */
export function overlappingStay(stays: readonly StayEntry[] | undefined, stay: Stay, ownClaimId?: string): StayEntry | null {
  return (stays ?? []).find((s) => s.claimId !== ownClaimId && staysOverlap(s, stay)) ?? null
}

/**
 * Allowance days claimed but not yet added to `inpatientDaysUsed` (claims in review or proposed), other than
 * `ownClaimId`'s: with the days used, what a new proposal must leave room for (the 30-day cap counts everything paid
 * or proposed in the period).
 */
export function openAllowanceDays(stays: readonly StayEntry[] | undefined, ownClaimId?: string): number {
  return (stays ?? []).filter((s) => !s.counted && s.claimId !== ownClaimId).reduce((n, s) => n + s.days, 0)
}

/** The stays without the one of `claimId` (a proposal declined or lapsed, a claim rejected: the stay is free again). */
export function withoutStay(stays: readonly StayEntry[] | undefined, claimId: string): StayEntry[] {
  return (stays ?? []).filter((s) => s.claimId !== claimId)
}

/** The stays with `claimId`'s days now counted in `inpatientDaysUsed` (its approval added them). */
export function withStayCounted(stays: readonly StayEntry[] | undefined, claimId: string): StayEntry[] {
  return (stays ?? []).map((s) => (s.claimId === claimId ? { ...s, counted: true } : s))
}

/**
 * Frees the stay a claim held on its participation, inside the caller's transaction (a proposal declined or lapsed, a
 * claim rejected). The version moves on, so an import deciding this participation at the same moment decides again.
 */
export async function freeStay(ctx: HandlerContext, tx: SdkHandle, participationId: string, claimId: string): Promise<void> {
  const p = await txGet<ParticipationDoc>(tx, 'participations', participationId)
  if (!p?.inpatientStays?.some((st) => st.claimId === claimId)) return
  await tx.collection('participations').doc(participationId).update({
    data: { inpatientStays: ctx.db.command.set(withoutStay(p.inpatientStays, claimId)), version: ctx.db.command.inc(1), updatedAt: ctx.clock.now() },
  })
}
