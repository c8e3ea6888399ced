import type { Doc } from '../ejson'

/**
 * The value at a dot path (`a.b.0.c`), or undefined when a step is missing. Array elements are reached only
 * by index; an array is not searched (that is a query's job, done by mingo).
 */
export function valueAtPath(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Doc)[part]
  }
  return cur
}
