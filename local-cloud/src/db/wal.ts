/**
 * Append-only write-ahead log with group commit: every write request appends one line (all of its
 * operations, so a multi-document write or a transaction is atomic on replay) and is acknowledged only after
 * the line is fsynced. Lines queued while an fsync is in flight are written and synced together.
 *
 * When the active log passes a size, it is sealed (renamed `wal-<n>.ejsonl`, a new `wal.ejsonl` started — writes
 * wait only for that rename) and a checkpoint writes a new snapshot in the background while writes go on; once the
 * snapshot is on disk, the sealed logs it covers are deleted (see persistence.ts).
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import type { WalOp } from './database'
import { encodeStored } from './storage-format'

/** Writes a snapshot covering sealed log `gen` and everything before it; `stopping()` asks it to give up. */
export interface Compaction {
  /** Active log size that triggers sealing and a checkpoint, in bytes. */
  thresholdBytes: number
  checkpoint: (gen: number, stopping: () => boolean) => Promise<void>
}

interface Pending {
  line: string
  resolve: () => void
  reject: (error: Error) => void
}

/** The name of sealed log number `gen`. */
export function sealedLogName(gen: number): string {
  return `wal-${String(gen).padStart(8, '0')}.ejsonl`
}

export class WriteAheadLog {
  private queue: Pending[] = []
  private flushing = false
  private failed: Error | null = null
  private bytes = 0
  private checkpointing: Promise<void> | null = null
  private stopping = false

  private constructor(
    private handle: fsp.FileHandle,
    private readonly file: string,
    /** Number the next sealed log gets. */
    private nextGen: number,
    private readonly compaction?: Compaction,
  ) {}

  static async open(file: string, nextGen: number, compaction?: Compaction): Promise<WriteAheadLog> {
    const handle = await fsp.open(file, 'a')
    const log = new WriteAheadLog(handle, file, nextGen, compaction)
    log.bytes = (await handle.stat()).size
    return log
  }

  /** Resolves once `ops` are on disk. */
  append(ops: WalOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve()
    if (this.failed) return Promise.reject(this.failed)
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${encodeStored({ ops })}\n`, resolve, reject })
      if (!this.flushing) void this.flush()
    })
  }

  /** Seals the active log now and checkpoints in the background (used at start when sealed logs were left). */
  checkpointSoon(): void {
    if (!this.compaction || this.checkpointing) return
    this.checkpointing = this.sealWhenIdle().finally(() => {
      this.checkpointing = null
    })
  }

  /** The running checkpoint, if any (tests and the benchmark wait for it). */
  whenCheckpointed(): Promise<void> {
    return this.checkpointing ?? Promise.resolve()
  }

  async close(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      if (!this.flushing) await this.flush()
      else await new Promise((r) => setTimeout(r, 1))
    }
    this.stopping = true
    await this.checkpointing
    await this.handle.close()
  }

  private async sealWhenIdle(): Promise<void> {
    while (this.flushing) await new Promise((r) => setTimeout(r, 1))
    this.flushing = true
    let sealed: { checkpoint: Promise<void> }
    try {
      sealed = await this.seal()
    } finally {
      this.flushing = false
    }
    if (this.queue.length > 0) void this.flush()
    await sealed.checkpoint
  }

  /**
   * Renames the active log to the next sealed name and opens a fresh one; answers the checkpoint it starts (not
   * awaited by writers). Runs only between flushes, so every line of the sealed log is complete and synced.
   */
  private async seal(): Promise<{ checkpoint: Promise<void> }> {
    const compaction = this.compaction as Compaction
    const gen = this.nextGen++
    await this.handle.close()
    await fsp.rename(this.file, path.join(path.dirname(this.file), sealedLogName(gen)))
    this.handle = await fsp.open(this.file, 'a')
    await syncDir(path.dirname(this.file))
    this.bytes = 0
    // Wrapped: awaiting a promise that resolves to a promise would wait for the checkpoint too.
    const checkpoint = compaction
      .checkpoint(gen, () => this.stopping)
      .catch((error: Error) => console.error(`[local-cloud] checkpoint failed (the logs are kept, nothing is lost): ${error.message}`))
    return { checkpoint }
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
          if (this.compaction && !this.checkpointing && this.bytes >= this.compaction.thresholdBytes) {
            const { checkpoint } = await this.seal()
            this.checkpointing = checkpoint.finally(() => {
              this.checkpointing = null
            })
          }
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

export async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
