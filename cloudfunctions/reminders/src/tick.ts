import type { HandlerContext } from '@cloud-shared/context'
import type { Schemes } from '@cloud-shared/schemes'
import { remindOnce, type Reminder } from '@cloud-shared/remind'

/** Most reminders one tick tells; the rest wait for the next tick (every 10 minutes in the daytime). */
export const SENDS_PER_TICK = 50
/** Documents one task reads per page. */
export const PAGE = 100

/** What every task of one tick shares: the business date, the loaded versions and the tick's sending budget. */
export interface Tick {
  ctx: HandlerContext
  today: string
  schemes: Schemes
  /** Reminders still allowed this tick. */
  left: number
  /** Reminders told this tick. */
  sent: number
  /**
   * Tells each reminder not told before, while the budget lasts; answers false when the budget ran out before the
   * end of the list (the task then stops and reads the same page again next tick: telling is idempotent).
   */
  tell(reminders: readonly Reminder[]): Promise<boolean>
}

export function newTick(ctx: HandlerContext, schemes: Schemes): Tick {
  const tick: Tick = {
    ctx,
    today: ctx.clock.today(),
    schemes,
    left: SENDS_PER_TICK,
    sent: 0,
    async tell(reminders) {
      if (reminders.length === 0) return true
      // One read finds the reminders already told, so a page of them costs no transaction each.
      const _ = ctx.db.command
      const told = new Set<string>()
      for (let i = 0; i < reminders.length; i += 1000) {
        const ids = reminders.slice(i, i + 1000).map((r) => r.id)
        const res = await ctx.db.collection('reminders').where({ _id: _.in(ids) }).field({ _id: true }).limit(1000).get()
        for (const d of res.data as { _id: string }[]) told.add(d._id)
      }
      for (const r of reminders) {
        if (told.has(r.id)) continue
        if (tick.left <= 0) return false
        if (await remindOnce(ctx, r)) {
          tick.left -= 1
          tick.sent += 1
        }
      }
      return true
    },
  }
  return tick
}

/** Where a task stands: the last document of the last page it finished (`null`: at the start of a pass). */
export interface TaskState {
  _id: string
  cursor: string | null
}

/**
 * A reminder task: reads one page of its documents after `cursor` (by `_id`), tells what is due, and answers where to
 * continue — `null` when it reached the end. A page it could not finish (the tick's budget ran out) is read again.
 */
export interface Task {
  name: string
  page(tick: Tick, cursor: string | null): Promise<{ next: string | null; finished: boolean }>
}
