/**
 * Reading and writing one value of a scheme version by its path (`critical.severeFen`, `diseases.critical.3.name`),
 * without changing the object it came from: the editor keeps the draft as plain data and replaces what a field edits.
 */
export type Path = readonly (string | number)[]

/** `a.b.0.c` ↔ `['a', 'b', 0, 'c']` (the form shows an issue of the schema on the field with the same path). */
export const pathKey = (path: Path): string => path.join('.')

export function getAt(value: unknown, path: Path): unknown {
  let v: unknown = value
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string | number, unknown>)[k]
  }
  return v
}

/** A copy of `value` with the value at `path` replaced (every object on the way copied, nothing else). */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T
  const [head, ...rest] = path
  const container = (value ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown> | unknown[]
  const copy = Array.isArray(container) ? [...container] : { ...container }
  ;(copy as Record<string | number, unknown>)[head] = setAt((container as Record<string | number, unknown>)[head], rest, next)
  return copy as T
}
