import { wxDate, wxThing } from '@mutual-aid/contracts'
import { checkUnitChangeReport } from '@mutual-aid/shared-rules'
import { loadSchemes } from '@cloud-shared/schemes'
import { action } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { updateVersioned } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { notify } from '@cloud-shared/notify'
import { unitUpdateSchema } from '@mutual-aid/contracts'
import { unitInScope, usersWithRole } from '@cloud-shared/unit-scope'

/**
 * A unit's details change (name, address, contact). The change is recorded in `unitChanges`; one reported later than
 * its scheme allows (WH Art. 23: 15 days) is flagged to the office.
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
    // The version whose period runs today (not the calendar year's: TZ periods and windows do not follow it).
    const scheme = (await loadSchemes(ctx.db)).registry.forDate(unit.family, today, 'period')
    const check = scheme ? checkUnitChangeReport(scheme, input.changedOn, today) : null
    const late = check?.late ?? false
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
      basis: check?.basis ?? null,
      openid: ctx.caller.openid,
      at: ctx.clock.now(),
    }
    await ctx.db.collection('unitChanges').add({ data: change })
    await audit(ctx, { action: 'unit.update', entity: 'units', entityId: unit._id, before, after, note: check?.late ? `变更 ${check.daysAfter} 天后报告，超过 ${check.limitDays} 天（${check.basis}）` : undefined })
    if (check?.late) {
      for (const openid of await usersWithRole(ctx, 'office')) {
        await notify(ctx, {
          id: `${unit._id}:v${input.version + 1}:unitChangedLate`,
          openid,
          template: 'unitChangedLate',
          title: '单位信息逾期变更',
          body: `${unit.name} 的信息变更于 ${input.changedOn} 发生，${today} 才报告，超过 ${check.limitDays} 天（${check.basis}）。`,
          page: `packages/enrol/units/index`,
          fields: { thing1: wxThing(unit.name), phrase2: '逾期变更', date3: wxDate(today) },
          ref: { entity: 'units', id: unit._id },
        })
      }
    }
    return { late, lateDays: check?.daysAfter ?? null, limitDays: check?.limitDays ?? null, basis: check?.basis ?? null }
  },
})
