import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'
import { unitGetSchema } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'

interface UnitChange {
  before: Record<string, unknown>
  after: Record<string, unknown>
  changedOn: string
  reportedOn: string
  late: boolean
  basis: string | null
}

/** One unit with its agent's name and its recorded changes (newest first). */
export const get = action({
  access: ['clerk', 'agent', 'office'],
  input: unitGetSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    const [agent, changes, clerks] = await Promise.all([
      findById<{ name: string }>(ctx.db, 'agents', unit.agentId),
      ctx.db.collection('unitChanges').where({ unitId: unit._id }).orderBy('at', 'desc').limit(20).get(),
      ctx.db.collection('users').where({ role: 'clerk', unitId: unit._id }).field({ name: true }).limit(20).get(),
    ])
    return {
      today: ctx.clock.today(),
      unit: { ...unit, agentName: agent?.name ?? '' },
      changes: (changes.data as UnitChange[]).map((c) => ({
        before: c.before,
        after: c.after,
        changedOn: c.changedOn,
        reportedOn: c.reportedOn,
        late: c.late,
        basis: c.basis,
      })),
      clerks: (clerks.data as { name: string }[]).map((c) => ({ name: c.name })),
    }
  },
})
