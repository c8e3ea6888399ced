import type { z } from 'zod'
import type { ActionContract, FunctionContract, HandlerResultOf } from '@mutual-aid/contracts'
import { systemClock, type Clock } from './clock'
import { readConfig, type ConfigResult, type Env } from './config'
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
  clock: Clock = systemClock(),
  env: Env = process.env,
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
    const { action: name, userInfo: _ignored, ...rest } = event as { action?: unknown; userInfo?: unknown }
    const def = typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined
    if (!def) return fail(Codes.UNKNOWN_ACTION, `不支持的操作：${String(name)}。请更新小程序后重试。`)
    let ctx: HandlerContext | null = null
    try {
      const db = cloud.database()
      const caller = await loadCaller(db, cloud.getWXContext())
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
}
