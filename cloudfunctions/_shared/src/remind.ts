import { createHash } from 'node:crypto'
import type { ReminderKind, TemplateKey } from '@mutual-aid/contracts'
import type { HandlerContext } from './context'
import { findById } from './db'
import type { Notice } from './notify'
import { sendPush } from './notify'
import { runInTransaction } from './transaction'
import { txGet } from './tx'
import type { SdkHandle } from './sdk'

/**
 * A reminder: a notice that must reach its recipient exactly once, however often (and however concurrently) the
 * timer or the event that raises it runs. `id` names what it reminds of and whom — `review_due:<claimId>:<openid>`,
 * `window_open:<schemeId>:<unitId>:<openid>` — so the same reminder always gets the same id.
 */
export interface Reminder<K extends TemplateKey = TemplateKey> extends Omit<Notice<K>, 'ref'> {
  id: string
  kind: ReminderKind
  ref: { entity: string; id: string }
}

/**
 * A reminder as stored: one document per reminder, `_id` = the reminder's id — the record that it was told. What the
 * recipient reads, and the push's outcome, are in its inbox message (`messageId`).
 */
export interface ReminderDoc {
  _id: string
  kind: ReminderKind
  openid: string
  template: TemplateKey
  title: string
  body: string
  page: string
  ref: { entity: string; id: string }
  /** The inbox message written with it. */
  messageId: string
  createdAt: Date
}

/**
 * The push outcome on a reminder's inbox message: `pending` while the push is claimed but its outcome not recorded
 * (under way, or cut off by a crash or a time-out; `interrupted` once that is known), else what WeChat answered.
 */
export type ReminderPush = { ok: false; pending: true } | { ok: boolean; errCode?: number; errMsg?: string; interrupted?: boolean }

/** The inbox message id of a reminder: deterministic, so the message and its reminder are one. */
export function reminderMessageId(reminderId: string): string {
  return `msg-rem-${createHash('sha256').update(reminderId).digest('hex').slice(0, 40)}`
}

/**
 * Tells a reminder exactly once. Three steps:
 *
 * 1. One transaction writes the reminder and its inbox message (push `pending`) — or finds the reminder already there
 *    and stops. Two ticks (or an event and a tick) racing for the same reminder write the same document, so one of them
 *    conflicts, retries and finds it: the inbox gets it once, whatever runs at the same time or again later.
 * 2. Whoever wrote it sends the subscribe message (a push WeChat refuses — no subscription left, 43101 — is normal).
 * 3. The push outcome replaces `pending` on the message.
 *
 * The push is never sent twice: a run cut off between steps 1 and 3 leaves the push `pending`, and nothing sends it
 * again — WeChat cannot be asked whether a send went through, and a second send would spend another of the user's
 * one-time subscriptions. `finishInterrupted` later marks such a push interrupted. The inbox message is there in every
 * case.
 *
 * @returns whether this call told it (false: it was told before, or by a concurrent call).
 */
export async function remindOnce<K extends TemplateKey>(ctx: HandlerContext, r: Reminder<K>): Promise<boolean> {
  const now = ctx.clock.now()
  const messageId = reminderMessageId(r.id)
  // Most calls find it told already (a retried submit, a tick passing again): one plain read, no transaction.
  if (await findById<ReminderDoc>(ctx.db, 'reminders', r.id)) return false
  const told = await runInTransaction(ctx.db, async (tx: SdkHandle) => {
    if (await txGet<ReminderDoc>(tx, 'reminders', r.id)) return false
    const doc: Omit<ReminderDoc, '_id'> = {
      kind: r.kind,
      openid: r.openid,
      template: r.template,
      title: r.title,
      body: r.body,
      page: r.page,
      ref: r.ref,
      messageId,
      createdAt: now,
    }
    const pending: ReminderPush = { ok: false, pending: true }
    await tx.collection('reminders').doc(r.id).set({ data: doc })
    await tx.collection('messages').doc(messageId).set({
      // The message refers to its reminder (which names what it is about): the notices of a claim's own people stay
      // the only inbox entries that refer to the claim.
      data: { openid: r.openid, template: r.template, title: r.title, body: r.body, page: r.page, ref: { entity: 'reminder', id: r.id }, read: false, push: pending, reminderId: r.id, reminderKind: r.kind, createdAt: now },
    })
    return true
  }, { busyMessage: '提醒正在发送，请稍后查看。' })
  if (!told) return false
  const push = await sendPush(ctx, r, 'remind')
  // `set` replaces the whole field (a plain object would be merged key by key, keeping `pending`).
  await ctx.db.collection('messages').doc(messageId).update({ data: { push: ctx.db.command.set(push), pushedAt: ctx.clock.now() } })
  return true
}

/** A reminder's push still pending after this long was cut off (functions run at most a few minutes). */
export const INTERRUPTED_AFTER_MS = 15 * 60 * 1000

/**
 * Marks the reminders' pushes that were cut off (still pending long after they were written) as interrupted — not
 * sent again (see {@link remindOnce}). At most `limit` per call; answers how many.
 */
export async function finishInterrupted(ctx: HandlerContext, limit: number): Promise<number> {
  const _ = ctx.db.command
  const before = new Date(ctx.clock.now().getTime() - INTERRUPTED_AFTER_MS)
  const res = await ctx.db.collection('messages').where({ 'push.pending': true, reminderId: _.exists(true), createdAt: _.lt(before) }).limit(limit).get()
  for (const doc of res.data as { _id: string }[]) {
    await ctx.db.collection('messages').where({ _id: doc._id, 'push.pending': true }).update({ data: { push: _.set({ ok: false, interrupted: true }) } })
  }
  return res.data.length
}
