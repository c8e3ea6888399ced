/**
 * `/local/faults/*`: deterministic fault injection for tests, answered only when the emulator was started with
 * `--fault-injection` (the test helper's `faultInjection: true`); `npm start` never has it.
 *
 * | route | body | answer |
 * |---|---|---|
 * | `POST /local/faults/run` | `{ name, event?, identity?, timer?: { trigger, time? }, crash?: { atWrite, when, scope? } }` | `{ result, writes, crashed }` |
 * | `POST /local/faults/checkpoint` | — | `{ id }` |
 * | `POST /local/faults/restore` | `{ id }` | `{ put, removed }` (409 while a call or transaction runs) |
 * | `POST /local/faults/forget` | `{ id }` | `{ forgotten }` |
 * | `POST /local/faults/state` | `{ collections }` | `{ <name>: documents (relaxed EJSON) or null when missing }` |
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { EJSON } from 'bson'
import { z } from 'zod'
import type { Database } from '../db/database'
import type { TransactionManager } from '../db/transactions'
import type { Checkpoints } from '../faults/checkpoints'
import { Operation } from '../faults/operation'
import type { FunctionRunner, InvokeResult } from '../functions/function-runner'
import { OPENID_PATTERN } from '../signing'
import { TriggerNotFound, type TimerScheduler } from '../timers/timer-scheduler'
import { HttpError, readJson, sendJson } from './io'
import { withUserInfo } from './local-routes'

/** Largest request body, in bytes (function events are at most 6 MB). */
const MAX_BODY = 6 * 1024 * 1024
/** How long a restore waits for calls that are still ending (e.g. a stopped nested call), in ms: a stopped worker can
 * take seconds to end on a loaded machine (3 s was outgrown at load 15). */
const SETTLE_MS = 20_000

export interface FaultDeps {
  db: Database
  runner: FunctionRunner
  transactions: TransactionManager
  checkpoints: Checkpoints
  timers: TimerScheduler
}

const crashSchema = z.object({
  atWrite: z.number().int().min(1),
  when: z.enum(['before', 'after']),
  scope: z.enum(['operation', 'call']).default('operation'),
})

const runSchema = z
  .object({
    name: z.string().min(1),
    event: z.unknown().optional(),
    identity: z.object({ openid: z.string().regex(OPENID_PATTERN), appid: z.string().optional(), unionid: z.string().optional() }).optional(),
    timer: z.object({ trigger: z.string().min(1), time: z.string().datetime({ offset: true }).optional() }).optional(),
    crash: crashSchema.optional(),
  })
  .refine((r) => (r.identity === undefined) !== (r.timer === undefined), '须给出 identity（用户调用）或 timer（定时触发），二者取一')

const idSchema = z.object({ id: z.string().min(1) })
const stateSchema = z.object({ collections: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,128}$/)).min(1) })

export function faultRoutes(deps: FaultDeps | null) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith('/local/faults/')) return false
    if (!deps) {
      throw new HttpError(404, 'FAULT_INJECTION_OFF', '故障注入未开启：它只供测试使用（startEmulator({ faultInjection: true })，或命令行 --fault-injection）')
    }
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 POST')
    const body = await readJson(req, MAX_BODY)
    switch (url.pathname) {
      case '/local/faults/run':
        sendJson(res, 200, await run(deps, parse(runSchema, body)))
        return true
      case '/local/faults/checkpoint':
        sendJson(res, 200, { id: deps.checkpoints.take() })
        return true
      case '/local/faults/restore': {
        const { id } = parse(idSchema, body)
        if (!deps.checkpoints.has(id)) throw new HttpError(404, 'NO_CHECKPOINT', `没有这个检查点：${id}`)
        await settle(deps)
        sendJson(res, 200, await deps.checkpoints.restore(id))
        return true
      }
      case '/local/faults/forget':
        sendJson(res, 200, { forgotten: deps.checkpoints.forget(parse(idSchema, body).id) })
        return true
      case '/local/faults/state': {
        const out: Record<string, unknown> = {}
        for (const name of parse(stateSchema, body).collections) {
          out[name] = deps.db.exists(name) ? JSON.parse(EJSON.stringify(deps.db.list(name), { relaxed: true })) : null
        }
        sendJson(res, 200, out)
        return true
      }
      default:
        throw new HttpError(404, 'NOT_FOUND', `没有这个接口：POST ${url.pathname}`)
    }
  }
}

async function run(deps: FaultDeps, request: z.infer<typeof runSchema>) {
  const operation = new Operation(request.crash ?? null)
  let result: InvokeResult
  if (request.timer) {
    const at = request.timer.time === undefined ? undefined : new Date(request.timer.time)
    try {
      result = (await deps.timers.fire(request.name, request.timer.trigger, at, operation)).result
    } catch (error) {
      if (error instanceof TriggerNotFound) throw new HttpError(404, 'TRIGGER_NOT_FOUND', error.message)
      throw error
    }
  } else {
    const identity = request.identity as NonNullable<typeof request.identity>
    result = await deps.runner.invoke(request.name, withUserInfo(request.event ?? {}, identity), identity, { group: operation })
  }
  return {
    result: result.ok ? JSON.parse(result.json) : { ok: false, code: result.code, message: result.message },
    writes: operation.writes,
    crashed: operation.crashed,
  }
}

/** Waits until no function call and no transaction is running, so a restore never races a write. */
async function settle(deps: FaultDeps): Promise<void> {
  const deadline = Date.now() + SETTLE_MS
  while (deps.runner.runningCount > 0 || deps.transactions.openCount > 0) {
    if (Date.now() > deadline) {
      throw new HttpError(409, 'BUSY', `还有 ${deps.runner.runningCount} 个云函数调用、${deps.transactions.openCount} 个事务在进行，不能恢复检查点；请等它们结束后再试`)
    }
    await new Promise((r) => setTimeout(r, 10))
  }
}

function parse<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new HttpError(400, 'INVALID_PARAM', `请求无效：${issue ? `${issue.path.join('.') || '(根)'} ${issue.message}` : ''}`)
  }
  return parsed.data
}
