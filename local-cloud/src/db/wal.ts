/**
 * Append-only write-ahead log with group commit: every write request appends one line (all of its
 * operations, so a multi-document write or a transaction is atomic on replay) and is acknowledged only after
 * the line is fsynced. Lines queued while an fsync is in flight are written and synced together.
 */
import { promises as fsp } from 'node:fs'
import { encodeEjson } from '../ejson'
import type { WalOp } from './database'

/** Rewrites the snapshot from memory; after it the log can be emptied. */
export interface Compaction {
  /** Log size that triggers it, in bytes. */
  thresholdBytes: number
  writeSnapshot: () => Promise<void>
}

interface Pending {
  line: string
  resolve: () => void
  reject: (error: Error) => void
}

export class WriteAheadLog {
  private queue: Pending[] = []
  private flushing = false
  private failed: Error | null = null

  private bytes = 0

  private constructor(
    private readonly handle: fsp.FileHandle,
    private readonly compaction?: Compaction,
  ) {}

  static async open(path: string, compaction?: Compaction): Promise<WriteAheadLog> {
    const handle = await fsp.open(path, 'a')
    const log = new WriteAheadLog(handle, compaction)
    log.bytes = (await handle.stat()).size
    return log
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

  /**
   * Snapshot, then empty the log. The snapshot may already contain writes still queued here; they are
   * written to the emptied log afterwards and replaying them again is harmless (puts and deletes by id).
   */
  private async compact(compaction: Compaction): Promise<void> {
    await compaction.writeSnapshot()
    await this.handle.truncate(0)
    await this.handle.datasync()
    this.bytes = 0
  }

  private async flush(): Promise<void> {
    this.flushing = true
    try {
      while (this.queue.length > 0) {
        const batch = this.queue
        this.queue = []
        try {
          const text = batch.map((p) => p.line).join('')
          await this.handle.write(text)
          await this.handle.datasync()
          this.bytes += Buffer.byteLength(text)
          for (const p of batch) p.resolve()
          if (this.compaction && this.bytes >= this.compaction.thresholdBytes) await this.compact(this.compaction)
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
