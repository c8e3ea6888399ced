import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { updateVersioned } from '@cloud-shared/db'
import { staffReportSchema } from '@mutual-aid/contracts'
import { unitInScope } from '@cloud-shared/unit-scope'

/** Art. 5: a first-time unit files last month's staff report (head count, optional scan of the report). */
export const recordStaffReport = action({
  access: ['clerk', 'agent', 'office'],
  input: staffReportSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    const staffReport = { month: input.month, headcount: input.headcount, fileID: input.fileID ?? null, recordedAt: ctx.clock.now() }
    await updateVersioned(ctx.db, 'units', unit._id, unit.version, { staffReport })
    await audit(ctx, { action: 'unit.staffReport', entity: 'units', entityId: unit._id, before: unit.staffReport ?? null, after: staffReport })
    return { staffReport: { month: input.month, headcount: input.headcount } }
  },
})
