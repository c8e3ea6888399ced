import { daysBetween } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { updateVersioned } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { notify } from '@cloud-shared/notify'
import { unitUpdateSchema } from '@/features/enrolment/schemas'
import { unitInScope, usersWithRole } from './scope'

/** Art. 23: a unit reports changed name, address or contact within 15 days. */
const REPORT_WITHIN_DAYS = 15
const ART_23 = '第二十三条'

/**
 * A unit's details change (name, address, contact). The change is recorded in `unitChanges`; one reported more than
 * 15 days after it took effect is flagged to the office (Art. 23).
 */
export const update = action({
  access: ['clerk', 'agent', 'office'],
  input: unitUpdateSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    const today = ctx.clock.today()
    if (input.changedOn > today) throw new AppError('INVALID_INPUT', '变更日期不能晚于今天。')
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(input.changes)) {
      if (v !== undefined && (unit as unknown as Record<string, unknown>)[k] !== v) {
        before[k] = (unit as unknown as Record<string, unknown>)[k]
        after[k] = v
      }
    }
    if (!Object.keys(after).length) throw new AppError('NO_CHANGE', '填写的内容与现有信息相同，无需变更。')
    const lateDays = daysBetween(input.changedOn, today)
    const late = lateDays > REPORT_WITHIN_DAYS
    const lastChange = { reportedOn: today, changedOn: input.changedOn, late }
    await updateVersioned(ctx.db, 'units', unit._id, input.version, { ...after, lastChange })
    const change = {
      unitId: unit._id,
      agentId: unit.agentId,
      before,
      after,
      changedOn: input.changedOn,
      reportedOn: today,
      late,
      basis: ART_23,
      openid: ctx.caller.openid,
      at: ctx.clock.now(),
    }
    await ctx.db.collection('unitChanges').add({ data: change })
    await audit(ctx, { action: 'unit.update', entity: 'units', entityId: unit._id, before, after, note: late ? `逾期 ${lateDays} 天报告（${ART_23}）` : undefined })
    if (late) {
      for (const openid of await usersWithRole(ctx, 'office')) {
        await notify(ctx, {
          openid,
          template: 'enrolmentReviewed',
          title: '单位信息逾期变更',
          body: `${unit.name} 的信息变更于 ${input.changedOn} 发生，${today} 才报告，超过 ${REPORT_WITHIN_DAYS} 天（${ART_23}）。`,
          page: `packages/enrol/units/index`,
          fields: { thing1: unit.name.slice(0, 20), phrase2: '逾期变更', date3: today },
          ref: { entity: 'units', id: unit._id },
        })
      }
    }
    return { late, lateDays, basis: ART_23 }
  },
})
