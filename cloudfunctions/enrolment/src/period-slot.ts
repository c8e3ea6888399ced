import type { HandlerContext } from '@cloud-shared/context'
import type { AppError } from '@cloud-shared/errors'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import type { EnrolmentDoc } from './model'

/**
 * A declaration a unit makes at most once per period: the annual declaration, and the TZ private enterprises' one
 * replacement batch (参保对象替换). Its `slots` document (`<kind>-<unitId>-<year>`) names the declaration holding it.
 */
export interface PeriodSlot {
  kind: 'annual' | 'replacement'
  unitId: string
  year: number
  /** Whether the declaration holding the slot still holds it (a returned replacement batch gives it back). */
  holds(held: EnrolmentDoc): boolean
  /** The refusal when the slot is held. */
  refusal(held: EnrolmentDoc): AppError
}

export const slotIdOf = (slot: Pick<PeriodSlot, 'kind' | 'unitId' | 'year'>): string => `${slot.kind}-${slot.unitId}-${slot.year}`

/**
 * Takes the period's slot for a new declaration inside the transaction that creates it, so of any number of
 * concurrent declarations only one gets the slot: the others write the same slot document, conflict, are retried on a
 * fresh snapshot and find it held. A slot whose declaration no longer exists (undone) is free.
 */
export async function takeSlotInTx(ctx: HandlerContext, tx: SdkHandle, slot: PeriodSlot, enrolmentId: string): Promise<void> {
  const slotId = slotIdOf(slot)
  const current = await txGet<{ enrolmentId: string }>(tx, 'slots', slotId)
  const held = current ? await txGet<EnrolmentDoc>(tx, 'enrolments', current.enrolmentId) : null
  if (held && slot.holds(held)) throw slot.refusal(held)
  await tx.collection('slots').doc(slotId).set({ data: { kind: slot.kind, unitId: slot.unitId, year: slot.year, enrolmentId, at: ctx.clock.now() } })
}
