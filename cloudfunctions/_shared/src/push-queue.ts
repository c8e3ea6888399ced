import { randomUUID } from 'node:crypto'
import type { HandlerContext } from './context'
import { isDuplicateKey } from './errors'
import { messageIdOf, pushMany, writeInbox, type Notice } from './notify'

/**
 * Subscribe messages still to send for inbox messages already written: how a bulk action (a settlement import) tells
 * thousands of people without one WeChat request per person inside its own calls. The action writes the inbox
 * messages and queues their pushes in the same step; the pushes go out afterwards, a batch at a time, sent by the
 * function's timer (and by the action's own last call for the few a small import leaves).
 *
 * One entry per inbox message, under the message's id, so queueing again (a step done again after a crash) queues
 * nothing new. A push goes out at most once, as `notify`'s (each subscription allows one message; a second copy would
 * spend one the user gave for something else): a sender first takes its batch's pending messages, marking them as
 * its own, and a message once taken is never taken again. An entry whose push was recorded is dropped unsent; so is
 * one taken by a sender cut off mid-batch, once its lease shows that sender is gone (the push stays `pending` on the
 * message, as `notify` leaves a push cut off — the inbox message is there either way).
 */
export const PUSH_QUEUE = 'pushQueue'

export interface PushQueueDoc {
  _id: string
  notice: Notice
  createdAt: Date
}

/** Entries read and sent together: one read of the queue, one of the messages, one removal. */
const BATCH = 200

/**
 * Writes the inbox messages of `notices` and queues their pushes. Idempotent: messages and entries already there are
 * kept as they are. Answers how many messages this call wrote.
 */
export async function notifyQueued(ctx: HandlerContext, notices: Notice[]): Promise<number> {
  // Messages first: an entry always finds its message (a step cut off between the two queues them when done again).
  const written = await writeInbox(ctx, notices)
  const now = ctx.clock.now()
  const entries = notices.map((notice) => ({ _id: messageIdOf(notice.id, notice.openid), notice, createdAt: now }))
  for (let i = 0; i < entries.length; i += 500) {
    const batch = entries.slice(i, i + 500)
    try {
      await ctx.db.collection(PUSH_QUEUE).add({ data: batch })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      for (const entry of batch) {
        try {
          await ctx.db.collection(PUSH_QUEUE).add({ data: entry })
        } catch (e) {
          if (!isDuplicateKey(e)) throw e
        }
      }
    }
  }
  return written.length
}

/**
 * How long a sender may still be sending the pushes it took (ms): longer than any call lives (the function limit is
 * 20 s). Past it, the sender was cut off, and its untaken entries are dropped.
 */
const LEASE_MS = 30_000

/**
 * Sends queued pushes, oldest first, a batch at a time while `more()` says another batch fits, and at most `max`.
 * Senders may run at once (two timer instances, the timer and an import's last call): each first takes the batch's
 * untaken pending messages in one update, and sends only those it took. Answers how many entries it settled
 * (sent, or dropped because their push was already recorded).
 */
export async function sendQueuedPushes(ctx: HandlerContext, opts: { max: number; more: () => boolean; parallel?: number }): Promise<number> {
  const _ = ctx.db.command
  const token = randomUUID()
  let settled = 0
  while (settled < opts.max && opts.more()) {
    const res = await ctx.db.collection(PUSH_QUEUE).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(Math.min(BATCH, opts.max - settled)).get()
    const entries = res.data as PushQueueDoc[]
    if (!entries.length) break
    const ids = entries.map((e) => e._id)
    const now = Date.now()
    await ctx.db
      .collection('messages')
      .where({ _id: _.in(ids), 'push.pending': true, 'push.sender': _.exists(false) })
      .update({ data: { 'push.leaseUntil': now + LEASE_MS, 'push.sender': token } })
    const messages = (await ctx.db.collection('messages').where({ _id: _.in(ids) }).field({ _id: true, push: true }).limit(BATCH).get()).data as {
      _id: string
      push: { pending?: boolean; sender?: string; leaseUntil?: number }
    }[]
    const stateOf = ({ push }: (typeof messages)[number]) =>
      push.pending !== true ? 'recorded' : push.sender === token ? 'mine' : (push.leaseUntil ?? 0) > now ? 'another' : 'cut off'
    const state = new Map(messages.map((m) => [m._id, stateOf(m)]))
    await pushMany(
      ctx,
      entries.filter((e) => state.get(e._id) === 'mine').map((e) => e.notice),
      opts.parallel ?? 16,
    )
    // A live sender's entries stay until it removes them; a cut-off sender's go unsent (at most once).
    const done = ids.filter((id) => state.get(id) !== 'another')
    if (done.length) await ctx.db.collection(PUSH_QUEUE).where({ _id: _.in(done) }).remove()
    settled += done.length
    if (done.length < ids.length) break
  }
  return settled
}

/** How many pushes are still queued (the bench waits for none; the timer reports it). */
export async function queuedPushes(ctx: HandlerContext): Promise<number> {
  return (await ctx.db.collection(PUSH_QUEUE).count()).total
}
