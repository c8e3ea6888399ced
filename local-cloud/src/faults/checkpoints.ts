/**
 * In-memory checkpoints of the whole database (every collection, the emulator's own — files, outbox,
 * subscriptions — included), so a test can run one operation many times from the same state in milliseconds
 * instead of re-seeding or restarting. Restoring writes the difference back as one atomic, logged commit, through
 * the same path as any write.
 *
 * Not restored: collections created after the checkpoint stay (emptied), stored file bodies stay on disk (their
 * metadata, and so the files as the functions see them, is restored), and warm function instances keep what they
 * hold in memory — as CloudBase instances would after a crash.
 */
import { randomBytes } from 'node:crypto'
import { Changes, idKey, type Database } from '../db/database'
import type { WriteAheadLog } from '../db/wal'
import type { Doc } from '../ejson'

export interface RestoreResult {
  /** Documents written back (changed or deleted since the checkpoint). */
  put: number
  /** Documents removed (created since the checkpoint, or changed and put back). */
  removed: number
}

export class Checkpoints {
  private readonly saved = new Map<string, Map<string, Map<string, Doc>>>()

  constructor(
    private readonly db: Database,
    private readonly wal: WriteAheadLog,
  ) {}

  /** Saves the committed state; returns the checkpoint's id. Stored documents are never mutated, so none is copied. */
  take(): string {
    const state = new Map<string, Map<string, Doc>>()
    for (const collection of this.db.collectionNames()) {
      state.set(collection, new Map(this.db.list(collection).map((doc) => [idKey(doc._id), doc])))
    }
    const id = randomBytes(8).toString('hex')
    this.saved.set(id, state)
    return id
  }

  has(id: string): boolean {
    return this.saved.has(id)
  }

  forget(id: string): boolean {
    return this.saved.delete(id)
  }

  /** Makes the committed state equal to checkpoint `id`. The caller makes sure no call or transaction is running. */
  async restore(id: string): Promise<RestoreResult> {
    const state = this.saved.get(id)
    if (!state) throw new Error(`没有这个检查点：${id}`)
    const changes = new Changes()
    const toPut: [string, Doc][] = []
    let removed = 0
    // Remove every document that differs first, then put the saved versions: unique keys that moved between
    // documents never clash on the way.
    for (const collection of this.db.collectionNames()) {
      const saved = state.get(collection) ?? new Map<string, Doc>()
      const current = new Map(this.db.list(collection).map((doc) => [idKey(doc._id), doc]))
      for (const [key, doc] of current) {
        if (saved.get(key) !== doc) {
          this.db.remove(changes, collection, doc._id)
          removed++
        }
      }
      for (const [key, doc] of saved) if (current.get(key) !== doc) toPut.push([collection, doc])
    }
    for (const [collection, doc] of toPut) this.db.put(changes, collection, doc)
    if (!changes.isEmpty) await this.wal.append(this.db.commit(changes))
    return { put: toPut.length, removed }
  }
}
