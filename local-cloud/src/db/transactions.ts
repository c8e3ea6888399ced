/**
 * Transactions, serialized: one runs at a time, later ones wait their turn. A transaction's writes live in
 * its own `Changes` until commit (readers outside never see them); abort simply drops them.
 *
 * A transaction that is left open (its function timed out, a client vanished) is aborted after
 * `maxLifetimeMs`, and the function runner aborts whatever a finished call left open.
 */
import { randomBytes } from 'node:crypto'
import { WireError } from '../wire-error'
import { Changes, type Database, type WalOp } from './database'

interface Active {
  id: string
  changes: Changes
  owner: string | undefined
  timer: NodeJS.Timeout
}

export class TransactionManager {
  private current: Active | null = null
  private readonly waiting: { owner: string | undefined; resolve: (id: string) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = []

  constructor(
    private readonly db: Database,
    private readonly maxLifetimeMs = 30_000,
    private readonly maxWaitMs = 15_000,
  ) {}

  /** Starts a transaction once no other is running. `owner` is the function call that started it, if any. */
  start(owner?: string): Promise<string> {
    if (!this.current) return Promise.resolve(this.begin(owner))
    return new Promise((resolve, reject) => {
      const entry = {
        owner,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1)
          reject(new WireError('DATABASE_TRANSACTION_FAIL', '数据库事务繁忙，请稍后重试'))
        }, this.maxWaitMs),
      }
      this.waiting.push(entry)
    })
  }

  /** The uncommitted changes of a running transaction. */
  changesOf(id: string): Changes {
    if (this.current?.id !== id) {
      throw new WireError('DATABASE_TRANSACTION_FAIL', `事务 ${id} 不存在或已结束（已提交、已回滚或超时）`)
    }
    return this.current.changes
  }

  /** Validates and applies the transaction; returns the log operations to persist. */
  commit(id: string): WalOp[] {
    const changes = this.changesOf(id)
    try {
      return this.db.commit(changes)
    } finally {
      this.finish()
    }
  }

  abort(id: string): void {
    this.changesOf(id)
    this.finish()
  }

  /** Aborts the running transaction if `owner` started it (called when a function call ends). */
  abortOwnedBy(owner: string): void {
    if (this.current && this.current.owner === owner) this.finish()
    for (const entry of [...this.waiting]) {
      if (entry.owner === owner) {
        clearTimeout(entry.timer)
        this.waiting.splice(this.waiting.indexOf(entry), 1)
        entry.reject(new WireError('DATABASE_TRANSACTION_FAIL', '调用已结束，事务未开始'))
      }
    }
  }

  private begin(owner: string | undefined): string {
    const id = randomBytes(12).toString('hex')
    const timer = setTimeout(() => {
      if (this.current?.id === id) {
        console.warn(`[local-cloud] transaction ${id} was open longer than ${this.maxLifetimeMs} ms: aborted`)
        this.finish()
      }
    }, this.maxLifetimeMs)
    timer.unref()
    this.current = { id, changes: new Changes(), owner, timer }
    return id
  }

  private finish(): void {
    if (this.current) clearTimeout(this.current.timer)
    this.current = null
    const next = this.waiting.shift()
    if (next) {
      clearTimeout(next.timer)
      next.resolve(this.begin(next.owner))
    }
  }
}
