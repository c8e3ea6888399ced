import { certificateSchema } from '@mutual-aid/contracts'
import { coverageStatus, observationPeriod, type Product } from '@mutual-aid/shared-rules'
import { action } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll, findById } from '@cloud-shared/db'
import { AppError } from '@cloud-shared/errors'
import { loadSchemes } from '@cloud-shared/schemes'
import { unitInScope } from '@cloud-shared/unit-scope'
import type { EnrolmentDoc, ParticipationDoc, PersonDoc } from './model'
import { coverageView } from './coverage-view'
import { countWhere, keysetPage } from '@cloud-shared/keyset'
import { BY_NAME_KEY } from '@cloud-shared/name-key'

/**
 * 履约确认书. For a unit (clerk, agent, office): each paid declaration of the period with its scheme, products,
 * shares, coverage dates and counts, and for first-timers the observation windows with their dates; plus a page of
 * participants. For a worker without a staff role: their own certificate.
 */
export const certificate = action({
  access: ['clerk', 'agent', 'office', 'worker'],
  input: certificateSchema,
  async run(ctx, input) {
    const today = ctx.clock.today()
    const year = input.year ?? Number(today.slice(0, 4))
    const staff = ctx.caller.roles.some((r) => r !== 'worker')
    if (!staff || input.mine) return personalCertificate(ctx, year, today)
    const unit = await unitInScope(ctx, input.unitId)
    const enrolments = (await findAll<EnrolmentDoc>(ctx.db, 'enrolments', { unitId: unit._id, year, status: 'paid' }, 1000)).sort((a, b) =>
      String(a.coverageStart).localeCompare(String(b.coverageStart)),
    )
    const schemes = await loadSchemes(ctx.db)
    const scheme = enrolments[0] ? schemes.get(enrolments[0].schemeId) : null
    // The period's active participations of the unit are those of its paid declarations (payment activates them):
    // one index range for the page and the counts, where `enrolmentId in […]` would sort every match in memory.
    const where = { unitId: unit._id, year, status: 'active' }
    const [total, firstTime, page] = await Promise.all([
      countWhere(ctx.db, 'participations', where),
      countWhere(ctx.db, 'participations', { ...where, firstTime: true }),
      keysetPage<ParticipationDoc>(ctx.db, 'participations', where, BY_NAME_KEY, { cursor: input.cursor, limit: input.limit ?? 50 }),
    ])
    return {
      kind: 'unit' as const,
      today,
      year,
      unit: { _id: unit._id, name: unit.name, uscc: unit.uscc, unitType: unit.unitType },
      scheme: scheme ? { id: scheme.id, name: scheme.name, document: scheme.document } : null,
      batches: enrolments.map((e) => {
        const products = e.products as Product[]
        const version = schemes.get(e.schemeId)
        // The observation windows of a first-timer who starts with this batch (WH Art. 3, 8, 14.2), where the scheme has them.
        const firstTimeWindows =
          observationPeriod(version) && (e.firstTimeCount ?? 0) > 0 && e.coverageStart
            ? coverageStatus({ scheme: version, product: products[0], firstTime: true, coverageStart: e.coverageStart, shares: e.shares ?? 1, today }).windows
            : []
        return {
          enrolmentId: e._id,
          kind: e.kind,
          products: products.map((p) => ({ id: p, name: version.products.find((x) => x.id === p)?.name ?? p })),
          shares: e.shares,
          // Only paid batches are certified, and payment sets their coverage dates.
          coverageStart: e.coverageStart as string,
          coverageEnd: e.coverageEnd as string,
          participantCount: e.participantCount,
          firstTimeCount: e.firstTimeCount ?? 0,
          paidFen: e.payment?.amountFen ?? 0,
          paidOn: e.payment?.paidOn ?? null,
          firstTimeWindows,
        }
      }),
      participants: {
        total,
        nextCursor: page.nextCursor,
        firstTime,
        items: page.docs.map((p) => ({
          name: p.name,
          idMasked: p.idMasked ?? '',
          firstTime: p.firstTime,
          products: p.products,
          shares: p.shares,
          // Only active participations are listed, and activation sets their coverage dates.
          coverageStart: p.coverageStart as string,
          coverageEnd: p.coverageEnd as string,
        })),
      },
    }
  },
})

async function personalCertificate(ctx: HandlerContext, year: number, today: string) {
  const person = ctx.caller.user?.personId ? await findById<PersonDoc>(ctx.db, 'people', ctx.caller.user.personId) : null
  if (!person) throw new AppError('NOT_BOUND', '您还没有绑定职工身份，请先绑定。')
  const res = await ctx.db.collection('participations').where({ idHash: person.idHash, year, status: 'active' }).limit(1).get()
  const p = res.data[0] as ParticipationDoc | undefined
  if (!p) throw new AppError('NO_COVERAGE', `${year} 年度您还没有生效的互助保障。如单位已申报，请等待缴费确认。`)
  const unit = await findById<{ name: string; uscc: string }>(ctx.db, 'units', p.unitId)
  const scheme = (await loadSchemes(ctx.db)).get(p.schemeId)
  return { kind: 'person' as const, today, year, unit: { name: unit?.name ?? '', uscc: unit?.uscc ?? '' }, coverage: { ...coverageView(p, today, scheme), idMasked: p.idMasked || person.idMasked || '' } }
}
