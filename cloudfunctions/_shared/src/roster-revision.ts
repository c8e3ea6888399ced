import type { HandlerContext } from './context'
import type { SdkHandle } from './sdk'

/**
 * Moves a unit's roster revision, inside the transaction of the roster change it marks (a person added or their
 * status changed, a roster import starting and ending). A declaration of "everyone except …" names the revision the
 * clerk's page was prepared at and is refused with 名单已变化 when it moved — at submit and while it is written.
 */
export async function bumpRosterInTx(ctx: HandlerContext, tx: SdkHandle, unitId: string): Promise<void> {
  await tx.collection('units').doc(unitId).update({ data: { rosterRevision: ctx.db.command.inc(1), updatedAt: ctx.clock.now() } })
}

/**
 * Marks the kept roster figures of these units stale (`standingRevision`, roster-counts.ts), inside the transaction
 * that ends an operation which wrote participations of people on their rosters (operation.ts `staleUnits`).
 */
export async function markStandingsInTx(ctx: HandlerContext, tx: SdkHandle, unitIds: string[]): Promise<void> {
  for (const unitId of unitIds) await tx.collection('units').doc(unitId).update({ data: { standingRevision: ctx.db.command.inc(1) } })
}
