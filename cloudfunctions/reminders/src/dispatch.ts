import { timer } from '@cloud-shared/create-main'
import type { HandlerContext } from '@cloud-shared/context'
import { finishInterrupted } from '@cloud-shared/remind'
import { loadSchemes } from '@cloud-shared/schemes'
import { txGet } from '@cloud-shared/tx'
import { newTick, type Task, type TaskState } from './tick'
import { claimsTask } from './tasks/claims'
import { draftsTask } from './tasks/drafts'
import { windowsTask } from './tasks/windows'
import { newHiresTask } from './tasks/new-hires'

/** Every reminder task, in the order a tick runs them (reviewers first: their limits are the law's, 第十九条). */
export const TASKS: readonly Task[] = [claimsTask, draftsTask, windowsTask, newHiresTask]

/** Pages one task may read in one tick (besides the budget of reminders told). */
const PAGES_PER_TASK = 20

async function stateOf(ctx: HandlerContext, task: Task): Promise<TaskState> {
  return (await txGet<TaskState>(ctx.db, 'timerState', `task-${task.name}`)) ?? { _id: `task-${task.name}`, cursor: null }
}

async function saveState(ctx: HandlerContext, s: TaskState): Promise<void> {
  const { _id, ...data } = s
  await ctx.db.collection('timerState').doc(_id).set({ data: { ...data, updatedAt: ctx.clock.now() } })
}

/**
 * One tick of the `dispatch` timer (config.json: every 10 minutes, 08:00–20:59 Beijing time — reminders are not sent
 * at night). Each task reads its documents from where the previous tick stopped and starts a new pass once it reached
 * the end: a tick tells at most SENDS_PER_TICK reminders and reads at most PAGES_PER_TASK pages per task, so its work
 * is bounded however many claims, drafts, units or people there are, and what became due (an announcement, a new
 * draft) is told within a pass. Each reminder is told once (`remindOnce`), so a tick that runs twice, runs alongside
 * another, or was cut off and runs again changes nothing that was already done.
 */
export const dispatch = timer({
  async run(ctx) {
    const schemes = await loadSchemes(ctx.db)
    const tick = newTick(ctx, schemes)
    let complete = true
    for (const task of TASKS) {
      const state = await stateOf(ctx, task)
      let cursor = state.cursor
      let done = false
      for (let pages = 0; pages < PAGES_PER_TASK; pages++) {
        const { next, finished } = await task.page(tick, cursor)
        if (!finished) break
        cursor = next
        if (next === null) {
          done = true
          break
        }
      }
      if (!done) complete = false
      // Reaching the end leaves the cursor at null: the next tick starts a new pass.
      if (cursor !== state.cursor) await saveState(ctx, { ...state, cursor })
      if (tick.left <= 0) {
        complete = false
        break
      }
    }
    const interrupted = await finishInterrupted(ctx, 50)
    // Every tick is recorded, a quiet one too: the office's 提醒记录 shows that the timer runs even on days with
    // nothing to tell (a timer that stopped is otherwise indistinguishable from one with nothing due).
    await ctx.db.collection('timerState').doc('lastTick').set({ data: { at: ctx.clock.now(), day: tick.today, sent: tick.sent, complete, interrupted } })
    return { day: tick.today, sent: tick.sent, complete, interrupted }
  },
})
