/**
 * Subscribe messages "sent" through `openapi.subscribeMessage.send`, kept in the internal collection
 * `_local_outbox` (durable like any write) so tests and people can see what a user would have received.
 */
import { randomBytes } from 'node:crypto'
import { Changes, type Database } from './db/database'
import type { WriteAheadLog } from './db/wal'
import type { Doc } from './ejson'

export const OUTBOX_COLLECTION = '_local_outbox'

export interface OutboxMessage {
  _id: string
  api: string
  touser: string
  templateId: string
  page: string | null
  data: unknown
  miniprogramState: string | null
  lang: string | null
  /** OPENID of the user whose function call sent it (null for admin-side sends). */
  sentBy: string | null
  sentAt: Date
  seq: number
}

export class Outbox {
  private seq: number

  constructor(
    private readonly db: Database,
    private readonly wal: WriteAheadLog,
  ) {
    this.seq = this.list().reduce((max, m) => Math.max(max, m.seq), 0)
  }

  async record(message: Omit<OutboxMessage, '_id' | 'seq' | 'sentAt'>): Promise<OutboxMessage> {
    const entry: OutboxMessage = { ...message, _id: randomBytes(12).toString('hex'), seq: ++this.seq, sentAt: new Date() }
    const changes = new Changes()
    this.db.put(changes, OUTBOX_COLLECTION, entry as unknown as Doc)
    await this.wal.append(this.db.commit(changes))
    return entry
  }

  /** Messages in the order they were sent, optionally only those to `touser`. */
  list(touser?: string): OutboxMessage[] {
    if (!this.db.exists(OUTBOX_COLLECTION)) return []
    return (this.db.list(OUTBOX_COLLECTION) as unknown as OutboxMessage[])
      .filter((m) => touser === undefined || m.touser === touser)
      .sort((a, b) => a.seq - b.seq)
  }
}
