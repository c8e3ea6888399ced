/**
 * One operation run under fault injection: a function call and every call it makes. It counts the operation's
 * database writes in the order they arrive and, when a crash is planned at write N, stops the operation there.
 */
import type { CallGroup } from '../functions/function-runner'

/** Where to crash: at the `atWrite`-th write (1-based), `before` it is applied or right `after` it was. */
export interface CrashPlan {
  atWrite: number
  when: 'before' | 'after'
  /**
   * What stops: the whole `operation` (every call in it, as when the first call times out or its machine dies), or
   * only the `call` that made the write and the calls it made (a nested call timing out: its caller goes on and
   * gets the time-out as an error).
   */
  scope: 'operation' | 'call'
}

export interface WriteRecord {
  /** 1-based position among the operation's writes. */
  n: number
  /** The function whose call made it. */
  fn: string
  action: string
  collection: string | null
  /** What it touched: a document id, `(where)`, `transaction commit`, … */
  target: string
}

export interface CrashRecord extends WriteRecord {
  when: CrashPlan['when']
  scope: CrashPlan['scope']
  /** How many calls were stopped. */
  stoppedCalls: number
}

export class Operation implements CallGroup {
  readonly writes: WriteRecord[] = []
  crashed: CrashRecord | null = null
  private readonly stopped = new Set<string>()

  constructor(readonly plan: CrashPlan | null) {}

  isStopped(callId: string): boolean {
    return this.stopped.has(callId)
  }

  /** Marks calls as stopped: from now on nothing they send runs, and nothing they call starts. */
  markStopped(callIds: readonly string[]): void {
    for (const id of callIds) this.stopped.add(id)
  }

  /** Counts a write; true when it is the planned crash point. */
  recordWrite(write: Omit<WriteRecord, 'n'>): { record: WriteRecord; crashHere: boolean } {
    const record = { n: this.writes.length + 1, ...write }
    this.writes.push(record)
    return { record, crashHere: this.plan !== null && this.crashed === null && record.n === this.plan.atWrite }
  }
}
