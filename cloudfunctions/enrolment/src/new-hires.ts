import { checkEnrolmentDate, newHireLimit } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { operationIdOf } from '@cloud-shared/operation'
import type { AddedBatch } from '@mutual-aid/contracts'
import { findAll } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { newHireSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc, PersonDoc } from './model'
import { estimatedStart, schemeFor } from './period'
import { assertNoDuplicates, declare, nameList, priceDeclaration, resumeDeclaration, selectPeople } from './declaration'

/**
 * New hires during the period, with the unit's shares and products, always as first-time participants (Art. 12):
 * inside the scheme's enrolment window where it has one (TZ), and within the scheme's new-hire limit where it sets one
 * (WH Art. 13: 2 months from the hire date; later is refused with the date that was missed). The batch goes through
 * review and payment like a declaration.
 */
export const addNewHires = action({
  access: ['clerk'],
  input: newHireSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    // A retry of the same batch while it is still being written resumes it.
    const opId = operationIdOf('newhire', unit._id, input.year, ...[...new Set(input.personIds)].sort())
    const resumed = await resumeDeclaration<AddedBatch>(ctx, opId)
    if (resumed) return resumed
    const today = ctx.clock.today()
    const scheme = schemeFor(await loadSchemes(ctx.db), unit.family, input.year)
    // Refused first when paying today buys no day of the period (WH 第三条).
    const coverageStartEstimate = estimatedStart(scheme, input.year, today)
    const annual = (await findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year: input.year, kind: 'annual' }, 100)).find((e) => e.status !== 'returned')
    if (!annual) throw new AppError('NO_ANNUAL', `本单位 ${input.year} 年度尚未申报，请先办理年度申报。`)
    const window = checkEnrolmentDate(scheme, today)
    if (!window.ok) throw AppError.fromRule(window.reason, `${window.reason.message}（${window.reason.basis}）`)
    const roster = await findAll<PersonDoc>(ctx.db, 'people', { unitId: unit._id }, 200_000)
    const people = selectPeople(roster, input.personIds)
    const late = people.filter((p) => {
      const limit = newHireLimit(scheme, p.hireDate)
      return limit !== null && today > limit.date
    })
    if (late.length && scheme.newHire) {
      const first = late[0]
      const deadline = newHireLimit(scheme, first.hireDate)!
      throw new AppError(
        'LATE_NEW_HIRE',
        `${nameList(late.map((p) => `${p.name}（${p.hireDate} 入职）`))} 已超过入职后 ${scheme.newHire.months} 个月的增员期限（如 ${first.name} 最迟应于 ${deadline.date} 前申报，${deadline.basis}），期中不能再加入，请在下一期续保时一并申报。`,
      )
    }
    await assertNoDuplicates(ctx, scheme.family, input.year, people)
    const priced = priceDeclaration(scheme, unit, coverageStartEstimate, annual.shares, annual.products, people.map((p) => ({ firstTime: true, sex: p.sex })))
    return declare(
      ctx,
      {
        unit,
        scheme,
        year: input.year,
        kind: 'new_hire',
        people,
        firstTime: () => true,
        shares: annual.shares,
        products: annual.products,
        staffCount: roster.filter((p) => p.status === 'in_service').length,
        quote: { totalFen: priced.totalFen, lines: priced.lines, coverageStartEstimate },
      },
      {
        opId,
        audit: { action: 'enrolment.addNewHires', after: { participantCount: people.length, totalFen: priced.totalFen } },
        answer: { participantCount: people.length, totalFen: priced.totalFen, lines: priced.lines },
      },
    )
  },
})
