import type { Scheme } from '@mutual-aid/shared-rules'
import type { HandlerContext } from '@cloud-shared/context'
import { AppError } from '@cloud-shared/errors'
import { keysetPage, type SortSpec } from '@cloud-shared/keyset'
import { BY_NAME_KEY } from '@cloud-shared/name-key'
import type { UnitDoc } from '@cloud-shared/documents'
import type { CountCell } from '@cloud-shared/roster-counts'
import type { ParticipationDoc, PersonDoc } from './model'
import { participationsByHash } from './lookups'
import { isFirstTime } from './period'

/** The roster by the name's pinyin sort key, as the roster page lists it; `_id` breaks ties (index by_unit_status_name_key). */
export const ROSTER_ORDER: SortSpec = BY_NAME_KEY

/**
 * People read per page while walking the roster: a page reads one row more than it keeps (to know whether another
 * follows), and CloudBase answers at most 1,000 a query — so at most 999.
 */
export const SCAN_PAGE = 900

/** Who of the in-service staff is not declarable (holding a place this period) is named, up to this many. */
export const HELD_MAX = 20_000

export type ScannedPerson = Pick<PersonDoc, '_id' | 'idHash' | 'sex' | 'name' | 'idMasked' | 'status' | 'hireDate'>

/** A person's standing in the period being declared: last period here, this period anywhere, first-time or not. */
export interface Standing {
  previous: ParticipationDoc | undefined
  current: ParticipationDoc | undefined
  firstTime: boolean
}

/**
 * The standing of a few people (a page of the list, a chunk of a declaration): their participations last period here
 * (Art. 12) and this period anywhere (Art. 6), fetched by ID hash.
 */
export async function standingsOf(
  ctx: HandlerContext,
  unitId: string,
  scheme: Scheme,
  year: number,
  renewedOn: string,
  people: Pick<PersonDoc, 'idHash'>[],
): Promise<Map<string, Standing>> {
  const hashes = people.map((p) => p.idHash)
  const [previous, current] = await Promise.all([participationsByHash(ctx, scheme.family, year - 1, hashes), participationsByHash(ctx, scheme.family, year, hashes)])
  const prevByHash = new Map(previous.filter((p) => p.status === 'active' && p.unitId === unitId).map((p) => [p.idHash, p]))
  const curByHash = new Map(current.filter((p) => p.status !== 'void').map((p) => [p.idHash, p]))
  return new Map(
    people.map((p) => {
      const prev = prevByHash.get(p.idHash)
      return [p.idHash, { previous: prev, current: curByHash.get(p.idHash), firstTime: isFirstTime(scheme, year, prev, renewedOn) }]
    }),
  )
}

/**
 * Whether a person in service can be declared in an annual declaration: holding no place this period, or only one in
 * the returned declaration being corrected (Art. 6).
 */
export function declarableNow(standing: Standing, returnedId?: string): boolean {
  return !standing.current || (returnedId !== undefined && standing.current.enrolmentId === returnedId)
}

export interface RosterScan {
  revision: number
  inService: number
  /** In-service people who can be declared now, and how they split by first-time × sex (the quote's inputs). */
  declarable: number
  groups: { firstTime: boolean; sex: 'male' | 'female'; count: number }[]
  /** In-service people who cannot (they hold a place this period): fixed as the declaration starts. */
  held: string[]
  /** Declarable people not in the returned declaration (for the form's initial ticks), up to `notInReturnedMax`. */
  notInReturned: { person: ScannedPerson; standing: Standing }[] | null
  /** Declarable people the clerk left out (`except`): not counted above. */
  excepted: number
}

/**
 * Walks the unit's in-service staff in keyset order (a page of 1,000 at a time, with their standings) and counts who
 * can be declared: the server's figures for the page's ratio and quote, and what `submit` checks. Nothing of it goes to
 * the phone but the counts.
 */
export async function scanRoster(
  ctx: HandlerContext,
  unit: Pick<UnitDoc, '_id' | 'rosterRevision'>,
  scheme: Scheme,
  year: number,
  renewedOn: string,
  options: { returnedId?: string; notInReturnedMax?: number; except?: ReadonlySet<string> } = {},
): Promise<RosterScan> {
  const groups = new Map<string, number>()
  const held: string[] = []
  let excepted = 0
  let notInReturned: RosterScan['notInReturned'] = options.returnedId ? [] : null
  let inService = 0
  let declarable = 0
  let cursor: string | undefined
  do {
    const page = await keysetPage<ScannedPerson>(ctx.db, 'people', { unitId: unit._id, status: 'in_service' }, ROSTER_ORDER, {
      cursor,
      limit: SCAN_PAGE,
      fields: ['_id', 'idHash', 'sex', 'name', 'idMasked', 'status', 'hireDate'],
    })
    const standings = await standingsOf(ctx, unit._id, scheme, year, renewedOn, page.docs)
    for (const person of page.docs) {
      inService++
      const standing = standings.get(person.idHash)!
      if (!declarableNow(standing, options.returnedId)) {
        if (held.length >= HELD_MAX) throw new AppError('ROSTER_TOO_LARGE', `本单位本期已参加的在职人员超过 ${HELD_MAX} 人，请联系互助办处理。`)
        held.push(person._id)
        continue
      }
      if (options.except?.has(person._id)) {
        excepted++
        continue
      }
      declarable++
      const key = `${standing.firstTime ? 1 : 0}:${person.sex}`
      groups.set(key, (groups.get(key) ?? 0) + 1)
      if (notInReturned && standing.current?.enrolmentId !== options.returnedId) {
        if (notInReturned.length >= (options.notInReturnedMax ?? 0)) notInReturned = null
        else notInReturned.push({ person, standing })
      }
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return {
    revision: unit.rosterRevision ?? 0,
    inService,
    declarable,
    groups: [...groups].map(([key, count]) => ({ firstTime: key.startsWith('1'), sex: key.slice(2) as 'male' | 'female', count })),
    held,
    notInReturned,
    excepted,
  }
}

/**
 * The declaration's figures from a unit's kept cells (roster-counts.ts), judged as `scanRoster` judges each person:
 * declarable when holding no place this period or one in the returned declaration; first-time by the renewal date
 * rule on the end of last period's coverage here, as of `renewedOn`. `unheld`: declarable people holding no place.
 */
export function figuresOf(
  cells: CountCell[],
  scheme: Scheme,
  year: number,
  renewedOn: string,
  returnedId?: string,
): { declarable: number; unheld: number; groups: RosterScan['groups'] } {
  const groups = new Map<string, number>()
  let declarable = 0
  let unheld = 0
  for (const cell of cells) {
    if (cell.hold !== null && cell.hold !== returnedId) continue
    declarable += cell.count
    if (cell.hold === null) unheld += cell.count
    const previous = cell.previousEnd === null ? undefined : ({ status: 'active', coverageEnd: cell.previousEnd } as ParticipationDoc)
    const key = `${isFirstTime(scheme, year, previous, renewedOn) ? 1 : 0}:${cell.sex}`
    groups.set(key, (groups.get(key) ?? 0) + cell.count)
  }
  return {
    declarable,
    unheld,
    groups: [...groups].filter(([, n]) => n > 0).map(([key, count]) => ({ firstTime: key.startsWith('1'), sex: key.slice(2) as 'male' | 'female', count })),
  }
}

/** The quote's participants from counts by first-time × sex. */
export function participantsOf(groups: RosterScan['groups'], minus: { firstTime: boolean; sex: 'male' | 'female' }[] = []): { firstTime: boolean; sex: 'male' | 'female' }[] {
  const left = new Map(groups.map((g) => [`${g.firstTime ? 1 : 0}:${g.sex}`, g.count]))
  for (const m of minus) {
    const key = `${m.firstTime ? 1 : 0}:${m.sex}`
    left.set(key, (left.get(key) ?? 0) - 1)
  }
  const out: { firstTime: boolean; sex: 'male' | 'female' }[] = []
  for (const [key, count] of left) for (let i = 0; i < count; i++) out.push({ firstTime: key.startsWith('1'), sex: key.slice(2) as 'male' | 'female' })
  return out
}
