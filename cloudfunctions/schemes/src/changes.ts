/** One value that differs between two versions, by its path in the data (`critical.severeFen`, `diseases.critical[TZC05]`). */
export interface Change {
  path: string
  before: string
  after: string
}

const MAX_CHANGES = 200

const show = (v: unknown): string => (v === undefined ? '（无）' : v === null ? '（未设定）' : typeof v === 'string' ? v : JSON.stringify(v))

/** List items keyed by what names them: a disease by its code, a fee rule by its product; other lists by position. */
function keyOf(item: unknown, i: number): string {
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>
    if (typeof o.code === 'string') return o.code
    if (typeof o.product === 'string' && typeof o.per === 'string') return o.product
  }
  return String(i)
}

/**
 * The values of `after` that differ from `before`, leaf by leaf (what the office changed against the version it copied
 * from), at most 200. A list entry added or removed shows as one change, not as every later entry moving.
 */
export function changesBetween(before: unknown, after: unknown, at = ''): Change[] {
  const out: Change[] = []
  walk(before, after, at, out)
  return out.slice(0, MAX_CHANGES)
}

function walk(a: unknown, b: unknown, at: string, out: Change[]): void {
  if (out.length >= MAX_CHANGES) return
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Map(a.map((x, i) => [keyOf(x, i), x]))
    const right = new Map(b.map((x, i) => [keyOf(x, i), x]))
    for (const [k, x] of left) walk(x, right.get(k), `${at}[${k}]`, out)
    for (const [k, y] of right) if (!left.has(k)) out.push({ path: `${at}[${k}]`, before: '（无）', after: show(y) })
    return
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k, out)
    return
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: at, before: show(a), after: show(b) })
}
