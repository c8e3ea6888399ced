/**
 * Starts the local CloudBase emulator as a child process for a test suite.
 *
 *   const emu = await startEmulator()
 *   Object.assign(process.env, emu.sdkEnv())          // a wx-server-sdk in this process now talks to it
 *   await emu.callFunction('auth', { action: 'whoami' }, { openid: 'o_test_user_1' })
 *   await emu.fireTimer('reminders', 'daily')         // a timer trigger of config.json, on demand
 *   await emu.stop()
 *
 * Timer triggers fire only on demand here (`timers: 'manual'`) unless a suite asks for `timers: 'on'`;
 * `faultInjection: true` enables `emu.faults` (see fault-injection.ts beside this file).
 *
 * Other suites depend on this API: keep it stable.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { TEMP_PREFIX, runPrefix } from './temp-dirs'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { localTemplateId, TEMPLATES, type TemplateKey } from '../../contracts/src/templates'
import type { QueryRecord } from '../../local-cloud/src/db/query-log'
import type { CrashPlan as CloudCrashPlan, CrashRecord, WriteRecord } from '../../local-cloud/src/faults/operation'
import { functionEnv } from '../../local-cloud/src/functions/function-env'
import { runtimeNode } from '../../local-cloud/src/launch/runtime-node'

export interface EmulatorIdentity {
  openid: string
  appid?: string
  unionid?: string
}

export interface Emulator {
  /** The line the emulator printed when ready (what it loaded, how long it took). */
  readyLine: string
  /** The emulator's process id (the benchmark reads its memory). */
  pid: number
  port: number
  url: string
  dataDir: string
  /** Graceful stop (SIGTERM), resolves when the process has exited. */
  stop(): Promise<void>
  /** SIGKILL, for durability tests. */
  kill(): void
  /** Calls a built function (`<functionsDir>/<name>/index.js`) as `identity`; resolves to its return value. */
  callFunction(name: string, event: unknown, identity: EmulatorIdentity): Promise<any>
  /**
   * Calls a function like `callFunction` and also answers what that call did to the database: one record per read,
   * update or remove it sent (MongoDB explain's stage, index, keys and documents examined, what it returned).
   * Assert on them with `expectQueriesIndexed` (test/helpers/query-stats.ts).
   */
  callFunctionWithStats(name: string, event: unknown, identity: EmulatorIdentity): Promise<{ result: any; callId: string; queries: QueryRecord[] }>
  /**
   * Database statistics of requests sent directly (a wx-server-sdk in the test): take `queryMark()` before, then
   * `queryStatsSince(mark)`.
   */
  queryMark(): Promise<number>
  queryStatsSince(mark: number): Promise<QueryRecord[]>
  /** Subscribe messages recorded by `openapi.subscribeMessage.send`, oldest first. */
  outbox(touser?: string): Promise<any[]>
  /** Environment variables that point a wx-server-sdk (in-process or in a child) at this emulator. */
  sdkEnv(): Record<string, string>
  /** A browser session token for `openid` (for `POST /fn/<name>` and `/local/upload`). */
  token(openid: string): Promise<string>
  /**
   * What tapping 允许 in wx.requestSubscribeMessage does for `openid`: one more send of each template (ids, or keys of
   * contracts/src/templates.ts, which become their local ids). Resolves to the emulator's answer.
   */
  subscribe(openid: string, templates: readonly string[]): Promise<any>
  /**
   * Runs `fn`'s timer trigger `trigger` now, as CloudBase would on its cron: the event `{ Type: 'Timer', TriggerName,
   * Time, Message: '' }` with `Time` = `time` (ISO; default the emulator's business clock) and no user. Resolves to
   * the function's return value (or `{ ok: false, code, message }` when the call failed).
   */
  fireTimer(fn: string, trigger: string, time?: string): Promise<any>
  /** The declared timer triggers with their next firing, refused configurations, and the latest firings. */
  timers(): Promise<TimerStatus>
  /** Fault injection (only with `faultInjection: true`); see test/helpers/fault-injection.ts for the crash-point runner. */
  faults: FaultApi
}

export interface TimerStatus {
  mode: 'on' | 'manual'
  now: string
  triggers: { fn: string; name: string; config: string; next: string | null }[]
  problems: { fn: string; problem: string }[]
  fired: { fn: string; trigger: string; time: string; manual: boolean; ok: boolean; code?: string; ms: number }[]
}

/** One thing a test does to the emulator: a function call as a user, or a timer trigger firing. */
export type FaultStep =
  | { fn: string; event?: unknown; identity: EmulatorIdentity }
  | { timer: { fn: string; trigger: string; time?: string } }

/**
 * The emulator's crash plan (local-cloud/src/faults/operation.ts) as the fault route takes it: `scope` may be left out,
 * for `operation` (every call of the operation stops; `call`: only the call making the write and its callees).
 */
export type CrashPlan = Omit<CloudCrashPlan, 'scope'> & Partial<Pick<CloudCrashPlan, 'scope'>>

export type { WriteRecord }

export interface FaultRun {
  /** What the caller got: the function's return value, or `{ ok: false, code: 'FUNCTION_TIMEOUT', … }` after a crash. */
  result: any
  writes: WriteRecord[]
  crashed: CrashRecord | null
}

export interface FaultApi {
  /** Runs `step` as one operation, counting its writes, and stops it at `crash` if given. */
  run(step: FaultStep, crash?: CrashPlan): Promise<FaultRun>
  /** Saves the whole database in the emulator's memory; resolves to the checkpoint id. */
  checkpoint(): Promise<string>
  /** Puts the database back as it was at checkpoint `id` (waits for running calls to end). */
  restore(id: string): Promise<void>
  forget(id: string): Promise<void>
  /** The documents of `collections` (relaxed EJSON: dates as `{ $date }`), null for a collection that does not exist. */
  state(collections: readonly string[]): Promise<Record<string, Record<string, unknown>[] | null>>
}

export interface StartOptions {
  /** Reuse a data directory (e.g. to test a restart); default: a fresh temporary one. */
  dataDir?: string
  /** Where the built functions are; default: the repo's `cloudfunctions/`. */
  functionsDir?: string
  /** Overrides every function's time limit, in ms (default: each function's config.json `timeout`, else 3 s). */
  functionTimeoutMs?: number
  /** Concurrent instances per function (default 16, as the emulator's). */
  instances?: number
  /** The subscribe-message template definitions (default: the project's contracts/src/templates.ts). */
  templatesFile?: string
  /** The collection declaration module (`COLLECTIONS`); default: cloudfunctions/_shared/src/collections.ts. */
  schemaFile?: string
  /** Serve a built H5 app from this directory. */
  staticDir?: string
  /** How long the start may take, in ms (default 30 s; a city-sized data directory takes longer to load). */
  readyTimeoutMs?: number
  /** Extra environment for the emulator and the functions it runs (e.g. a fixed business date). */
  env?: Record<string, string>
  /**
   * Timer triggers: `manual` (default here, so nothing fires in the middle of a test) fires them only through
   * `emu.fireTimer`; `on` fires them on their cron as `npm start` does.
   */
  timers?: 'on' | 'manual'
  /** Enables `emu.faults` (stopping an operation at its N-th write, checkpoints). */
  faultInjection?: boolean
}

const REPO_ROOT = path.resolve(__dirname, '..', '..')
const READY_TIMEOUT_MS = 30_000

/** Temporary data dirs older than this are left-overs of earlier runs (a suite may restart on its dir until it ends). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000

function removeStaleDataDirs(): void {
  const now = Date.now()
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(TEMP_PREFIX)) continue
    const dir = path.join(os.tmpdir(), name)
    try {
      if (now - statSync(dir).mtimeMs > STALE_AFTER_MS) rmSync(dir, { recursive: true, force: true })
    } catch {
      // Another process removed it first.
    }
  }
}

export async function startEmulator(opts: StartOptions = {}): Promise<Emulator> {
  let dataDir = opts.dataDir
  if (!dataDir) {
    removeStaleDataDirs()
    dataDir = mkdtempSync(path.join(os.tmpdir(), runPrefix()))
  }
  const args = ['--import', 'tsx', path.join(REPO_ROOT, 'local-cloud', 'src', 'cli.ts'), '--port', '0', '--data', dataDir]
  args.push('--functions', opts.functionsDir ?? path.join(REPO_ROOT, 'cloudfunctions'))
  if (opts.functionTimeoutMs !== undefined) args.push('--timeout', String(opts.functionTimeoutMs))
  if (opts.instances !== undefined) args.push('--instances', String(opts.instances))
  if (opts.templatesFile) args.push('--templates', opts.templatesFile)
  if (opts.staticDir) args.push('--static', opts.staticDir)
  args.push('--timers', opts.timers ?? 'manual')
  if (opts.faultInjection) args.push('--fault-injection')
  if (opts.schemaFile) args.push('--schema', opts.schemaFile)

  // Pass this test file's view of process.env explicitly (Jest gives each file its own copy).
  const env = { ...process.env, ...opts.env }
  // The functions' runtime on CloudBase is Node 24: run the emulator (and its function workers) on it where it can.
  const child = spawn(runtimeNode(REPO_ROOT).execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const { url, line: readyLine } = await waitForReady(child, opts.readyTimeoutMs ?? READY_TIMEOUT_MS)
  const port = Number(new URL(url).port)

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

  async function post(pathname: string, body: unknown): Promise<any> {
    const res = await fetch(`${url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const text = await res.text()
    try {
      return JSON.parse(text)
    } catch {
      throw new Error(`emulator answered ${res.status} to ${pathname}: ${text}`)
    }
  }

  /** A POST whose non-200 answer is a test error (the emulator's `{ code, message }` in the thrown message). */
  async function postOk(pathname: string, body: unknown): Promise<any> {
    const res = await fetch(`${url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`emulator answered ${res.status} to ${pathname}: ${text}`)
    return JSON.parse(text)
  }

  const faults: FaultApi = {
    run(step, crash) {
      const body = 'timer' in step
        ? { name: step.timer.fn, timer: { trigger: step.timer.trigger, time: step.timer.time }, crash }
        : { name: step.fn, event: step.event, identity: step.identity, crash }
      return postOk('/local/faults/run', body)
    },
    async checkpoint() {
      return (await postOk('/local/faults/checkpoint', {})).id
    },
    async restore(id) {
      await postOk('/local/faults/restore', { id })
    },
    async forget(id) {
      await postOk('/local/faults/forget', { id })
    },
    state(collections) {
      return postOk('/local/faults/state', { collections })
    },
  }

  async function getJson(pathname: string): Promise<any> {
    const res = await fetch(`${url}${pathname}`)
    const body = await res.json()
    if (!res.ok) throw new Error(`emulator answered ${res.status} to ${pathname}: ${JSON.stringify(body)}`)
    return body
  }

  return {
    readyLine,
    pid: child.pid as number,
    port,
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
    kill() {
      child.kill('SIGKILL')
    },
    callFunction(name, event, identity) {
      return post('/local/invoke', { name, event, identity })
    },
    async callFunctionWithStats(name, event, identity) {
      const res = await fetch(`${url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, event, identity }) })
      const text = await res.text()
      const callId = res.headers.get('x-local-call-id')
      if (!callId) throw new Error(`emulator ran no call for ${name}: ${res.status} ${text}`)
      const queries = (await getJson(`/local/query-stats?call=${encodeURIComponent(callId)}`)) as QueryRecord[]
      return { result: JSON.parse(text), callId, queries }
    },
    async queryMark() {
      return ((await getJson('/local/query-stats?last')) as { lastSeq: number }).lastSeq
    },
    async queryStatsSince(mark) {
      return (await getJson(`/local/query-stats?since=${mark}`)) as QueryRecord[]
    },
    async outbox(touser) {
      const query = touser ? `?touser=${encodeURIComponent(touser)}` : ''
      const res = await fetch(`${url}/local/outbox${query}`)
      return (await res.json()) as any[]
    },
    sdkEnv() {
      return functionEnv(`${url}/admin`)
    },
    async token(openid) {
      const answer = await post('/local/session', { openid })
      if (typeof answer.token !== 'string') throw new Error(`sign-in failed: ${JSON.stringify(answer)}`)
      return answer.token
    },
    async subscribe(openid, templates) {
      const answer = await post('/local/session', { openid })
      const tmplIds = templates.map((t) => (t in TEMPLATES ? localTemplateId(t as TemplateKey) : t))
      const res = await fetch(`${url}/local/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${answer.token}` },
        body: JSON.stringify({ tmplIds }),
      })
      return res.json()
    },
    async fireTimer(fn, trigger, time) {
      const res = await fetch(`${url}/local/timers/fire`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: fn, trigger, time }),
      })
      const answer = await res.json()
      if (res.status !== 200) throw new Error(`fireTimer(${fn}, ${trigger}): ${answer.message ?? JSON.stringify(answer)}`)
      return answer.result
    },
    async timers() {
      const res = await fetch(`${url}/local/timers`)
      return (await res.json()) as TimerStatus
    },
    faults,
  }
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<{ url: string; line: string }> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    let ready = false
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`emulator did not become ready in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    // Keep draining stdout after ready (functions' console.log lands here) so the child never blocks on it.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (ready) return
      stdout += chunk.toString()
      const match = /ready on (http:\/\/127\.0\.0\.1:\d+).*/.exec(stdout)
      if (match) {
        ready = true
        clearTimeout(timer)
        resolve({ url: match[1], line: match[0] })
      }
    })
    // Function errors and warnings are logged on stderr: pass them through so a failing test shows why.
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      process.stderr.write(chunk)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`emulator exited before ready (code ${code}, signal ${signal})\n${stdout}\n${stderr}`))
    })
  })
}
