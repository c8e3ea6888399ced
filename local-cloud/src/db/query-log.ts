/**
 * Per-request read statistics, like MongoDB's explain executionStats, kept for the last requests so tests and the
 * benchmark can ask "what did this function call read?": `GET /local/query-stats?call=<id>` (the id comes back in
 * the `x-local-call-id` header of `/local/invoke` and `/fn/<name>`) or `?since=<seq>` for direct SDK requests.
 */
import type { Explain } from './explain'

export type QueryAction = 'find' | 'count' | 'update' | 'remove' | 'aggregate' | 'insert'

export interface QueryRecord extends Explain {
  /** Increasing number of the record. */
  seq: number
  /** The function call that sent the request (its `request_id`), when a function sent it. */
  callId?: string
  /** That function's name. */
  function?: string
  action: QueryAction
  collection: string
  /** The query as relaxed Extended JSON (for reading the record, not for replaying it). */
  filter: string
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  /**
   * What the request answered with: documents returned (find), the count (count), documents matched (update,
   * remove), documents the pipeline output (aggregate), documents inserted (insert).
   */
  nReturned: number
  /** Time spent in the database, in ms. */
  ms: number
}

/** Records kept; older ones are dropped first. */
const DEFAULT_CAPACITY = 20_000

export class QueryLog {
  private readonly records: QueryRecord[] = []
  private seq = 0

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  record(entry: Omit<QueryRecord, 'seq'>): void {
    this.records.push({ ...entry, seq: ++this.seq })
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity)
  }

  /** The last record's number (0 before any): pass it as `since` to see only what comes after. */
  get lastSeq(): number {
    return this.seq
  }

  /** Records of one function call, or after `since`, oldest first. */
  list(filter: { callId?: string; since?: number }): QueryRecord[] {
    return this.records.filter((r) => (filter.callId === undefined || r.callId === filter.callId) && (filter.since === undefined || r.seq > filter.since))
  }
}
