import { remindersRecentInput } from '@mutual-aid/contracts'
import { action } from '@cloud-shared/create-main'
import { findById } from '@cloud-shared/db'
import type { ReminderDoc } from '@cloud-shared/remind'

/** The latest reminders sent (to anyone) and the last tick, for the office to see that reminders go out. */
export const recent = action({
  access: ['office'],
  input: remindersRecentInput,
  async run(ctx, { limit }) {
    const [res, last] = await Promise.all([
      ctx.db.collection('reminders').orderBy('createdAt', 'desc').limit(limit).get(),
      findById<{ at: Date; sent: number; complete: boolean }>(ctx.db, 'timerState', 'lastTick'),
    ])
    return {
      items: (res.data as ReminderDoc[]).map((r) => ({ id: r._id, kind: r.kind, title: r.title, body: r.body, createdAt: r.createdAt, state: r.state, pushed: r.push?.ok === true })),
      lastTick: last ? { at: last.at, sent: last.sent, complete: last.complete } : null,
    }
  },
})
