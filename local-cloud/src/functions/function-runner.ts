/**
 * Runs the built function bundles `<functionsDir>/<name>/index.js` with the caller's identity, reloading a
 * bundle when its file changes. Every call gets an id; the function's SDK sends it back on each wire request
 * (as `wxCloudApiToken`, from WX_API_TOKEN — or WX_TRIGGER_API_TOKEN_V0 in a timer call), which is how nested
 * calls, sent messages and counted writes know their call. A call made by a function (`cloud.callFunction`)
 * remembers its parent, so a whole tree of calls can be told apart from the other instances running at once.
 */
import { randomBytes } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { ENV_ID, functionEnv } from './function-env'
import { readFunctionConfig, type FunctionConfig } from './function-config'
import { WorkerPool, type CallOutcome } from './worker-pool'

export interface Identity {
  openid?: string
  appid?: string
  unionid?: string
}

export type { FunctionConfig } from './function-config'

/**
 * Calls that belong together — a fault-injection operation (local-cloud/src/faults): a call made by a function
 * joins its caller's group.
 */
export interface CallGroup {
  /** Whether `callId` was stopped (its callees must then never start). */
  isStopped(callId: string): boolean
}

export interface InvokeOptions {
  /** The running call that makes this one (`cloud.callFunction` from a function). */
  parentCallId?: string
  /**
   * A timer trigger's invocation: no user (no OPENID), and the SDK's timer context — `TRIGGER_SRC=timer` with the
   * call's token in `WX_TRIGGER_API_TOKEN_V0` — as SCF sets them (node-sdk utils/wxCloudToken.js reads exactly these).
   */
  timer?: boolean
  /** Puts the call (and every call it makes) in this group. */
  group?: CallGroup
}

export type InvokeResult =
  | { ok: true; json: string }
  | { ok: false; code: 'FUNCTION_NOT_FOUND' | 'FUNCTION_ERROR' | 'FUNCTION_TIMEOUT'; message: string }

export interface RunnerOptions {
  functionsDir: string
  /** The emulator's `/admin` URL the functions' SDK talks to. */
  adminUrl: string
  /** Overrides every function's own time limit (`config.json` `timeout`), in ms; for tests. */
  timeoutMs?: number
  /** Concurrent instances per function (CloudBase runs many; each runs one call at a time). */
  instancesPerFunction: number
  /** Called when a call ends, whatever the outcome (e.g. to abort a transaction it left open). */
  onCallEnd: (callId: string) => void
}

/** Default local app id reported by getWXContext() when the caller gives none. */
export const LOCAL_APPID = 'wx0000000000local'
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/
/** A synchronous SCF invocation returns at most 6 MB. */
const MAX_RESULT_BYTES = 6 * 1024 * 1024

/** A running call: who it runs as, which function it is, who called it. */
interface RunningCall {
  identity: Identity
  name: string
  config: FunctionConfig
  pool: WorkerPool
  parentId: string | undefined
  group: CallGroup | undefined
}

export class FunctionRunner {
  private readonly pools = new Map<string, WorkerPool>()
  private readonly calls = new Map<string, RunningCall>()
  private readonly lookups = new Map<string, Promise<WorkerPool | null>>()

  constructor(private readonly options: RunnerOptions) {}

  /** Sets where the functions' SDK sends wire requests (known once the server listens). */
  setAdminUrl(adminUrl: string): void {
    this.options.adminUrl = adminUrl
  }

  /** The identity of a running call (for nested calls), if `callId` is one. */
  identityOf(callId: string | undefined): Identity | undefined {
    return callId ? this.calls.get(callId)?.identity : undefined
  }

  /** The function a running call belongs to, with its `config.json` (for open API permissions). */
  functionOf(callId: string | undefined): { name: string; config: FunctionConfig } | undefined {
    const call = callId ? this.calls.get(callId) : undefined
    return call ? { name: call.name, config: call.config } : undefined
  }

  /** The group a running call belongs to, if any. */
  groupOf(callId: string | undefined): CallGroup | undefined {
    return callId ? this.calls.get(callId)?.group : undefined
  }

  /** How many calls are running (queued ones included). */
  get runningCount(): number {
    return this.calls.size
  }

  /** The running calls of `group`. */
  callsIn(group: CallGroup): string[] {
    return [...this.calls].filter(([, call]) => call.group === group).map(([id]) => id)
  }

  /** `callId` and every running call it made, directly or through others. */
  withCallees(callId: string): string[] {
    const out = [callId]
    for (let i = 0; i < out.length; i++) {
      for (const [id, call] of this.calls) if (call.parentId === out[i]) out.push(id)
    }
    return out
  }

  /**
   * Stops running calls at once, wherever their code is, as a crash or a CloudBase time-out would: each answers
   * FUNCTION_TIMEOUT, and its open transactions are aborted.
   */
  stop(callIds: readonly string[]): void {
    for (const id of callIds) this.calls.get(id)?.pool.abort(id, { kind: 'stopped' })
  }

  async invoke(name: string, event: unknown, identity: Identity, options: InvokeOptions = {}): Promise<InvokeResult> {
    // Read the caller now, while it surely runs: by the time the pool is ready it may have been stopped.
    const parentId = options.parentCallId
    const group = options.group ?? this.groupOf(parentId)
    let pool: WorkerPool | null
    try {
      pool = FUNCTION_NAME.test(name) && !name.startsWith('_') ? await this.poolFor(name) : null
    } catch (error) {
      console.error(`[local-cloud] function ${name}: ${(error as Error).message}`)
      return { ok: false, code: 'FUNCTION_ERROR', message: `云函数 ${name} 的配置无效：${(error as Error).message}` }
    }
    if (!pool) return { ok: false, code: 'FUNCTION_NOT_FOUND', message: `云函数 ${name} 不存在（未找到构建产物 ${name}/index.js，请先运行 npm run build:functions）` }
    const timeoutMs = this.options.timeoutMs ?? pool.config.timeoutSeconds * 1000

    const callId = randomBytes(16).toString('hex')
    if (group && parentId && group.isStopped(parentId)) {
      // The caller crashed while this call was on its way: nothing of it runs.
      return timedOut(name, this.options.timeoutMs ?? pool.config.timeoutSeconds * 1000)
    }
    this.calls.set(callId, { identity, name, config: pool.config, pool, parentId, group })
    const env: Record<string, string> = options.timer
      ? {
          // A timer has no user: getWXContext() then answers no OPENID, APPID or UNIONID (only ENV).
          TRIGGER_SRC: 'timer',
          WX_TRIGGER_API_TOKEN_V0: callId,
          TCB_CONTEXT_KEYS: 'WX_TRIGGER_API_TOKEN_V0',
          WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
        }
      : {
          WX_API_TOKEN: callId,
          // The SDK only forwards context variables listed here (node-sdk getCloudbaseContext).
          TCB_CONTEXT_KEYS: 'WX_API_TOKEN',
          WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
          WX_APPID: identity.appid ?? LOCAL_APPID,
        }
    if (identity.openid && !options.timer) env.WX_OPENID = identity.openid
    if (identity.unionid && !options.timer) env.WX_UNIONID = identity.unionid
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      function_name: name,
      function_version: '$LATEST',
      namespace: ENV_ID,
      request_id: callId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutMs,
      environment: JSON.stringify(env),
    }
    let outcome: CallOutcome
    try {
      outcome = await pool.call({ callId, event, context, env, timeoutMs })
    } finally {
      this.calls.delete(callId)
      this.options.onCallEnd(callId)
    }
    if (outcome.kind === 'ok') {
      if (Buffer.byteLength(outcome.json) > MAX_RESULT_BYTES) {
        console.error(`[local-cloud] function ${name} returned ${Buffer.byteLength(outcome.json)} bytes, over the 6 MB limit`)
        return { ok: false, code: 'FUNCTION_ERROR', message: `云函数 ${name} 返回的数据超过 6 MB，无法传回，请分页或改用文件下载` }
      }
      return { ok: true, json: outcome.json }
    }
    if (outcome.kind === 'timeout') {
      console.error(`[local-cloud] function ${name} timed out after ${timeoutMs} ms (stopped mid-way)`)
      return timedOut(name, timeoutMs)
    }
    if (outcome.kind === 'stopped') {
      console.error(`[local-cloud] function ${name} stopped mid-way by fault injection (answered as a time-out)`)
      return timedOut(name, timeoutMs)
    }
    console.error(`[local-cloud] function ${name} failed:\n${outcome.stack}`)
    return { ok: false, code: 'FUNCTION_ERROR', message: `云函数 ${name} 执行出错：${outcome.message}` }
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()))
    this.pools.clear()
  }

  /**
   * The pool for the current bundle and config of `name`. Concurrent first calls share one lookup, so a burst of calls
   * never starts several pools (which would run more instances than configured).
   */
  private poolFor(name: string): Promise<WorkerPool | null> {
    const pending = this.lookups.get(name)
    if (pending) return pending
    const lookup = this.lookUpPool(name).finally(() => this.lookups.delete(name))
    this.lookups.set(name, lookup)
    return lookup
  }

  private async lookUpPool(name: string): Promise<WorkerPool | null> {
    const file = path.resolve(this.options.functionsDir, name, 'index.js')
    let mtimeMs: number
    try {
      mtimeMs = (await fsp.stat(file)).mtimeMs
    } catch {
      return null
    }
    const configFile = path.resolve(this.options.functionsDir, name, 'config.json')
    const configMtime = await fsp.stat(configFile).then((s) => s.mtimeMs, () => 0)
    const version = `${mtimeMs}:${configMtime}`
    const existing = this.pools.get(name)
    if (existing && existing.version === version) return existing
    const config = await readFunctionConfig(configFile)
    existing?.retire()
    const pool = new WorkerPool(name, file, version, config, this.baseEnv(), this.options.instancesPerFunction)
    this.pools.set(name, pool)
    return pool
  }


  /** What CloudBase sets in a function's environment, pointed at this emulator. */
  private baseEnv(): Record<string, string> {
    return functionEnv(this.options.adminUrl)
  }
}

/** What the caller of a call cut off mid-way gets, whether by its time limit or by a crash. */
function timedOut(name: string, timeoutMs: number): InvokeResult {
  return { ok: false, code: 'FUNCTION_TIMEOUT', message: `云函数 ${name} 执行超时（${timeoutMs / 1000} 秒），已被中止，请稍后重试` }
}
