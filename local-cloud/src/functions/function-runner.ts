/**
 * Runs the built function bundles `<functionsDir>/<name>/index.js` with the caller's identity, reloading a
 * bundle when its file changes. Every call gets an id; the function's SDK sends it back on each wire request
 * (as `wxCloudApiToken`, from WX_API_TOKEN), which is how nested calls and sent messages know their caller.
 */
import { randomBytes } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { ENV_ID, functionEnv } from './function-env'
import { WorkerPool, type CallOutcome } from './worker-pool'

export interface Identity {
  openid?: string
  appid?: string
  unionid?: string
}

export type InvokeResult =
  | { ok: true; json: string }
  | { ok: false; code: 'FUNCTION_NOT_FOUND' | 'FUNCTION_ERROR' | 'FUNCTION_TIMEOUT'; message: string }

export interface RunnerOptions {
  functionsDir: string
  /** The emulator's `/admin` URL the functions' SDK talks to. */
  adminUrl: string
  timeoutMs: number
  workersPerFunction: number
  /** Called when a call ends, whatever the outcome (e.g. to abort a transaction it left open). */
  onCallEnd: (callId: string) => void
}

/** Default local app id reported by getWXContext() when the caller gives none. */
export const LOCAL_APPID = 'wx0000000000local'
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/
/** A synchronous SCF invocation returns at most 6 MB. */
const MAX_RESULT_BYTES = 6 * 1024 * 1024

export class FunctionRunner {
  private readonly pools = new Map<string, WorkerPool>()
  private readonly calls = new Map<string, Identity>()

  constructor(private readonly options: RunnerOptions) {}

  /** Sets where the functions' SDK sends wire requests (known once the server listens). */
  setAdminUrl(adminUrl: string): void {
    this.options.adminUrl = adminUrl
  }

  /** The identity of a running call (for nested calls), if `callId` is one. */
  identityOf(callId: string | undefined): Identity | undefined {
    return callId ? this.calls.get(callId) : undefined
  }

  async invoke(name: string, event: unknown, identity: Identity): Promise<InvokeResult> {
    const pool = FUNCTION_NAME.test(name) && !name.startsWith('_') ? await this.poolFor(name) : null
    if (!pool) return { ok: false, code: 'FUNCTION_NOT_FOUND', message: `云函数 ${name} 不存在（未找到构建产物 ${name}/index.js，请先运行 npm run build:functions）` }

    const callId = randomBytes(16).toString('hex')
    this.calls.set(callId, identity)
    const env: Record<string, string> = {
      WX_API_TOKEN: callId,
      // The SDK only forwards context variables listed here (node-sdk getCloudbaseContext).
      TCB_CONTEXT_KEYS: 'WX_API_TOKEN',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_APPID: identity.appid ?? LOCAL_APPID,
    }
    if (identity.openid) env.WX_OPENID = identity.openid
    if (identity.unionid) env.WX_UNIONID = identity.unionid
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      function_name: name,
      function_version: '$LATEST',
      namespace: ENV_ID,
      request_id: callId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: this.options.timeoutMs,
      environment: JSON.stringify(env),
    }
    let outcome: CallOutcome
    try {
      outcome = await pool.call({ callId, event, context, env, timeoutMs: this.options.timeoutMs })
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
      console.error(`[local-cloud] function ${name} timed out after ${this.options.timeoutMs} ms`)
      return { ok: false, code: 'FUNCTION_TIMEOUT', message: `云函数 ${name} 执行超时（${this.options.timeoutMs / 1000} 秒），请稍后重试` }
    }
    console.error(`[local-cloud] function ${name} failed:\n${outcome.stack}`)
    return { ok: false, code: 'FUNCTION_ERROR', message: `云函数 ${name} 执行出错：${outcome.message}` }
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()))
    this.pools.clear()
  }

  private async poolFor(name: string): Promise<WorkerPool | null> {
    const file = path.resolve(this.options.functionsDir, name, 'index.js')
    let mtimeMs: number
    try {
      mtimeMs = (await fsp.stat(file)).mtimeMs
    } catch {
      return null
    }
    const existing = this.pools.get(name)
    if (existing && existing.mtimeMs === mtimeMs) return existing
    existing?.retire()
    const pool = new WorkerPool(name, file, mtimeMs, this.baseEnv(), this.options.workersPerFunction)
    this.pools.set(name, pool)
    return pool
  }

  /** What CloudBase sets in a function's environment, pointed at this emulator. */
  private baseEnv(): Record<string, string> {
    return functionEnv(this.options.adminUrl)
  }
}
