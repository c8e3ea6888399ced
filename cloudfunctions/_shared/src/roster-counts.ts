import type { HandlerContext } from './context'
import type { ParticipationDoc, PersonDoc, UnitDoc } from './documents'
import { keysetPage } from './keyset'
import { BY_NAME_KEY } from './name-key'
import { participationsByHash } from './participations-by-hash'
import { OPERATIONS, type OperationDoc } from './operation'
import { bumpRosterInTx } from './roster-revision'
import type { SdkHandle } from './sdk'
import { runInTransaction } from './transaction'
import { txGet } from './tx'

/**
 * The declaration screen's roster figures, kept per unit and period (`rosterCounts`, id `<unitId>-<year>`) instead of
 * walked on every opening: the unit's in-service staff counted by *cell* — sex, the declaration holding the person's
 * place this period (any unit's: Art. 6), and the end of their active coverage here last period (Art. 12). Who is
 * declarable (no place, or one in the returned declaration being corrected) and who is first-time (the renewal date
 * rule on `previousEnd`, which depends on the day) are decided from the cells when read — so the kept figures never go
 * out of date by the calendar.
 *
 * Kept true by two revisions on the unit. `rosterRevision` moves in the transaction of every roster change; a single
 * person's add or status change moves the kept cells in that same transaction (`adjustRosterCountsInTx`), an import
 * only moves the revision. `standingRevision` moves after every write of participations that may change a cell
 * (`markStandingsChanged`: a declaration's chunks and undo, activation, voiding), for the declaring unit and every unit
 * with one of those people on its roster. Kept counts stamped with other revisions than the unit's are stale and are
 * counted again (`keptRosterCounts`). A call cut off between a write and its mark cannot leave wrong counts taken as
 * fresh: the units are noted on the operation (`staleUnits`) before a removal and with every mark, and the
 * transaction that ends the operation marks them all again (operation.ts) — whichever driver ends it, the retry or the
 * timer. Crash-tested write by write with a count overlapping each write
 * (test/functions/operations/kept-figures-crash-points.test.ts).
 */
export interface CountCell {
  sex: 'male' | 'female'
  /** The declaration holding the person's place this period (pending or active, any unit's), or null. */
  hold: string | null
  /** The end of the person's active coverage here last period (missing end: 31 Dec), or null when none. */
  previousEnd: string | null
  count: number
}

export interface RosterCountsDoc {
  _id: string
  unitId: string
  family: 'WH' | 'TZ'
  year: number
  rosterRevision: number
  standingRevision: number
  inService: number
  cells: CountCell[]
  countedAt: Date
}

export const ROSTER_COUNTS = 'rosterCounts'
export const rosterCountsId = (unitId: string, year: number): string => `${unitId}-${year}`

/** People read per page while counting (a page reads one more, and CloudBase answers at most 1,000). */
const COUNT_PAGE = 900

type CellKey = string
const keyOf = (c: Omit<CountCell, 'count'>): CellKey => JSON.stringify([c.sex, c.hold, c.previousEnd])
const cellOfKey = (key: CellKey, count: number): CountCell => {
  const [sex, hold, previousEnd] = JSON.parse(key) as [CountCell['sex'], string | null, string | null]
  return { sex, hold, previousEnd, count }
}

/** A person's cell in a unit's period, from their participation this period (anywhere) and last period. */
export function cellOf(
  unitId: string,
  year: number,
  sex: CountCell['sex'],
  current: Pick<ParticipationDoc, 'status' | 'enrolmentId'> | undefined,
  previous: Pick<ParticipationDoc, 'status' | 'unitId' | 'coverageEnd'> | undefined,
): Omit<CountCell, 'count'> {
  const held = current && current.status !== 'void' ? current.enrolmentId : null
  const prev = previous && previous.status === 'active' && previous.unitId === unitId ? (previous.coverageEnd ?? `${year - 1}-12-31`) : null
  return { sex, hold: held, previousEnd: prev }
}

/** The cells of a few people of a unit in one period (their participations fetched by ID hash). */
export async function cellsOf(
  ctx: HandlerContext,
  unitId: string,
  family: 'WH' | 'TZ',
  year: number,
  people: Pick<PersonDoc, 'idHash' | 'sex'>[],
): Promise<Omit<CountCell, 'count'>[]> {
  const hashes = people.map((p) => p.idHash)
  const [previous, current] = await Promise.all([participationsByHash(ctx, family, year - 1, hashes), participationsByHash(ctx, family, year, hashes)])
  const prevByHash = new Map(previous.filter((p) => p.status === 'active' && p.unitId === unitId).map((p) => [p.idHash, p]))
  const curByHash = new Map(current.filter((p) => p.status !== 'void').map((p) => [p.idHash, p]))
  return people.map((p) => cellOf(unitId, year, p.sex, curByHash.get(p.idHash), prevByHash.get(p.idHash)))
}

/** Counts a unit's in-service staff by cell, walking the roster a page at a time (the figures' full recount). */
export async function countRoster(ctx: HandlerContext, unitId: string, family: 'WH' | 'TZ', year: number): Promise<{ inService: number; cells: CountCell[] }> {
  const counts = new Map<CellKey, number>()
  let inService = 0
  let cursor: string | undefined
  do {
    const page = await keysetPage<Pick<PersonDoc, '_id' | 'idHash' | 'sex'>>(ctx.db, 'people', { unitId, status: 'in_service' }, BY_NAME_KEY, {
      cursor,
      limit: COUNT_PAGE,
      fields: ['_id', 'idHash', 'sex'],
    })
    for (const cell of await cellsOf(ctx, unitId, family, year, page.docs)) {
      inService++
      const key = keyOf(cell)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return { inService, cells: [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => cellOfKey(key, n)) }
}

const isFresh = (doc: RosterCountsDoc | null, unit: Pick<UnitDoc, 'rosterRevision' | 'standingRevision'>): doc is RosterCountsDoc =>
  !!doc && doc.rosterRevision === (unit.rosterRevision ?? 0) && doc.standingRevision === (unit.standingRevision ?? 0)

/**
 * The unit's kept figures for a period: the stored ones when stamped with the unit's current revisions, else counted
 * again and kept — stored only if neither revision moved while counting (checked in the storing transaction), so a
 * change made meanwhile is never hidden under a fresh stamp. `unit` is the unit as read before this call.
 */
export async function keptRosterCounts(
  ctx: HandlerContext,
  unit: Pick<UnitDoc, '_id' | 'family' | 'rosterRevision' | 'standingRevision'>,
  year: number,
): Promise<{ inService: number; cells: CountCell[]; recounted: boolean }> {
  const id = rosterCountsId(unit._id, year)
  const kept = ((await ctx.db.collection(ROSTER_COUNTS).where({ _id: id }).limit(1).get()).data[0] as RosterCountsDoc | undefined) ?? null
  if (isFresh(kept, unit)) return { inService: kept.inService, cells: kept.cells, recounted: false }
  const counted = await countRoster(ctx, unit._id, unit.family, year)
  await runInTransaction(ctx.db, async (tx: SdkHandle) => {
    const now = await txGet<UnitDoc>(tx, 'units', unit._id)
    if (!now || (now.rosterRevision ?? 0) !== (unit.rosterRevision ?? 0) || (now.standingRevision ?? 0) !== (unit.standingRevision ?? 0)) return
    const doc: Omit<RosterCountsDoc, '_id'> = {
      unitId: unit._id,
      family: unit.family,
      year,
      rosterRevision: unit.rosterRevision ?? 0,
      standingRevision: unit.standingRevision ?? 0,
      inService: counted.inService,
      cells: counted.cells,
      countedAt: ctx.clock.now(),
    }
    await tx.collection(ROSTER_COUNTS).doc(id).set({ data: doc })
  })
  return { ...counted, recounted: true }
}

/** The periods whose kept figures a roster change moves with it: those a unit can declare (this year and next). */
export const countedYears = (today: string): number[] => [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1]

/**
 * Moves a unit's roster revision (`bumpRosterInTx`) and, in the same transaction, the kept figures of the periods a
 * single person's change touches: for each kept period stamped fresh, the person leaves `from` and joins `to` (a cell,
 * or null when not in service), and the stamp follows the revision. Kept figures already stale stay stale.
 */
export async function adjustRosterCountsInTx(
  ctx: HandlerContext,
  tx: SdkHandle,
  unitId: string,
  changes: { year: number; from: Omit<CountCell, 'count'> | null; to: Omit<CountCell, 'count'> | null }[],
): Promise<void> {
  const unit = await txGet<UnitDoc>(tx, 'units', unitId)
  if (!unit) throw new Error(`unit ${unitId} is missing`)
  const revision = unit.rosterRevision ?? 0
  for (const change of changes) {
    const id = rosterCountsId(unitId, change.year)
    const kept = await txGet<RosterCountsDoc>(tx, ROSTER_COUNTS, id)
    if (!isFresh(kept, unit)) continue
    const counts = new Map(kept.cells.map((c) => [keyOf(c), c.count]))
    if (change.from) counts.set(keyOf(change.from), (counts.get(keyOf(change.from)) ?? 0) - 1)
    if (change.to) counts.set(keyOf(change.to), (counts.get(keyOf(change.to)) ?? 0) + 1)
    const cells = [...counts].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => cellOfKey(key, n))
    const inService = kept.inService - (change.from ? 1 : 0) + (change.to ? 1 : 0)
    await tx.collection(ROSTER_COUNTS).doc(id).update({ data: { cells, inService, rosterRevision: revision + 1, countedAt: ctx.clock.now() } })
  }
  await bumpRosterInTx(ctx, tx, unitId)
}

/** Hashes looked up per query when finding whose rosters hold some people. */
const HASH_CHUNK = 300

/** The units with one of these people (by ID hash) on their roster, and `unitId`. */
export async function unitsHolding(ctx: HandlerContext, unitId: string, idHashes: string[]): Promise<string[]> {
  const _ = ctx.db.command
  const units = new Set([unitId])
  for (let i = 0; i < idHashes.length; i += HASH_CHUNK) {
    const chunk = idHashes.slice(i, i + HASH_CHUNK)
    // Nobody is on more than a few rosters: a chunk's rows stay well within one answer, asserted rather than assumed.
    const rows = (await ctx.db.collection('people').where({ idHash: _.in(chunk) }).field({ unitId: true }).limit(1000).get()).data as { unitId: string }[]
    if (rows.length >= 1000) throw new Error('unitsHolding: too many rosters hold these people for one read')
    for (const r of rows) units.add(r.unitId)
  }
  return [...units]
}

/**
 * Records on the operation the units whose kept figures its writes may move (`staleUnits`), when not recorded yet:
 * the transaction that ends the operation marks them again (operation.ts). `op` is updated in place, so one step notes
 * each unit once.
 */
export async function noteStaleUnits(ctx: HandlerContext, op: OperationDoc, units: string[]): Promise<void> {
  const known = new Set(op.staleUnits ?? [])
  const missing = units.filter((u) => !known.has(u))
  if (!missing.length) return
  await ctx.db.collection(OPERATIONS).doc(op._id).update({ data: { staleUnits: ctx.db.command.addToSet({ $each: missing }) } })
  op.staleUnits = [...known, ...missing]
}

/** Moves these units' `standingRevision`: their kept figures are counted again on their next opening. */
export async function markUnitsStale(ctx: HandlerContext, units: string[]): Promise<void> {
  await Promise.all(units.map((id) => ctx.db.collection('units').doc(id).update({ data: { standingRevision: ctx.db.command.inc(1) } })))
}

/**
 * Marks the kept figures of every unit that has one of these people (by ID hash) on its roster, and of `unitId`, as
 * stale: called by a step of operation `op` AFTER it wrote or changed the participations of these people (so a count
 * taken before the write cannot be stored under the new stamp), and again by a repeat of the same step. The units are
 * noted on the operation first, so the transaction that ends it marks them once more — should the call be cut off
 * between the write and this mark, and no repeat of the step find the people again.
 */
export async function markStandingsChanged(ctx: HandlerContext, op: OperationDoc, unitId: string, idHashes: string[]): Promise<void> {
  const units = await unitsHolding(ctx, unitId, idHashes)
  await noteStaleUnits(ctx, op, units)
  await markUnitsStale(ctx, units)
}
