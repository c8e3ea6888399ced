import { checkEnrolmentDate, maxReplacementCount } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { operationIdOf } from '@cloud-shared/operation'
import type { AddedBatch } from '@mutual-aid/contracts'
import { findAll } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { replacementSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc, ParticipationDoc, PersonDoc } from './model'
import { estimatedStart, schemeFor } from './period'
import { assertNoDuplicates, declare, priceDeclaration, resumeDeclaration, selectPeople } from './declaration'

/**
 * 参保对象替换 (TZ private enterprises): one batch per period, replacing at most 20 % of the enrolled participants
 * with the same number of in-service colleagues. The fee difference (new people minus the replaced people, for the
 * rest of the period) is recomputed; the batch is reviewed and paid like a declaration, and the replaced people's
 * coverage ends the day before the new people's starts. Nobody withdraws otherwise (Art. 11).
 */
export const replace = action({
  access: ['clerk'],
  input: replacementSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    // A retry of the same batch while it is still being written resumes it; another batch is another request (and
    // finds the period's slot taken).
    const opId = operationIdOf('replace', unit._id, input.year, [...new Set(input.outPersonIds)].sort().join(','), [...new Set(input.inPersonIds)].sort().join(','))
    const resumed = await resumeDeclaration<AddedBatch & { replacedCount: number }>(ctx, opId)
    if (resumed) return resumed
    const today = ctx.clock.today()
    const scheme = schemeFor(await loadSchemes(ctx.db), unit.family, input.year)
    // Refused first when paying today buys no day of the period (WH 第三条).
    const coverageStartEstimate = estimatedStart(scheme, input.year, today)
    const enrolments = await findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year: input.year }, 1000)
    const annual = enrolments.find((e) => e.kind === 'annual' && e.status === 'paid')
    if (!annual) throw new AppError('NO_ANNUAL', `本单位 ${input.year} 年度的申报尚未缴费生效，暂不能替换参保对象。`)
    const active = await findAll<ParticipationDoc>(ctx.db, 'participations', { unitId: unit._id, year: input.year, status: 'active' }, 200_000)
    const max = maxReplacementCount(scheme, unit.unitType, active.length)
    if (max === 0) throw new AppError('REPLACEMENT_NOT_ALLOWED', '只有民营企业可以办理参保对象替换；其他单位期中不能退出或替换（第十一条）。')
    if (enrolments.some((e) => e.kind === 'replacement' && e.status !== 'returned')) {
      throw new AppError('REPLACEMENT_USED', '本期已办理过一次参保对象替换，每期只能替换一次。')
    }
    const window = checkEnrolmentDate(scheme, today)
    if (!window.ok && window.reason.code === 'ENROLMENT_NOT_OPEN') throw AppError.fromRule(window.reason)
    const outIds = [...new Set(input.outPersonIds)]
    if (outIds.length > max) {
      throw new AppError('REPLACEMENT_OVER_LIMIT', `本单位本期参加 ${active.length} 人，最多可替换 ${max} 人（不超过 20%），本次选择了 ${outIds.length} 人。`)
    }
    if (input.inPersonIds.length !== outIds.length) {
      throw new AppError('REPLACEMENT_COUNT', `替换须一人换一人：换出 ${outIds.length} 人，换入 ${input.inPersonIds.length} 人。`)
    }
    const activeByPerson = new Map(active.map((p) => [p.personId, p]))
    const outs = outIds.map((id) => activeByPerson.get(id))
    if (outs.some((p) => !p)) throw new AppError('NOT_PARTICIPANT', '换出的人员必须是本单位本期已生效的参加人，请刷新后重新选择。')
    const roster = await findAll<PersonDoc>(ctx.db, 'people', { unitId: unit._id }, 200_000)
    const ins = selectPeople(roster, input.inPersonIds)
    await assertNoDuplicates(ctx, scheme.family, input.year, ins)

    const incoming = priceDeclaration(scheme, unit, coverageStartEstimate, annual.shares, annual.products, ins.map((p) => ({ firstTime: true, sex: p.sex })))
    const outgoing = priceDeclaration(scheme, unit, coverageStartEstimate, annual.shares, annual.products, outs.map((p) => ({ firstTime: true, sex: p!.sex })))
    const totalFen = Math.max(0, incoming.totalFen - outgoing.totalFen)
    const lines = [
      ...incoming.lines.map((l) => ({ ...l, label: `换入：${l.label}` })),
      ...outgoing.lines.map((l) => ({ ...l, label: `换出（剩余期间）：${l.label}`, amountFen: -l.amountFen })),
    ]
    return declare(
      ctx,
      {
        unit,
        scheme,
        year: input.year,
        kind: 'replacement',
        people: ins,
        firstTime: () => true,
        shares: annual.shares,
        products: annual.products,
        staffCount: roster.filter((p) => p.status === 'in_service').length,
        quote: { totalFen, lines, coverageStartEstimate },
        replacedParticipationIds: outs.map((p) => p!._id),
      },
      {
        opId,
        // One batch per period, taken atomically: of concurrent batches only one is created (a returned one frees it).
        slot: {
          kind: 'replacement',
          unitId: unit._id,
          year: input.year,
          holds: (held) => held.status !== 'returned',
          refusal: () => new AppError('REPLACEMENT_USED', '本期已办理过一次参保对象替换，每期只能替换一次。'),
        },
        audit: { action: 'enrolment.replace', after: { out: outs.map((p) => p!.personId), in: ins.map((p) => p._id), totalFen } },
        answer: { participantCount: ins.length, replacedCount: outs.length, totalFen, lines },
      },
    )
  },
})
