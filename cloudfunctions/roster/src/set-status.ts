import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { findById, updateVersioned } from '@cloud-shared/db'
import { notFound } from '@cloud-shared/errors'
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
    await updateVersioned(ctx.db, 'people', person._id, input.version, { status: input.status })
    await audit(ctx, { action: 'roster.setStatus', entity: 'people', entityId: person._id, before: { status: person.status }, after: { status: input.status } })
    return { status: input.status }
  },
})
