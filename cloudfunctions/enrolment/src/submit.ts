import { checkEnrolmentDate, checkParticipation, declarationPlan, type Scheme } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import type { UnitDoc } from '@cloud-shared/documents'
import { countWhere } from '@cloud-shared/keyset'
import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { AppError, conflict, notFound } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { enrolmentSubmitSchema } from '@mutual-aid/contracts'
import { ownUnit } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc, PersonDoc } from './model'
import { assertDeclarableYear, estimatedStart, schemeFor } from './period'
import { operationIdOf } from '@cloud-shared/operation'
import type { AllExcept, SubmittedDeclaration } from '@mutual-aid/contracts'
import { rosterChanged, type RosterChoice } from './declare-operation'
import { participantsOf, scanRoster, standingsOf } from './roster-scan'
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
    const chosen = input.allExcept
      ? `all:${input.allExcept.rosterRevision}:${input.allExcept.count}:${[...new Set(input.allExcept.except)].sort().join(',')}`
      : [...new Set(input.personIds)].sort().join(',')
    const request = [chosen, String(input.shares), [...input.products].sort().join(',')]
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
    // Refused when paying today buys no day of the period (WH 第三条: declaring 2021 on 31 December).
    const coverageStartEstimate = estimatedStart(scheme, input.year, today)

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

    const chosenPeople = input.allExcept
      ? await everyoneExcept(ctx, unit, scheme, input.year, today, input.allExcept, returned?._id)
      : await named(ctx, unit, scheme, input.year, today, input.personIds ?? [])
    const firstTimeUnit = (await countWhere(ctx.db, 'participations', { unitId: unit._id, year: input.year - 1, status: 'active' })) === 0
    if (firstTimeUnit && !unit.staffReport) {
      throw new AppError('STAFF_REPORT_REQUIRED', '首次参加的单位须先填报上月职工人数（职工月报，第五条），请在本页填写后再提交。')
    }
    // A first-time unit's ratio counts against the larger of the roster and its staff report (no selective enrolment).
    const staffCount = firstTimeUnit ? Math.max(chosenPeople.inService, unit.staffReport?.headcount ?? 0) : chosenPeople.inService
    const count = chosenPeople.participants.length
    const participation = checkParticipation({ scheme, unitType: unit.unitType, finance: unit.finance, staff: staffCount, participants: count })
    if (!participation.ok) {
      throw new AppError('PARTICIPATION', participation.reasons.map((r) => `${r.message}（${r.basis}）`).join(''), { reasons: participation.reasons, requiredMin: participation.requiredMin })
    }
    // Named people holding a place (the roster walk leaves them out by itself).
    if (!input.allExcept) await assertNoDuplicates(ctx, scheme.family, input.year, chosenPeople.people, returned?._id)
    const priced = priceDeclaration(scheme, unit, coverageStartEstimate, shares, products, chosenPeople.participants)
    const firstTimeCount = chosenPeople.participants.filter((p) => p.firstTime).length
    const declaration: NewDeclaration = {
      unit,
      scheme,
      year: input.year,
      kind: 'annual',
      people: chosenPeople.people,
      firstTime: (p) => chosenPeople.firstTimeById.get(p._id)!,
      shares,
      products,
      staffCount,
      quote: { totalFen: priced.totalFen, lines: priced.lines, coverageStartEstimate },
      roster: chosenPeople.roster ? { ...chosenPeople.roster, count, firstTimeCount } : undefined,
    }

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
      audit: { action: returned ? 'enrolment.resubmit' : 'enrolment.submit', after: { status: 'submitted', participantCount: count, shares, products, totalFen: priced.totalFen } },
      answer: { status: 'submitted' as const, participantCount: count, firstTimeCount, totalFen: priced.totalFen, lines: priced.lines },
    })
  },
})

interface Chosen {
  /** Staff in service now (the ratio's base). */
  inService: number
  /** Who is declared, for the ratio and the quote. */
  participants: { firstTime: boolean; sex: 'male' | 'female' }[]
  /** Named declarations: the people, and who is first-time. */
  people: PersonDoc[]
  firstTimeById: Map<string, boolean>
  /** "Everyone except …": the set as fixed now, for the operation to walk. */
  roster?: Omit<RosterChoice, 'firstTimeCount'>
}

/**
 * "Everyone declarable except …": refused with 名单已变化 when the roster moved since the clerk's page (its revision)
 * or the people declarable now are not the number the page showed.
 */
async function everyoneExcept(ctx: HandlerContext, unit: UnitDoc, scheme: Scheme, year: number, today: string, choice: AllExcept, returnedId?: string): Promise<Chosen> {
  if ((unit.rosterRevision ?? 0) !== choice.rosterRevision) throw rosterChanged()
  const except = new Set(choice.except)
  const scan = await scanRoster(ctx, unit, scheme, year, today, { returnedId, except })
  if (scan.declarable !== choice.count) throw rosterChanged()
  return {
    inService: scan.inService,
    participants: participantsOf(scan.groups),
    people: [],
    firstTimeById: new Map(),
    roster: { revision: scan.revision, except: [...except], held: scan.held, renewedOn: today },
  }
}

/** People named one by one (at most 1,000): on this unit's roster and in service (their places are checked after the ratio). */
async function named(ctx: HandlerContext, unit: UnitDoc, scheme: Scheme, year: number, today: string, personIds: string[]): Promise<Chosen> {
  const _ = ctx.db.command
  const ids = [...new Set(personIds)]
  const found = (await ctx.db.collection('people').where({ _id: _.in(ids), unitId: unit._id }).limit(ids.length).get()).data as PersonDoc[]
  const people = selectPeople(found, personIds)
  const [inService, standings] = await Promise.all([countWhere(ctx.db, 'people', { unitId: unit._id, status: 'in_service' }), standingsOf(ctx, unit._id, scheme, year, today, people)])
  const firstTimeById = new Map(people.map((p) => [p._id, standings.get(p.idHash)!.firstTime]))
  return { inService, participants: people.map((p) => ({ firstTime: firstTimeById.get(p._id)!, sex: p.sex })), people, firstTimeById }
}
