import { remindersRecentInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'
import type { ReminderDoc, ReminderPush } from '@cloud-shared/remind'

/** The latest reminders sent (to anyone) and the last tick, for the office to see that reminders go out. */
export const recent = action({
  access: ['office'],
  input: remindersRecentInput,
  async run(ctx, { limit }) {
    const [res, last] = await Promise.all([
      ctx.db.collection('reminders').orderBy('createdAt', 'desc').limit(limit).get(),
      findById<{ at: Date; sent: number; complete: boolean }>(ctx.db, 'timerState', 'lastTick'),
    ])
    const reminders = res.data as ReminderDoc[]
    const _ = ctx.db.command
    const messages = reminders.length
      ? ((await ctx.db.collection('messages').where({ _id: _.in(reminders.map((r) => r.messageId)) }).limit(1000).get()).data as { _id: string; push: ReminderPush }[])
      : []
    const push = new Map(messages.map((m) => [m._id, m.push]))
    return {
      items: reminders.map((r) => {
        const p = push.get(r.messageId)
        const pending = !p || ('pending' in p && p.pending === true)
        return { id: r._id, kind: r.kind, title: r.title, body: r.body, createdAt: r.createdAt, state: pending ? ('sending' as const) : ('sent' as const), pushed: p?.ok === true }
      }),
      lastTick: last ? { at: last.at, sent: last.sent, complete: last.complete } : null,
    }
  },
})
