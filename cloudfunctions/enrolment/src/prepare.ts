import { enrolmentPrepareSchema } from '@mutual-aid/contracts'
import { checkEnrolmentDate, enrolmentWindow, renewalGraceEnd } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import { findAll } from '@cloud-shared/db'
import { loadSchemes } from '@cloud-shared/schemes'
import { unitInScope } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc, ParticipationDoc, PersonDoc } from './model'
import { participationsByHash } from './lookups'
import { assertDeclarableYear, defaultYear, estimatedStart, isFirstTime, schemeFor } from './period'

/**
 * Everything the declaration page needs in one call: the scheme, the window, the roster with each person's
 * standing (last period, this period, first-time or continuous), and this period's existing declarations.
 * The page computes the live ratio and quote from it with shared-rules — on `rules`, the version as this function
 * uses it (announced fees applied) — and `submit` checks everything again.
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
    const people = await findAll<PersonDoc>(ctx.db, 'people', { unitId: unit._id }, 200_000)
    const hashes = people.map((p) => p.idHash)
    const [previous, current, enrolments, lastPeriod] = await Promise.all([
      participationsByHash(ctx, unit.family, year - 1, hashes),
      participationsByHash(ctx, unit.family, year, hashes),
      findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year }, 1000),
      findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year: year - 1, kind: 'annual', status: 'paid' }, 10),
    ])
    const prevByHash = new Map(previous.filter((p) => p.status === 'active' && p.unitId === unit._id).map((p) => [p.idHash, p]))
    const currentByHash = new Map<string, ParticipationDoc>(current.filter((p) => p.status !== 'void').map((p) => [p.idHash, p]))
    const window = checkEnrolmentDate(scheme, today)
    const win = enrolmentWindow(scheme)
    const previousEnd = previous.find((p) => p.coverageEnd)?.coverageEnd ?? `${year - 1}-12-31`
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
      window: window.ok ? { ok: true as const, from: win?.from ?? null, to: win?.to ?? null } : { ok: false as const, ...window.reason, from: win?.from ?? null, to: win?.to ?? null },
      renewal: prevByHash.size ? { previousEnd, graceEnd: renewalGraceEnd(scheme, previousEnd) } : null,
      coverageStartEstimate: estimatedStart(scheme, year, today),
      /** Last period's plan, so a renewal starts from the same shares and products. */
      previousPlan: lastPeriod[0] ? { shares: lastPeriod[0].shares, products: lastPeriod[0].products } : null,
      firstTimeUnit: !previous.some((p) => p.status === 'active' && p.unitId === unit._id),
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
      people: people.map((p) => {
        const prev = prevByHash.get(p.idHash)
        const cur = currentByHash.get(p.idHash)
        return {
          _id: p._id,
          name: p.name,
          idMasked: p.idMasked,
          sex: p.sex,
          status: p.status,
          hireDate: p.hireDate,
          previous: Boolean(prev),
          current: cur ? { enrolmentId: cur.unitId === unit._id ? cur.enrolmentId : null, status: cur.status, here: cur.unitId === unit._id } : null,
          firstTime: isFirstTime(scheme, year, prev, today),
        }
      }),
    }
  },
})
