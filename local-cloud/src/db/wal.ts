/**
 * Append-only write-ahead log with group commit: every write request appends one line (all of its
 * operations, so a multi-document write or a transaction is atomic on replay) and is acknowledged only after
 * the line is fsynced. Lines queued while an fsync is in flight are written and synced together.
 */
import { promises as fsp } from 'node:fs'
import { encodeEjson } from '../ejson'
import type { WalOp } from './database'

interface Pending {
  line: string
  resolve: () => void
  reject: (error: Error) => void
}

export class WriteAheadLog {
  private queue: Pending[] = []
  private flushing = false
  private failed: Error | null = null

  private constructor(private readonly handle: fsp.FileHandle) {}

  static async open(path: string): Promise<WriteAheadLog> {
    return new WriteAheadLog(await fsp.open(path, 'a'))
  }

  /** Resolves once `ops` are on disk. */
  append(ops: WalOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve()
    if (this.failed) return Promise.reject(this.failed)
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${encodeEjson({ ops })}\n`, resolve, reject })
      if (!this.flushing) void this.flush()
    })
  }

  async close(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      if (!this.flushing) await this.flush()
      else await new Promise((r) => setTimeout(r, 1))
    }
    await this.handle.close()
  }

  private async flush(): Promise<void> {
    this.flushing = true
    try {
      while (this.queue.length > 0) {
        const batch = this.queue
        this.queue = []
        try {
          await this.handle.write(batch.map((p) => p.line).join(''))
          await this.handle.datasync()
          for (const p of batch) p.resolve()
        } catch (error) {
          // A failed write leaves the log in an unknown state: refuse further writes rather than lose them.
          this.failed = error as Error
          for (const p of [...batch, ...this.queue]) p.reject(this.failed)
          this.queue = []
        }
      }
    } finally {
      this.flushing = false
    }
  }
}
