/**
 * One-time subscriptions (一次性订阅): each 允许 a user taps in `wx.requestSubscribeMessage` allows exactly one send of
 * that template to that user; a send without one answers 43101. Kept in the internal collection
 * `_local_subscriptions` (durable like any write). The check and the decrement happen in one synchronous step, so
 * concurrent sends never spend one grant twice.
 */
import { Changes, type Database } from '../db/database'
import type { WriteAheadLog } from '../db/wal'
import type { Doc } from '../ejson'

export const SUBSCRIPTIONS_COLLECTION = '_local_subscriptions'

interface Grant {
  _id: string
  openid: string
  templateId: string
  remaining: number
  updatedAt: Date
}

export class Subscriptions {
  constructor(
    private readonly db: Database,
    private readonly wal: WriteAheadLog,
  ) {}

  /** The user tapped 允许 for these templates: one more send of each. */
  async grant(openid: string, templateIds: readonly string[]): Promise<void> {
    const changes = new Changes()
    for (const templateId of templateIds) {
      const current = this.get(openid, templateId)
      const next: Grant = { _id: keyOf(openid, templateId), openid, templateId, remaining: (current?.remaining ?? 0) + 1, updatedAt: new Date() }
      this.db.put(changes, SUBSCRIPTIONS_COLLECTION, next as unknown as Doc)
    }
    await this.wal.append(this.db.commit(changes))
  }

  /** Spends one grant; false when the user has none left for this template. */
  async consume(openid: string, templateId: string): Promise<boolean> {
    const current = this.get(openid, templateId)
    if (!current || current.remaining <= 0) return false
    const changes = new Changes()
    this.db.put(changes, SUBSCRIPTIONS_COLLECTION, { ...current, remaining: current.remaining - 1, updatedAt: new Date() } as unknown as Doc)
    const ops = this.db.commit(changes)
    await this.wal.append(ops)
    return true
  }

  remaining(openid: string, templateId: string): number {
    return this.get(openid, templateId)?.remaining ?? 0
  }

  private get(openid: string, templateId: string): Grant | undefined {
    return this.db.get(SUBSCRIPTIONS_COLLECTION, keyOf(openid, templateId)) as unknown as Grant | undefined
  }
}

function keyOf(openid: string, templateId: string): string {
  return `${openid}\n${templateId}`
}
