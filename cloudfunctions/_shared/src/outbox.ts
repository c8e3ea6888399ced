import type { HandlerContext } from './context'
import { findById } from './db'
import { messageIdOf, notify, type Notice } from './notify'
import type { SdkHandle } from './sdk'

/**
 * Notices written in the same transaction as the change they tell (a claim received, confirmed, returned, decided,
 * paid; a declaration returned or approved), then delivered: by the action right after its commit, by the same action
 * again, or by the function's timer sweep. A function cut off right after committing therefore still tells everyone —
 * and exactly once, since delivery is `notify` under the notice's deterministic message id (a second delivery finds
 * the inbox message and sends nothing). A delivered entry is removed.
 */
export interface OutboxDoc {
  _id: string
  /** The function whose timer delivers it. */
  fn: string
  notice: Notice
  createdAt: Date
}

export const OUTBOX = 'outbox'

/** Puts notices in the outbox inside the caller's transaction; answers their ids, for `deliver` after the commit. */
export async function enqueueInTx(ctx: HandlerContext, tx: SdkHandle, notices: Notice[]): Promise<string[]> {
  const ids: string[] = []
  for (const notice of notices) {
    const id = messageIdOf(notice.id, notice.openid)
    await tx.collection(OUTBOX).doc(id).set({ data: { fn: ctx.fn, notice, createdAt: ctx.clock.now() } })
    ids.push(id)
  }
  return ids
}

/**
 * Delivers the named outbox entries that are still there. A failure to deliver never fails the action that made the
 * change (it is committed): the entry stays for the timer.
 */
export async function deliver(ctx: HandlerContext, ids: string[]): Promise<number> {
  let delivered = 0
  for (const id of ids) {
    try {
      const entry = await findById<OutboxDoc>(ctx.db, OUTBOX, id)
      if (!entry) continue
      await notify(ctx, entry.notice)
      await ctx.db.collection(OUTBOX).where({ _id: id }).remove()
      delivered++
    } catch (err) {
      console.error(`[outbox] could not deliver ${id}; the timer will retry:`, err)
    }
  }
  return delivered
}

/** The timer's sweep: delivers what this function's calls left in the outbox (oldest first, a bounded number). */
export async function deliverPending(ctx: HandlerContext, max = 200): Promise<number> {
  const res = await ctx.db.collection(OUTBOX).where({ fn: ctx.fn }).orderBy('createdAt', 'asc').limit(Math.min(max, 1000)).get()
  return deliver(ctx, (res.data as OutboxDoc[]).map((d) => d._id))
}
