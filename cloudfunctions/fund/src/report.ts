import { FAMILY_LABEL, KIND_LABEL, PRODUCT_LABEL, STATUS_LABEL, type FundReport, type ReportInput, type ReportRow } from '@mutual-aid/contracts'
import { CLAIM_STATUSES, roundHalfUp, type ClaimKind, type ClaimStatus, type Product } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { findAll } from '@cloud-shared/db'
import { loadSchemes } from '@cloud-shared/schemes'
import { reportScope, type ReportScope } from './scope'

/** Most groups one aggregation may answer: CloudBase answers a default page unless a limit is given. */
const GROUP_LIMIT = 20_000
const DAY_MS = 86_400_000
/** China Standard Time, UTC+8, no daylight saving: a decision instant's calendar date. */
const CST_OFFSET_MS = 8 * 3_600_000

type Match = Record<string, unknown>

async function aggregate<T>(ctx: HandlerContext, collection: string, match: Match, stages: Record<string, unknown>[]): Promise<T[]> {
  let pipeline = ctx.db.collection(collection).aggregate().match(match)
  for (const stage of stages) {
    const [name, value] = Object.entries(stage)[0]
    pipeline = pipeline[name](value)
  }
  const res = await pipeline.limit(GROUP_LIMIT).end()
  return (res.list ?? []) as T[]
}

/**
 * The leading `$match` every report query starts with: the scheme family and year, and the units in scope — the
 * fields of the `by_fund_unit` indexes, so only the scope's documents are read (never a whole collection).
 */
function scopeMatch(ctx: HandlerContext, input: ReportInput & { year: number }, scope: ReportScope): Match {
  const _ = ctx.db.command
  return { family: input.family, year: input.year, ...(scope.unitIds ? { unitId: _.in(scope.unitIds) } : {}) }
}

interface UnitFigures {
  participants: number
  firstTime: number
  contributionsFen: number
  paidFen: number
  claims: number
  approvedFen: number
}

const emptyFigures = (): UnitFigures => ({ participants: 0, firstTime: 0, contributionsFen: 0, paidFen: 0, claims: 0, approvedFen: 0 })

/** Per thousand, to one decimal, rounded half-up. */
export const perThousand = (count: number, of: number): number | null => (of > 0 ? roundHalfUp(count * 10_000, of) / 10 : null)

/** An average to one decimal, rounded half-up. */
export const averageTenths = (sum: number, n: number): number | null => (n > 0 ? roundHalfUp(sum * 10, n) / 10 : null)

/**
 * The fund's figures for one scheme family and year and the caller's scope, computed by the database: each figure
 * is one `$match` on indexed fields followed by a `$group`, so the work is bounded by the number of groups, never
 * by reading the collections into the function.
 */
export async function buildReport(ctx: HandlerContext, request: ReportInput): Promise<FundReport> {
  const today = ctx.clock.today()
  const input = { ...request, year: request.year ?? Number(today.slice(0, 4)) }
  const scope = await reportScope(ctx, input)
  const match = scopeMatch(ctx, input, scope)
  const schemes = await loadSchemes(ctx.db)
  const scheme = schemes.registry.forYear(input.family, input.year)

  const [participations, ledger, claims, decided, overdue] = await Promise.all([
    aggregate<{ _id: { unitId: string; firstTime: boolean }; n: number }>(ctx, 'participations', { ...match, status: 'active' }, [
      { group: { _id: { unitId: '$unitId', firstTime: '$firstTime' }, n: { $sum: 1 } } },
    ]),
    aggregate<{ _id: { unitId: string | null; type: 'contribution' | 'payout' }; fen: number }>(ctx, 'ledger', match, [
      { group: { _id: { unitId: '$unitId', type: '$type' }, fen: { $sum: '$amountFen' } } },
    ]),
    aggregate<{ _id: { unitId: string; status: ClaimStatus; product: Product; kind: ClaimKind }; n: number; approvedFen: number }>(ctx, 'claims', match, [
      {
        group: {
          _id: { unitId: '$unitId', status: '$status', product: '$product', kind: '$kind' },
          n: { $sum: 1 },
          approvedFen: { $sum: { $cond: [{ $in: ['$status', ['approved', 'paid']] }, '$decision.amountFen', 0] } },
        },
      },
    ]),
    // Calendar days from complete materials (a CST date) to the decision (an instant, taken as its CST date).
    aggregate<{ n: number; days: number }>(ctx, 'claims', match, [
      // Only operators CloudBase documents (local-cloud/src/db/aggregate-operators.ts): a date is set or null, so
      // `$exists` + `$ne: null` (not MongoDB's `$type`, which CloudBase does not list).
      { match: { status: { $in: ['approved', 'rejected', 'paid'] }, materialsCompleteOn: { $exists: true, $ne: null } } },
      {
        project: {
          days: {
            $floor: {
              $divide: [{ $subtract: [{ $add: ['$decision.at', CST_OFFSET_MS] }, { $dateFromString: { dateString: '$materialsCompleteOn' } }] }, DAY_MS],
            },
          },
        },
      },
      { group: { _id: null, n: { $sum: 1 }, days: { $sum: '$days' } } },
    ]),
    // Art. 19: a review is overdue once its due date has passed without a decision; a scheme without a review limit
    // (TZ) has none.
    scheme?.review
      ? ctx.db.collection('claims').where({ ...match, status: 'agent_confirmed', dueDate: ctx.db.command.lt(today) }).count()
      : Promise.resolve(null),
  ])

  const byUnit = new Map<string, UnitFigures>()
  const fig = (unitId: string | null) => {
    const key = unitId ?? ''
    let f = byUnit.get(key)
    if (!f) byUnit.set(key, (f = emptyFigures()))
    return f
  }
  for (const p of participations) {
    const f = fig(p._id.unitId)
    f.participants += p.n
    if (p._id.firstTime) f.firstTime += p.n
  }
  let contributionsFen = 0
  let paidFen = 0
  for (const l of ledger) {
    if (l._id.type === 'contribution') {
      contributionsFen += l.fen
      fig(l._id.unitId).contributionsFen += l.fen
    } else {
      paidFen += l.fen
      fig(l._id.unitId).paidFen += l.fen
    }
  }
  const statusCounts = new Map<ClaimStatus, number>()
  const benefit = new Map<string, { product: Product; kind: ClaimKind; count: number; approvedFen: number }>()
  let claimTotal = 0
  let approvedFen = 0
  for (const c of claims) {
    const { status, product, kind, unitId } = c._id
    claimTotal += c.n
    approvedFen += c.approvedFen
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + c.n)
    const key = `${product}/${kind}`
    const b = benefit.get(key) ?? { product, kind, count: 0, approvedFen: 0 }
    b.count += c.n
    b.approvedFen += c.approvedFen
    benefit.set(key, b)
    const f = fig(unitId)
    f.claims += c.n
    f.approvedFen += c.approvedFen
  }

  let participants = 0
  let firstTimeParticipants = 0
  let firstTimeUnits = 0
  let enrolledUnits = 0
  for (const f of byUnit.values()) {
    participants += f.participants
    firstTimeParticipants += f.firstTime
    if (f.participants > 0) {
      enrolledUnits += 1
      if (f.firstTime === f.participants) firstTimeUnits += 1
    }
  }
  const d = decided[0] ?? { n: 0, days: 0 }

  return {
    scope: {
      family: input.family,
      year: input.year,
      schemeName: scheme?.name ?? FAMILY_LABEL[input.family],
      agentId: scope.agent?.id ?? null,
      agentName: scope.agent?.name ?? null,
      unitId: scope.unit?.id ?? null,
      unitName: scope.unit?.name ?? null,
    },
    asOf: today,
    participants: { total: participants, firstTime: firstTimeParticipants, renewing: participants - firstTimeParticipants },
    units: { total: enrolledUnits, firstTime: firstTimeUnits, renewing: enrolledUnits - firstTimeUnits },
    contributionsFen,
    claims: {
      total: claimTotal,
      byStatus: CLAIM_STATUSES.filter((s) => statusCounts.has(s)).map((s) => ({ status: s, label: STATUS_LABEL[s], count: statusCounts.get(s) ?? 0 })),
      byBenefit: [...benefit.values()]
        .sort((a, b) => a.product.localeCompare(b.product) || a.kind.localeCompare(b.kind))
        .map((b) => ({ ...b, label: `${PRODUCT_LABEL[b.product]}·${KIND_LABEL[b.kind]}` })),
    },
    approvedFen,
    paidFen,
    balanceFen: contributionsFen - paidFen,
    claimsPerThousand: perThousand(claimTotal, participants),
    avgDaysToDecision: averageTenths(d.days, d.n),
    decided: d.n,
    overdueReviews: overdue === null ? null : (overdue as { total: number }).total,
    reviewBasis: scheme?.review ? `${scheme.review.basis}：收到完整材料后 ${scheme.review.workingDays} 个工作日内审批` : null,
    ...(await breakdown(ctx, scope, byUnit)),
  }
}

/** The table under the figures: by agent for the whole scheme, by unit for an agent or a unit. */
async function breakdown(ctx: HandlerContext, scope: ReportScope, byUnit: Map<string, UnitFigures>): Promise<Pick<FundReport, 'rows' | 'rowsBy'>> {
  const row = (id: string, name: string, f: UnitFigures): ReportRow => ({
    id,
    name,
    participants: f.participants,
    contributionsFen: f.contributionsFen,
    claims: f.claims,
    approvedFen: f.approvedFen,
    paidFen: f.paidFen,
  })
  if (scope.unitIds) {
    return {
      rowsBy: 'unit',
      rows: scope.units
        .map((u) => row(u._id, u.name, byUnit.get(u._id) ?? emptyFigures()))
        .sort((a, b) => b.participants - a.participants || a.name.localeCompare(b.name)),
    }
  }
  // The whole scheme: fold the units into their agents (a handful of district and sector unions).
  const unitIds = [...byUnit.keys()].filter(Boolean)
  const units: { _id: string; agentId: string }[] = []
  for (let i = 0; i < unitIds.length; i += 1000) {
    units.push(...(await findAll<{ _id: string; agentId: string }>(ctx.db, 'units', { _id: ctx.db.command.in(unitIds.slice(i, i + 1000)) }, 1000)))
  }
  const agents = await findAll<{ _id: string; name: string }>(ctx.db, 'agents', {}, 1000)
  const agentOf = new Map(units.map((u) => [u._id, u.agentId]))
  const byAgent = new Map<string, UnitFigures>()
  for (const [unitId, f] of byUnit) {
    const agentId = agentOf.get(unitId) ?? ''
    const a = byAgent.get(agentId) ?? emptyFigures()
    for (const k of Object.keys(f) as (keyof UnitFigures)[]) a[k] += f[k]
    byAgent.set(agentId, a)
  }
  return {
    rowsBy: 'agent',
    rows: [...byAgent.entries()]
      .map(([id, f]) => row(id || 'none', agents.find((a) => a._id === id)?.name ?? '未归属代理单位', f))
      .sort((a, b) => b.participants - a.participants || a.name.localeCompare(b.name)),
  }
}
