import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById } from '@cloud-shared/db'
import { adjustRosterCountsInTx, cellsOf, countedYears } from '@cloud-shared/roster-counts'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'
import type { SdkHandle } from '@cloud-shared/sdk'
import { conflict, notFound } from '@cloud-shared/errors'
import { rosterSetStatusSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import type { PersonDoc } from '@cloud-shared/documents'

/**
 * Marks a person as left, retired or back in service. This changes the roster only: a participant's coverage for
 * the current period continues (no withdrawal mid-period, Art. 11); the change shows at the next renewal.
 */
export const setStatus = action({
  access: ['clerk'],
  input: rosterSetStatusSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    const person = await findById<Pick<PersonDoc, '_id' | 'unitId' | 'status' | 'idHash' | 'sex'>>(ctx.db, 'people', input.personId)
    if (!person || person.unitId !== unit._id) throw notFound('该职工')
    // Where the person counts on the declaration screen of each period the unit can declare (the version check below
    // makes sure the status these cells leave is the one the transaction changes).
    const years = countedYears(ctx.clock.today())
    const cells = await Promise.all(years.map((y) => cellsOf(ctx, unit._id, unit.family, y, [person]).then((c) => c[0])))
    // The status, the roster's new revision and its kept figures together (a declaration prepared before is then
    // refused, not changed).
    await runInTransaction(ctx.db, async (tx: SdkHandle) => {
      const fresh = await txGet<Pick<PersonDoc, 'version' | 'status'>>(tx, 'people', person._id)
      if (!fresh) throw notFound('该职工')
      if (fresh.version !== input.version) throw conflict()
      await tx.collection('people').doc(person._id).update({ data: { status: input.status, version: ctx.db.command.inc(1), updatedAt: ctx.clock.now() } })
      const was = fresh.status === 'in_service'
      const is = input.status === 'in_service'
      await adjustRosterCountsInTx(ctx, tx, unit._id, was === is ? [] : years.map((year, i) => ({ year, from: was ? cells[i] : null, to: is ? cells[i] : null })))
    })
    await audit(ctx, { action: 'roster.setStatus', entity: 'people', entityId: person._id, before: { status: person.status }, after: { status: input.status } })
    return { status: input.status }
  },
})
