import { enrolmentPrepareSchema } from '@mutual-aid/contracts'
import { checkEnrolmentDate, checkParticipation, enrolmentWindow, periodCoverage, quote, renewalGraceEnd, type QuoteResult } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { loadSchemes } from '@cloud-shared/schemes'
import { unitInScope } from '@cloud-shared/unit-scope'
import { countWhere } from '@cloud-shared/keyset'
import type { EnrolmentDoc, ParticipationDoc } from './model'
import { assertDeclarableYear, defaultYear, schemeFor } from './period'
import { figuresOf, participantsOf, scanRoster } from './roster-scan'
import { keptRosterCounts } from '@cloud-shared/roster-counts'
import { initialPlanOf, preparedPerson } from './people'

/** Declarable people not in a returned declaration that the form names (unticked when it opens). */
const NOT_IN_RETURNED_MAX = 200

/**
 * Everything the declaration page needs in one call: the scheme, the window, this period's declarations and the
 * roster's figures (staff in service, who can be declared and how they split by first-time and sex, the ratio and
 * quote for everyone), kept per unit and period (`_shared/src/roster-counts.ts`) — never the roster itself, which the page reads a page at a time (`people`). The page
 * recomputes ratio and quote live from these counts and the people the clerk unticks, with shared-rules on `rules`
 * (the version as this function uses it, announced fees applied); `submit` checks everything again.
 */
export const prepare = action({
  access: ['clerk', 'agent', 'office'],
  input: enrolmentPrepareSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    const today = ctx.clock.today()
    const schemes = await loadSchemes(ctx.db)
    const year = input.year ?? defaultYear(schemes.registry, unit.family, today)
    assertDeclarableYear(year, today)
    const scheme = schemeFor(schemes, unit.family, year)
    const [enrolments, lastPeriod, previousHere, activeHere, previousOne] = await Promise.all([
      findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year }, 1000),
      findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year: year - 1, kind: 'annual', status: 'paid' }, 10),
      countWhere(ctx.db, 'participations', { unitId: unit._id, year: year - 1, status: 'active' }),
      countWhere(ctx.db, 'participations', { unitId: unit._id, year, status: 'active' }),
      ctx.db.collection('participations').where({ unitId: unit._id, year: year - 1, status: 'active' }).limit(1).get(),
    ])
    const returned = enrolments.find((e) => e.kind === 'annual' && e.status === 'returned')
    // The roster's figures as kept (counted again only when a change marked them stale), then judged for today.
    const kept = await keptRosterCounts(ctx, unit, year)
    const scan = figuresOf(kept.cells, scheme, year, today, returned?._id)
    // The people left out of a returned declaration are named (the form opens with them unticked) when few: found by
    // walking the roster, which only a returned declaration with some such people needs.
    const notInReturnedPeople =
      !returned || scan.unheld === 0
        ? returned ? [] : null
        : scan.unheld > NOT_IN_RETURNED_MAX
          ? null
          : (await scanRoster(ctx, unit, scheme, year, today, { returnedId: returned._id, notInReturnedMax: NOT_IN_RETURNED_MAX })).notInReturned
    const firstTimeUnit = previousHere === 0
    const plan = initialPlanOf(scheme, returned ?? lastPeriod[0])
    const staff = firstTimeUnit ? Math.max(kept.inService, unit.staffReport?.headcount ?? 0) : kept.inService
    const notInReturned = notInReturnedPeople ?? []
    const participants = participantsOf(scan.groups, notInReturned.map((n) => ({ firstTime: n.standing.firstTime, sex: n.person.sex })))
    const ratio = checkParticipation({ scheme, unitType: unit.unitType, finance: unit.finance, staff, participants: participants.length })
    // A period with no day left for a fee paid today (WH 第三条, on 31 December) opens with the reason in place of the
    // window and no quote, so the clerk can still switch to next year on the page (submit refuses it too).
    const coverage = periodCoverage(scheme, year, today)
    const over = coverage.ok ? null : { ...coverage.reason, message: `${coverage.reason.message}请改为申报 ${year + 1} 年度。` }
    const priced: QuoteResult = coverage.ok
      ? quote({ scheme, unitType: unit.unitType, finance: unit.finance, coverageStart: coverage.start, shares: scheme.shares ? plan.shares : undefined, products: plan.products, participants })
      : { ok: false, code: over!.code, message: over!.message }
    const previousEnd = (previousOne.data[0] as ParticipationDoc | undefined)?.coverageEnd ?? `${year - 1}-12-31`
    const window = checkEnrolmentDate(scheme, today)
    const win = enrolmentWindow(scheme)
    return {
      today,
      year,
      unit: { _id: unit._id, name: unit.name, unitType: unit.unitType, finance: unit.finance, family: unit.family, staffReport: unit.staffReport ?? null },
      scheme: {
        id: scheme.id,
        name: scheme.name,
        family: scheme.family,
        products: scheme.products.map((p) => ({ id: p.id, name: p.name })),
        shares: scheme.shares ? { min: scheme.shares.min, max: scheme.shares.max } : null,
      },
      /** The version's data as quoting uses it here (with fees the office announced), for the page's live quote. */
      rules: scheme,
      window: over
        ? { ok: false as const, ...over, from: win?.from ?? null, to: win?.to ?? null }
        : window.ok
          ? { ok: true as const, from: win?.from ?? null, to: win?.to ?? null }
          : { ok: false as const, ...window.reason, from: win?.from ?? null, to: win?.to ?? null },
      renewal: previousHere ? { previousEnd, graceEnd: renewalGraceEnd(scheme, previousEnd) } : null,
      coverageStartEstimate: coverage.ok ? coverage.start : null,
      /** Last period's plan, so a renewal starts from the same shares and products. */
      previousPlan: lastPeriod[0] ? { shares: lastPeriod[0].shares, products: lastPeriod[0].products } : null,
      firstTimeUnit,
      enrolments: enrolments
        .sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))
        .map((e) => ({
          _id: e._id,
          kind: e.kind,
          status: e.status,
          version: e.version,
          shares: e.shares,
          products: e.products,
          participantCount: e.participantCount,
          totalFen: e.quote.totalFen,
          returnReason: e.returnReason ?? null,
          coverageStart: e.coverageStart ?? null,
        })),
      roster: {
        revision: unit.rosterRevision ?? 0,
        inService: kept.inService,
        declarable: scan.declarable,
        groups: scan.groups,
        previous: previousHere,
        activeHere,
        notInReturned: notInReturnedPeople && notInReturnedPeople.map((n) => preparedPerson(unit._id, n.person, n.standing)),
      },
      initial: {
        participants: participants.length,
        staff,
        ratioOk: ratio.ok,
        requiredMin: ratio.requiredMin ?? null,
        totalFen: priced.ok ? priced.totalFen : null,
        /** Why there is no quote (fees not announced, period over …): shown instead of a figure, never a silent blank. */
        quoteProblem: priced.ok ? null : { code: priced.code, message: priced.message },
      },
    }
  },
})
