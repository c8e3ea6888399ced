/**
 * Asserting on how much work database requests did (the emulator's per-request explain records, see
 * local-cloud/README.md "Indexes and query statistics"):
 *
 *   const { result, queries } = await emu.callFunctionWithStats('claims', { action: 'queue' }, { openid: clerk })
 *   expectQueriesIndexed(queries)                       // every read examined ≤ 2 × what it returned (+1)
 *   expectQueriesIndexed(queries, { actions: ['find'], maxRatio: 1.5 })
 *
 * A read fails the check when it examined (index keys or documents) more than `maxRatio` × what it answered plus
 * `slack` — e.g. a full scan of 10,000 claims for a page of 20, or a sort done by reading every match. The message
 * lists each offending request with its plan, so the fix (an index, a keyset page) is plain.
 */
import type { QueryAction, QueryRecord } from '../../local-cloud/src/db/query-log'

export interface IndexedOptions {
  /** Allowed examined / returned (default 2). */
  maxRatio?: number
  /** Extra examined allowed per request, for lookups that find nothing (default 1). */
  slack?: number
  /** Which requests to check (default: find, count, update, remove; aggregate only when listed). */
  actions?: QueryAction[]
  /** Requests to leave out (e.g. a deliberate small scan), by collection name or predicate. */
  except?: string[] | ((q: QueryRecord) => boolean)
}

/** The requests over the bound, with why. Empty when all are within it. */
export function overExamined(queries: QueryRecord[], options: IndexedOptions = {}): string[] {
  const { maxRatio = 2, slack = 1, actions = ['find', 'count', 'update', 'remove'], except } = options
  const skip = (q: QueryRecord) => (Array.isArray(except) ? except.includes(q.collection) : except ? except(q) : false)
  const problems: string[] = []
  for (const q of queries) {
    if (!actions.includes(q.action) || skip(q)) continue
    const bound = maxRatio * q.nReturned + slack
    const examined = Math.max(q.keysExamined, q.docsExamined)
    if (examined <= bound) continue
    const plan = q.stage === 'COLLSCAN' ? `COLLSCAN（${q.reason ?? ''}）` : `${q.stage} ${q.index ?? ''}${q.sortInMemory ? ' + 内存排序' : ''}`
    const sort = q.sort ? ` sort ${JSON.stringify(q.sort)}` : ''
    problems.push(
      `${q.function ? `${q.function}: ` : ''}${q.action} ${q.collection} ${q.filter}${sort} — examined ${q.keysExamined} keys / ${q.docsExamined} docs, ` +
        `returned ${q.nReturned} (allowed ${bound}) — ${plan}`,
    )
  }
  return problems
}

/** Throws (failing the test) when any checked request examined more than a small multiple of what it returned. */
export function expectQueriesIndexed(queries: QueryRecord[], options: IndexedOptions = {}): void {
  const problems = overExamined(queries, options)
  if (problems.length > 0) throw new Error(`Database requests read far more than they returned:\n  ${problems.join('\n  ')}`)
}
