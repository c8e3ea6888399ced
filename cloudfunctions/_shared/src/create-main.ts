import type { z } from 'zod'
import type { ActionContract, FunctionContract, HandlerResultOf } from '@mutual-aid/contracts'
import { systemClock, type Clock } from './clock'
import { readConfig, type ConfigResult, type Env, type FunctionConfig } from './config'
import type { Caller, HandlerContext, Role, UserDoc } from './context'
import { fail, ok, type Envelope } from './envelope'
import { AppError, Codes } from './errors'
import { findById } from './db'
import { describeZodError } from './zod-message'
import { audit } from './audit'
import type { SdkHandle } from './sdk'

/**
 * Who may call an action: a list of roles (any one suffices), `signed-in` (any WeChat user, bound or not — e.g.
 * binding itself), never a claim made in the request.
 */
export type Access = Role[] | 'signed-in'

export interface ActionDef<S extends z.ZodTypeAny = z.ZodTypeAny, R = unknown> {
  access: Access
  input: S
  run(ctx: HandlerContext, input: z.infer<S>): Promise<R>
}

/** What a refused attempt names on the audit record: the ids it aimed at (never free text or ID numbers). */
function targetsOf(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(input)) {
    if (/Id$/.test(key) && typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value)) out[key] = value
  }
  return out
}

/**
 * Every FORBIDDEN refusal goes on the audit record — who tried which action on what — so probing for other people's
 * data leaves a trace. Writing the record never changes the answer: a failure to write it is logged.
 */
async function auditRefusal(ctx: HandlerContext, action: string, input: Record<string, unknown>, message: string): Promise<void> {
  const targets = targetsOf(input)
  const first = Object.values(targets)[0]
  try {
    await audit(ctx, { action: `${ctx.fn}.${action}.refused`, entity: 'access', entityId: first ?? 'none', after: { code: Codes.FORBIDDEN, targets }, note: message })
  } catch (err) {
    console.error(`[${ctx.fn}.${action}] could not audit a refusal:`, err)
  }
}

/** Most validation problems an INVALID_INPUT answer lists (a 60,000-key object must not come back 60,000 times). */
const MAX_ISSUES = 20

/** Declares an action with its input schema inferred. */
export const action = <S extends z.ZodTypeAny, R>(def: ActionDef<S, R>): ActionDef<S, R> => def

/**
 * A timer trigger's handler (declared in the function's `config.json` `triggers`, WeChat's 7-field cron). It runs with
 * no user: `ctx.caller` is the system caller of {@link timerCaller}. It must be idempotent (a tick may be retried, and
 * tests fire it on demand) and do bounded work within the function's time limit, resuming on the next tick. Business
 * dates come from `ctx.clock`, never from the tick's scheduled `time`.
 */
export interface TimerDef<R = unknown> {
  run(ctx: HandlerContext, tick: { trigger: string; time: string }): Promise<R>
}

/** Declares a timer trigger's handler. */
export const timer = <R>(def: TimerDef<R>): TimerDef<R> => def

/** The caller of a timer tick: no WeChat user, no roles; audit entries name the trigger. */
export function timerCaller(trigger: string): Caller {
  return { openid: `system:timer:${trigger}`, user: null, roles: [], timer: trigger }
}

/**
 * Whether this call is CloudBase's timer trigger: the event `{ Type: 'Timer', TriggerName, Time }` alone proves
 * nothing (any client can send it), so the runtime's own marks must agree — no user identity, and `TRIGGER_SRC=timer`
 * set by the platform for a trigger invocation.
 */
export function isTimerCall(event: Record<string, unknown>, wx: { OPENID?: string }, env: Env): boolean {
  return event.Type === 'Timer' && typeof event.TriggerName === 'string' && !wx.OPENID && env.TRIGGER_SRC === 'timer'
}

export interface MainOptions {
  /** Timer trigger handlers by trigger name (`config.json` `triggers[].name`). */
  timers?: Record<string, TimerDef>
  clock?: Clock
  env?: Env
}

/**
 * The handlers a function must provide for its contract: one per action, taking the contract's input schema and
 * returning what its output schema accepts (checked at compile time, so the function cannot drift from the app).
 */
export type Handlers<A extends Record<string, ActionContract>> = {
  [K in keyof A]: ActionDef<A[K]['input'], HandlerResultOf<A[K]>>
}

/** The roles a user holds: the staff role given by the office, plus 'worker' once bound to a roster person. */
export function rolesOf(user: UserDoc | null): Role[] {
  if (!user) return []
  const roles: Role[] = []
  if (user.role) roles.push(user.role)
  if (user.personId) roles.push('worker')
  return roles
}

async function loadCaller(db: SdkHandle, wx: { OPENID?: string; APPID?: string }): Promise<Caller | null> {
  if (!wx.OPENID) return null
  const user = await findById<UserDoc>(db, 'users', wx.OPENID)
  return { openid: wx.OPENID, appid: wx.APPID, user, roles: rolesOf(user) }
}

/**
 * Builds a cloud function's `main`: reads the trusted identity, parses `event.action` and its input, checks the
 * caller's role, runs the handler, and answers the envelope. Nothing in the event can change who the caller is.
 * The configuration is read once per instance; a function whose configuration is missing or unsafe refuses every
 * call before touching any data.
 */
export function createMain<A extends Record<string, ActionContract>>(
  contract: FunctionContract<string, A>,
  cloud: SdkHandle,
  handlers: Handlers<A>,
  { timers = {}, clock = systemClock(), env = process.env }: MainOptions = {},
) {
  const fn = contract.name
  const actions = handlers as Record<string, ActionDef<z.ZodTypeAny, unknown>>
  let initialised = false
  let configured: ConfigResult | null = null
  return async function main(event: Record<string, unknown> = {}): Promise<Envelope<unknown>> {
    configured ??= readConfig(env)
    if (!configured.ok) {
      console.error(`[${fn}] configuration: ${configured.problems.join('; ')}`)
      return fail(Codes.CONFIG_INVALID, '系统配置不完整，暂时无法办理。请联系互助办，由技术人员按部署说明补齐配置后再试。')
    }
    if (!initialised) {
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
      initialised = true
    }
    const wx = cloud.getWXContext() as { OPENID?: string; APPID?: string }
    if (isTimerCall(event, wx, env)) return runTimer(String(event.TriggerName), String(event.Time ?? ''), configured.config)
    const { action: name, userInfo: _ignored, ...rest } = event as { action?: unknown; userInfo?: unknown }
    const def = typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined
    if (!def) return fail(Codes.UNKNOWN_ACTION, `不支持的操作：${String(name)}。请更新小程序后重试。`)
    let ctx: HandlerContext | null = null
    try {
      const db = cloud.database()
      const caller = await loadCaller(db, wx)
      if (!caller) return fail(Codes.NOT_SIGNED_IN, '请先登录微信后再操作。')
      ctx = { db, cloud, caller, clock, config: configured.config, fn }
      if (def.access !== 'signed-in' && !def.access.some((r: Role) => caller.roles.includes(r))) {
        const message = '您没有权限进行此操作。如需办理，请联系所在单位工会或互助办。'
        await auditRefusal(ctx, name as string, rest, message)
        return fail(Codes.FORBIDDEN, message)
      }
      const parsed = def.input.safeParse(rest)
      if (!parsed.success) return fail(Codes.INVALID_INPUT, describeZodError(parsed.error), parsed.error.issues.slice(0, MAX_ISSUES))
      return ok(await def.run(ctx, parsed.data))
    } catch (err) {
      if (err instanceof AppError) {
        if (err.code === Codes.FORBIDDEN && ctx) await auditRefusal(ctx, name as string, rest, err.message)
        return fail(err.code, err.message, err.details)
      }
      console.error(`[${fn}.${String(name)}]`, err)
      return fail(Codes.INTERNAL, '系统繁忙，请稍后重试；如多次失败，请联系互助办。')
    }
  }

  async function runTimer(trigger: string, time: string, config: FunctionConfig): Promise<Envelope<unknown>> {
    const def = Object.prototype.hasOwnProperty.call(timers, trigger) ? timers[trigger] : undefined
    if (!def) {
      console.error(`[${fn}] timer trigger ${JSON.stringify(trigger)} has no handler`)
      return fail(Codes.UNKNOWN_ACTION, `定时触发器 ${trigger} 没有对应的处理程序，请检查 config.json。`)
    }
    try {
      const ctx: HandlerContext = { db: cloud.database(), cloud, caller: timerCaller(trigger), clock, config, fn }
      return ok(await def.run(ctx, { trigger, time }))
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.details)
      console.error(`[${fn}.timer:${trigger}]`, err)
      return fail(Codes.INTERNAL, '定时任务未完成，将在下次触发时继续。')
    }
  }
}
