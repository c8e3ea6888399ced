import type { Product, Scheme } from '@mutual-aid/shared-rules'
import { enrolmentPeopleSchema, type PreparedPerson } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { loadSchemes } from '@cloud-shared/schemes'
import { unitInScope } from '@cloud-shared/unit-scope'
import { countWhere, keysetPage, type SortSpec } from '@cloud-shared/keyset'
import { namePrefixOf } from '@cloud-shared/name-key'
import type { ParticipationDoc } from './model'
import { assertDeclarableYear, schemeFor } from './period'
import { ROSTER_ORDER, standingsOf, type ScannedPerson, type Standing } from './roster-scan'

/** New hires first: in-service staff by hire date, newest first (index by_unit_status_hire). */
const RECENT_ORDER: SortSpec = [
  ['hireDate', 'desc'],
  ['_id', 'desc'],
]

const PERSON_FIELDS = ['_id', 'idHash', 'sex', 'name', 'idMasked', 'status', 'hireDate'] as const

/** A person as the declaration page shows them: masked ID, standing this and last period. */
export function preparedPerson(unitId: string, p: ScannedPerson, s: Standing): PreparedPerson {
  return {
    _id: p._id,
    name: p.name,
    idMasked: p.idMasked,
    sex: p.sex,
    status: p.status,
    hireDate: p.hireDate,
    previous: Boolean(s.previous),
    current: s.current ? { enrolmentId: s.current.unitId === unitId ? s.current.enrolmentId : null, status: s.current.status, here: s.current.unitId === unitId } : null,
    firstTime: s.firstTime,
  }
}

/** The plan a declaration form opens with: a returned declaration's, else last period's, else the scheme's defaults. */
export function initialPlanOf(scheme: Scheme, plan?: { shares: number | null; products: Product[] }): { shares: number; products: Product[] } {
  return {
    shares: plan?.shares ?? scheme.shares?.min ?? 1,
    products: (plan?.products ?? scheme.products.map((p) => p.id)).filter((p) => scheme.products.some((x) => x.id === p)),
  }
}

/**
 * The declaration page's people, one keyset page at a time, each with their standing (last period here, this period
 * anywhere, first-time): the roster by name (all, or in service), in-service staff newest hire first (new hires), or
 * this period's active participants here (a replacement's "out" side). Counts exact, from the index.
 */
export const people = action({
  access: ['clerk', 'agent', 'office'],
  input: enrolmentPeopleSchema,
  async run(ctx, input) {
    const unit = await unitInScope(ctx, input.unitId)
    const today = ctx.clock.today()
    assertDeclarableYear(input.year, today)
    const scheme = schemeFor(await loadSchemes(ctx.db), unit.family, input.year)
    const prefix = input.query ? namePrefixOf(ctx.db, input.query) : { where: {}, also: [] }
    const limit = input.limit ?? 30

    let persons: ScannedPerson[]
    let total: number
    let nextCursor: string | null
    if (input.list === 'enrolled') {
      const where = { unitId: unit._id, year: input.year, status: 'active', ...prefix.where }
      const [count, page] = await Promise.all([
        countWhere(ctx.db, 'participations', where, prefix.also),
        keysetPage<Pick<ParticipationDoc, 'personId' | 'name' | '_id'>>(ctx.db, 'participations', where, ROSTER_ORDER, { cursor: input.cursor, limit, also: prefix.also, fields: ['personId'] }),
      ])
      const _ = ctx.db.command
      const ids = page.docs.map((d) => d.personId)
      const found = ids.length ? ((await ctx.db.collection('people').where({ _id: _.in(ids) }).field(Object.fromEntries(PERSON_FIELDS.map((f) => [f, true]))).limit(ids.length).get()).data as ScannedPerson[]) : []
      const byId = new Map(found.map((p) => [p._id, p]))
      persons = ids.map((id) => byId.get(id)).filter((p): p is ScannedPerson => Boolean(p))
      total = count
      nextCursor = page.nextCursor
    } else {
      const recent = input.list === 'recent' && !input.query
      const where = { unitId: unit._id, ...(input.list === 'all' ? {} : { status: 'in_service' }), ...prefix.where }
      const [count, page] = await Promise.all([
        countWhere(ctx.db, 'people', where, prefix.also),
        keysetPage<ScannedPerson>(ctx.db, 'people', where, recent ? RECENT_ORDER : ROSTER_ORDER, { cursor: input.cursor, limit, also: prefix.also, fields: PERSON_FIELDS }),
      ])
      persons = page.docs
      total = count
      nextCursor = page.nextCursor
    }
    const standings = await standingsOf(ctx, unit._id, scheme, input.year, today, persons)
    return { items: persons.map((p) => preparedPerson(unit._id, p, standings.get(p.idHash)!)), nextCursor, total }
  },
})
