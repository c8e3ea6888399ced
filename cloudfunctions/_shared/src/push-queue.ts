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
 * nothing new. A push goes out only while its message's push is still `pending`: an entry queued again after its push
 * was recorded is dropped unsent. A sender cut off between WeChat's answer and recording it sends that push again on
 * the next try (at least once, as `notify` after a crash); the inbox message is never written twice.
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
 * How long a sender holds the pushes it took (ms): longer than any call lives (the function limit is 20 s), so a live
 * sender never loses its batch; a sender cut off mid-batch leaves it to the next tick after this.
 */
const LEASE_MS = 30_000

/**
 * Sends queued pushes, oldest first, a batch at a time while `more()` says another batch fits, and at most `max`.
 * Senders may run at once (two timer instances, the timer and an import's last call): each first takes the batch's
 * pending messages under a lease in one update, and sends only those it holds. Answers how many entries it settled
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
      .where(_.and([{ _id: _.in(ids), 'push.pending': true }, _.or([{ 'push.leaseUntil': _.exists(false) }, { 'push.leaseUntil': _.lt(now) }])]))
      .update({ data: { 'push.leaseUntil': now + LEASE_MS, 'push.sender': token } })
    const messages = (await ctx.db.collection('messages').where({ _id: _.in(ids) }).field({ _id: true, push: true }).limit(BATCH).get()).data as {
      _id: string
      push: { pending?: boolean; sender?: string }
    }[]
    const state = new Map(messages.map((m) => [m._id, m.push.pending !== true ? 'recorded' : m.push.sender === token ? 'mine' : 'another']))
    await pushMany(
      ctx,
      entries.filter((e) => state.get(e._id) === 'mine').map((e) => e.notice),
      opts.parallel ?? 16,
    )
    // Another sender's entries stay until it removes them (or its lease runs out and one of us sends them).
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
