import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById } from '@cloud-shared/db'
import { bumpRosterInTx } from '@cloud-shared/roster-revision'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { conflict, notFound } from '@cloud-shared/errors'
import { rosterSetStatusSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'

/**
 * Marks a person as left, retired or back in service. This changes the roster only: a participant's coverage for
 * the current period continues (no withdrawal mid-period, Art. 11); the change shows at the next renewal.
 */
export const setStatus = action({
  access: ['clerk'],
  input: rosterSetStatusSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    const person = await findById<{ _id: string; unitId: string; status: string }>(ctx.db, 'people', input.personId)
    if (!person || person.unitId !== unit._id) throw notFound('该职工')
    // The status and the roster's new revision together (a declaration prepared before is then refused, not changed).
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const fresh = await txGet<{ version: number }>(tx, 'people', person._id)
      if (!fresh) throw notFound('该职工')
      if (fresh.version !== input.version) throw conflict()
      await tx.collection('people').doc(person._id).update({ data: { status: input.status, version: ctx.db.command.inc(1), updatedAt: ctx.clock.now() } })
      await bumpRosterInTx(ctx, tx, unit._id)
    })
    await audit(ctx, { action: 'roster.setStatus', entity: 'people', entityId: person._id, before: { status: person.status }, after: { status: input.status } })
    return { status: input.status }
  },
})
