/**
 * Keyset paging: a list read one page at a time in the order of a declared index, each page starting after the last
 * row of the one before. A page costs the same however deep it is (no `skip`), and the database examines about what
 * it returns — provided `collections.ts` declares an index of the filter's equality fields followed by the sort.
 *
 * The cursor is the last row's sort values (opaque to the app). "After (a, b, c)" would need an `$or`, which no index
 * serves, so it is read as up to one query per sort field, each an index range:
 *   a = A, b = B, c > C   then   a = A, b > B   then   a > A
 * each in index order, until the page is full.
 */
import { AppError } from './errors'
import type { SdkHandle } from './sdk'

/** Sort fields with their direction; the last must be unique (a tie-breaker such as `claimNo` or `_id`). */
export type SortSpec = readonly (readonly [field: string, direction: 'asc' | 'desc'])[]

type Key = string | number | Date | null

export interface KeysetRequest {
  cursor?: string
  limit: number
  /**
   * More conditions every read must meet, joined with `$and` (a field may then carry two: the page's lower bound
   * and, say, the upper end of a name's prefix — see `prefixOf`).
   */
  also?: Record<string, unknown>[]
  /** Only these fields of each row (the sort fields are always read: the cursor is made of them). */
  fields?: readonly string[]
}

/**
 * "Starts with `text`" on `field` as an index range (a regular expression is never index-served): `where` gets the
 * lower end, `also` the upper.
 */
export function prefixOf(db: SdkHandle, field: string, text: string): { where: Record<string, unknown>; also: Record<string, unknown>[] } {
  const _ = db.command
  return { where: { [field]: _.gte(text) }, also: [{ [field]: _.lt(`${text}\uffff`) }] }
}

const joined = (db: SdkHandle, filter: Record<string, unknown>, also: Record<string, unknown>[] = []) =>
  also.length ? db.command.and([filter, ...also]) : filter

export interface KeysetPage<T> {
  docs: T[]
  nextCursor: string | null
}

const badCursor = () => new AppError('INVALID_INPUT', '翻页位置无效，请刷新后重试。')

function valueAt(doc: Record<string, unknown>, field: string): unknown {
  return field.split('.').reduce<unknown>((v, part) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined), doc)
}

/** The sort values of a row as a cursor: base64url of a JSON array, dates tagged. */
export function encodeCursor(doc: Record<string, unknown>, sort: SortSpec): string {
  const values = sort.map(([field]) => {
    const v = valueAt(doc, field)
    if (v instanceof Date) return { d: v.toISOString() }
    return v === undefined ? null : v
  })
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

/** A cursor back to sort values; anything not made by `encodeCursor` for this sort is refused. */
export function decodeCursor(cursor: string, sort: SortSpec): Key[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badCursor()
  }
  if (!Array.isArray(values) || values.length !== sort.length) throw badCursor()
  return values.map((v): Key => {
    if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v
    if (v && typeof v === 'object' && typeof (v as { d?: unknown }).d === 'string') {
      const d = new Date((v as { d: string }).d)
      if (!Number.isNaN(d.getTime())) return d
    }
    throw badCursor()
  })
}

/**
 * One page of `where` in `sort` order after `cursor`. Reads at most `limit + 1` rows (the extra one tells whether
 * another page follows). Sort values may be null only where nulls sort first (ascending; the database puts them
 * before every string) — a null past them in a descending walk ends the list.
 */
export async function keysetPage<T extends object>(
  db: SdkHandle,
  collection: string,
  where: Record<string, unknown>,
  sort: SortSpec,
  { cursor, limit, also, fields }: KeysetRequest,
): Promise<KeysetPage<T>> {
  // The page reads limit + 1 rows and CloudBase answers at most 1,000: a larger page would silently end the list.
  if (limit > 999) throw new Error(`keysetPage: a page of ${limit} cannot tell whether another follows (at most 999)`)
  const _ = db.command
  const projection = fields ? Object.fromEntries([...fields, ...sort.map(([f]) => f)].map((f) => [f, true])) : undefined
  const read = async (filter: Record<string, unknown>, order: SortSpec, n: number): Promise<T[]> => {
    let q = db.collection(collection).where(joined(db, filter, also))
    if (projection) q = q.field(projection)
    for (const [field, dir] of order) q = q.orderBy(field, dir)
    return (await q.limit(n).get()).data as T[]
  }
  const docs: T[] = []
  if (!cursor) docs.push(...(await read(where, sort, limit + 1)))
  else {
    const after = decodeCursor(cursor, sort)
    // Deepest level first: same values on every field but the last, then a range on one field less each time.
    for (let level = sort.length - 1; level >= 0 && docs.length <= limit; level--) {
      const [field, dir] = sort[level]
      const value = after[level]
      let range: unknown
      if (value === null) {
        // Nulls come first ascending: after them, every string value; descending nothing follows them.
        if (dir === 'desc') continue
        range = _.gte('')
      } else range = dir === 'asc' ? _.gt(value) : _.lt(value)
      const filter: Record<string, unknown> = { ...where, [field]: range }
      for (let i = 0; i < level; i++) filter[sort[i][0]] = after[i]
      docs.push(...(await read(filter, sort.slice(level), limit + 1 - docs.length)))
    }
  }
  const page = docs.slice(0, limit)
  const more = docs.length > limit && page.length > 0
  return { docs: page, nextCursor: more ? encodeCursor(page[page.length - 1] as Record<string, unknown>, sort) : null }
}

/** The exact number of rows `where` selects (counted by the database from the index, not by reading the list). */
export async function countWhere(db: SdkHandle, collection: string, where: Record<string, unknown>, also?: Record<string, unknown>[]): Promise<number> {
  const res = await db.collection(collection).where(joined(db, where, also)).count()
  return res.total as number
}
