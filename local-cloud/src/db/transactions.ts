/**
 * Transactions as CloudBase runs them: side by side, each reading a snapshot taken at its start, its writes private
 * until commit (abort drops them). Conflicts are the database's business (see `Database.claimForWrite` and
 * `Database.commit`): a write-write conflict answers DATABASE_TRANSACTION_CONFLICT at once, never a wait.
 *
 * A transaction that is left open (its function timed out, a client vanished) is aborted after `maxLifetimeMs`,
 * and the function runner aborts whatever a finished call left open.
 */
import { randomBytes } from 'node:crypto'
import { WireError } from '../wire-error'
import type { Changes, Database, WalOp } from './database'

interface Active {
  changes: Changes
  owner: string | undefined
  timer: NodeJS.Timeout
}

export class TransactionManager {
  private readonly active = new Map<string, Active>()

  /**
   * `maxLifetimeMs`: MongoDB's transactionLifetimeLimitSeconds defaults to 60 s; CloudBase functions are cut off
   * long before that, so 30 s here only cleans up after clients that vanished.
   */
  constructor(
    private readonly db: Database,
    private readonly maxLifetimeMs = 30_000,
  ) {}

  /** Starts a transaction at once. `owner` is the function call that started it, if any. */
  start(owner?: string): string {
    const id = randomBytes(12).toString('hex')
    const timer = setTimeout(() => {
      if (this.active.has(id)) {
        console.warn(`[local-cloud] transaction ${id} was open longer than ${this.maxLifetimeMs} ms: aborted`)
        this.finish(id)
      }
    }, this.maxLifetimeMs)
    timer.unref()
    this.active.set(id, { changes: this.db.openSnapshot(id), owner, timer })
    return id
  }

  /** How many transactions are open (for tests and the benchmark). */
  get openCount(): number {
    return this.active.size
  }

  /** The uncommitted changes of an open transaction. */
  changesOf(id: string): Changes {
    const tx = this.active.get(id)
    if (!tx) throw new WireError('DATABASE_TRANSACTION_FAIL', `事务 ${id} 不存在或已结束（已提交、已回滚、冲突或超时）`)
    return tx.changes
  }

  /** Validates and applies the transaction; returns the log operations to persist. Ends it either way. */
  commit(id: string): WalOp[] {
    const changes = this.changesOf(id)
    try {
      return this.db.commit(changes)
    } finally {
      this.finish(id)
    }
  }

  abort(id: string): void {
    this.changesOf(id)
    this.finish(id)
  }

  /** Aborts the transactions `owner` left open (called when a function call ends). */
  abortOwnedBy(owner: string): void {
    for (const [id, tx] of this.active) if (tx.owner === owner) this.finish(id)
  }

  private finish(id: string): void {
    const tx = this.active.get(id)
    if (!tx) return
    clearTimeout(tx.timer)
    this.active.delete(id)
    this.db.closeSnapshot(id)
  }
}
