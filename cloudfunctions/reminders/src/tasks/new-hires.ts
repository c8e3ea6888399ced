import { addMonths, daysBetween, newHireLimit } from '@mutual-aid/shared-rules'
import { wxDate, wxThing } from '@mutual-aid/contracts'
import type { UserDoc } from '@cloud-shared/context'
import type { ParticipationDoc, PersonDoc, UnitDoc } from '@cloud-shared/documents'
import type { Reminder } from '@cloud-shared/remind'
import { findIn, pageAfter } from '../scan'
import type { Task } from '../tick'

/** Calendar days before the new-hire limit at which the clerk is reminded. */
export const NEW_HIRE_DAYS_BEFORE = 15

/**
 * New hires of units enrolled this period who are not enrolled yet, nearing the version's limit (WH 第十三条: within
 * 2 months of joining, same shares as their colleagues): the unit's clerks are reminded once per person and period.
 * Versions without a new-hire rule (TZ) are skipped.
 */
export const newHiresTask: Task = {
  name: 'newHires',
  async page(tick, cursor) {
    const { ctx, today } = tick
    const year = Number(today.slice(0, 4))
    const scheme = tick.schemes.registry.forYear('WH', year)
    if (!scheme?.newHire) return { next: null, finished: true }
    const _ = ctx.db.command
    const earliest = addMonths(today, -scheme.newHire.months)
    const { docs: people, next } = await pageAfter<PersonDoc>(ctx.db, 'people', { status: 'in_service', hireDate: _.gte(earliest).and(_.lte(today)) }, cursor)
    if (people.length === 0) return { next, finished: true }
    const unitIds = people.map((p) => p.unitId)
    const [units, paid, enrolled, clerks] = await Promise.all([
      findIn<UnitDoc>(ctx.db, 'units', '_id', unitIds, { family: 'WH' }),
      findIn<{ unitId: string }>(ctx.db, 'enrolments', 'unitId', unitIds, { year, kind: 'annual', status: 'paid' }),
      findIn<ParticipationDoc>(ctx.db, 'participations', 'idHash', people.map((p) => p.idHash), { family: 'WH', year }),
      findIn<UserDoc>(ctx.db, 'users', 'unitId', unitIds, { role: 'clerk' }),
    ])
    const unitById = new Map(units.map((u) => [u._id, u]))
    const paidUnits = new Set(paid.map((e) => e.unitId))
    const enrolledHashes = new Set(enrolled.filter((p) => p.status !== 'void').map((p) => p.idHash))
    const reminders: Reminder[] = []
    for (const person of people) {
      const unit = unitById.get(person.unitId)
      if (!unit || !paidUnits.has(unit._id) || enrolledHashes.has(person.idHash)) continue
      const limit = newHireLimit(scheme, person.hireDate)
      if (!limit) continue
      const left = daysBetween(today, limit.date)
      if (left < 0 || left > NEW_HIRE_DAYS_BEFORE) continue
      for (const clerk of clerks.filter((c) => c.unitId === unit._id)) {
        reminders.push({
          id: `new_hire:${person._id}:${year}:${clerk._id}`,
          kind: 'new_hire',
          openid: clerk._id,
          template: 'newHireDeadline',
          title: `新职工${person.name}参加互助的期限是 ${limit.date}`,
          body: `${person.name}于 ${person.hireDate} 入职，尚未参加本期互助。新入职职工须在入职 2 个月内参加，份数与本单位其他参加人相同（${limit.basis}），最后一天为 ${limit.date}。请在“网上申报”中为其办理增员。`,
          page: 'packages/enrol/declare/index',
          fields: { thing1: wxThing(`新职工${person.name}参加互助`), date2: wxDate(person.hireDate), date3: wxDate(limit.date) },
          ref: { entity: 'person', id: person._id },
        })
      }
    }
    return { next, finished: await tick.tell(reminders) }
  },
}
