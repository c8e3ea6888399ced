/**
 * `/local/timers*`: the functions' timer triggers — what is declared, when each fires next, what fired — and firing
 * one on demand (tests, or trying a reminder locally without waiting for its time).
 *
 * | route | body | answer |
 * |---|---|---|
 * | `GET /local/timers` | — | `{ mode, now, triggers: [{ fn, name, config, next }], problems, fired }` |
 * | `POST /local/timers/fire` | `{ name, trigger, time? }` | `{ event, result }` — the function's answer |
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { TriggerNotFound, type TimerScheduler } from '../timers/timer-scheduler'
import { HttpError, readJson, sendJson } from './io'

const fireSchema = z.object({
  name: z.string().min(1),
  trigger: z.string().min(1),
  time: z.string().datetime({ offset: true }).optional(),
})

export function timerRoutes(timers: TimerScheduler, now: () => number) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === '/local/timers') {
      const { triggers, problems } = await timers.list()
      sendJson(res, 200, { mode: timers.auto ? 'on' : 'manual', now: new Date(now()).toISOString(), triggers, problems, fired: timers.firings() })
      return true
    }
    if (req.method === 'POST' && url.pathname === '/local/timers/fire') {
      const parsed = fireSchema.safeParse(await readJson(req, 64 * 1024))
      if (!parsed.success) {
        throw new HttpError(400, 'INVALID_PARAM', '请求无效：须给出云函数名 name、触发器名 trigger，time 可选（ISO 时间，例如 2021-10-01T01:00:00Z）')
      }
      const { name, trigger, time } = parsed.data
      try {
        const { event, result } = await timers.fire(name, trigger, time === undefined ? undefined : new Date(time))
        sendJson(res, 200, { event, result: result.ok ? JSON.parse(result.json) : { ok: false, code: result.code, message: result.message } })
      } catch (error) {
        if (error instanceof TriggerNotFound) throw new HttpError(404, 'TRIGGER_NOT_FOUND', error.message)
        throw error
      }
      return true
    }
    return false
  }
}
