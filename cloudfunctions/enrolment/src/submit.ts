import { checkEnrolmentDate, checkParticipation, declarationPlan } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { AppError, conflict, notFound } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { enrolmentSubmitSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc, PersonDoc } from './model'
import { participationsByHash } from './lookups'
import { assertDeclarableYear, estimatedStart, isFirstTime, schemeFor } from './period'
import { operationIdOf } from '@cloud-shared/operation'
import type { SubmittedDeclaration } from '@mutual-aid/contracts'
import { assertNoDuplicates, declare, priceDeclaration, resumeDeclaration, selectPeople, type NewDeclaration } from './declaration'

/**
 * 网上申报: the clerk submits the confirmed roster for a period. Checked here, whatever the page showed: the TZ
 * enrolment window, retirees (Art. 14.3), the participation ratio, shares / products, the same ID already enrolled
 * in the scheme and period (Art. 6), and first-time vs continuous (Art. 12). The quote is computed here.
 * A returned declaration is resubmitted with its id and version.
 */
export const submit = action({
  access: ['clerk'],
  input: enrolmentSubmitSchema,
  async run(ctx, input) {
    const unit = await ownUnit(ctx)
    // A retry of the same declaration while it is still being written resumes it; a different request is another one.
    const request = [[...new Set(input.personIds)].sort().join(','), String(input.shares), [...input.products].sort().join(',')]
    const opId = input.enrolmentId
      ? operationIdOf('resubmit', input.enrolmentId, input.version ?? 0, ...request)
      : operationIdOf('declare', unit._id, input.year, 'annual', ...request)
    const resumed = await resumeDeclaration<SubmittedDeclaration>(ctx, opId)
    if (resumed) return resumed
    const today = ctx.clock.today()
    assertDeclarableYear(input.year, today)
    const scheme = schemeFor(await loadSchemes(ctx.db), unit.family, input.year)
    const window = checkEnrolmentDate(scheme, today)
    if (!window.ok) throw AppError.fromRule(window.reason, `${window.reason.message}（${window.reason.basis}）`)

    const existing = await findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year: input.year, kind: 'annual' }, 100)
    const returned = input.enrolmentId ? existing.find((e) => e._id === input.enrolmentId) : undefined
    if (input.enrolmentId && !returned) throw notFound('该申报')
    if (returned && input.version !== returned.version) throw conflict()
    if (returned && returned.status !== 'returned') throw conflict('该申报当前不是“已退回”状态，不能修改后重新提交。请刷新后查看。')
    const active = existing.find((e) => e.status !== 'returned')
    if (!returned && existing.length) {
      throw new AppError(
        'ALREADY_DECLARED',
        active
          ? `${input.year} 年度已提交过申报，不能重复申报。新入职职工请使用“新入职增员”。`
          : `${input.year} 年度的申报已被退回，请在申报记录中修改后重新提交。`,
      )
    }

    const plan = declarationPlan(scheme, { shares: input.shares, products: input.products })
    if (!plan.ok) throw AppError.fromRule(plan)
    const { shares, products } = plan

    const roster = await findAll<PersonDoc>(ctx.db, 'people', { unitId: unit._id }, 200_000)
    const people = selectPeople(roster, input.personIds)
    const previous = await participationsByHash(ctx, scheme.family, input.year - 1, roster.map((p) => p.idHash))
    const prevByHash = new Map(previous.filter((p) => p.status === 'active' && p.unitId === unit._id).map((p) => [p.idHash, p]))
    const firstTimeUnit = prevByHash.size === 0
    if (firstTimeUnit && !unit.staffReport) {
      throw new AppError('STAFF_REPORT_REQUIRED', '首次参加的单位须先填报上月职工人数（职工月报，第五条），请在本页填写后再提交。')
    }
    // A first-time unit's ratio counts against the larger of the roster and its staff report (no selective enrolment).
    const rosterStaff = roster.filter((p) => p.status === 'in_service').length
    const staffCount = firstTimeUnit ? Math.max(rosterStaff, unit.staffReport?.headcount ?? 0) : rosterStaff
    const participation = checkParticipation({ scheme, unitType: unit.unitType, finance: unit.finance, staff: staffCount, participants: people.length })
    if (!participation.ok) {
      throw new AppError('PARTICIPATION', participation.reasons.map((r) => `${r.message}（${r.basis}）`).join(''), { reasons: participation.reasons, requiredMin: participation.requiredMin })
    }
    await assertNoDuplicates(ctx, scheme.family, input.year, people, returned?._id)

    const firstTimeById = new Map(people.map((p) => [p._id, isFirstTime(scheme, input.year, prevByHash.get(p.idHash), today)]))
    const coverageStartEstimate = estimatedStart(scheme, input.year, today)
    const priced = priceDeclaration(scheme, unit, coverageStartEstimate, shares, products, people.map((p) => ({ firstTime: firstTimeById.get(p._id)!, sex: p.sex })))
    const declaration: NewDeclaration = {
      unit,
      scheme,
      year: input.year,
      kind: 'annual',
      people,
      firstTime: (p) => firstTimeById.get(p._id)!,
      shares,
      products,
      staffCount,
      quote: { totalFen: priced.totalFen, lines: priced.lines, coverageStartEstimate },
    }

    const firstTimeCount = people.filter((p) => firstTimeById.get(p._id)).length
    return declare(ctx, declaration, {
      opId,
      // One annual declaration per unit and period, taken atomically (a returned one is resubmitted, not declared again).
      slot: returned
        ? undefined
        : {
            kind: 'annual',
            unitId: unit._id,
            year: input.year,
            holds: () => true,
            refusal: (held) =>
              new AppError(
                'ALREADY_DECLARED',
                held.status === 'returned'
                  ? `${input.year} 年度的申报已被退回，请在申报记录中修改后重新提交。`
                  : `${input.year} 年度已提交过申报，不能重复申报。新入职职工请使用“新入职增员”。`,
              ),
          },
      resubmit: returned ? { enrolmentId: returned._id, version: returned.version, before: { status: 'returned', participantCount: returned.participantCount, totalFen: returned.quote.totalFen } } : undefined,
      audit: { action: returned ? 'enrolment.resubmit' : 'enrolment.submit', after: { status: 'submitted', participantCount: people.length, shares, products, totalFen: priced.totalFen } },
      answer: { status: 'submitted' as const, participantCount: people.length, firstTimeCount, totalFen: priced.totalFen, lines: priced.lines },
    })
  },
})
