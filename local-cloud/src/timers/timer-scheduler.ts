/**
 * Runs the functions' timer triggers as CloudBase does: every function whose `config.json` declares a trigger is
 * invoked on its cron, asynchronously (nobody waits for the result; it is logged), with the timer event and no user.
 * The cron is read against the emulator's business clock (`MUTUAL_AID_TODAY`, see business-clock.ts).
 *
 * The clock is checked once a second, on the second: each second since the last check (at most the last minute,
 * after e.g. a suspended machine) fires the triggers whose cron matches it. Checking the clock rather than sleeping
 * until a computed next time keeps firing right when the business clock jumps — with a pinned date it goes back a
 * day at real midnight, and a daily trigger fires again, as the functions see the same date again.
 *
 * `fire` runs a trigger on demand (tests, or a person trying a reminder) and waits for its result.
 * `config.json` changes are picked up within a few seconds, like a redeploy.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { readFunctionConfig, type TimerTrigger } from '../functions/function-config'
import type { CallGroup, FunctionRunner, InvokeResult } from '../functions/function-runner'
import { timerEvent, type TimerEvent } from './timer-event'

/** How often config.json files are looked at again, in ms. */
const RESCAN_MS = 3_000
/** After a pause longer than this (a suspended machine), missed seconds are not fired any more, in ms. */
const CATCH_UP_MS = 60_000
const HISTORY = 200

export interface ScheduledTrigger {
  fn: string
  name: string
  config: string
  /** The next firing by the business clock (ISO, UTC), or null when the cron never fires again. */
  next: string | null
}

export interface TriggerProblem {
  fn: string
  problem: string
}

export interface Firing {
  fn: string
  trigger: string
  /** The event's Time. */
  time: string
  manual: boolean
  ok: boolean
  /** The error code when the call failed (FUNCTION_ERROR, FUNCTION_TIMEOUT, …). */
  code?: string
  ms: number
}

export interface FireOutcome {
  event: TimerEvent
  result: InvokeResult
}

export interface SchedulerOptions {
  functionsDir: string
  runner: Pick<FunctionRunner, 'invoke'>
  /** The business clock, ms. */
  now: () => number
  /** Fire on the cron (`npm start`); otherwise only on demand (tests). */
  auto: boolean
}

interface FunctionTriggers {
  version: string
  triggers: readonly TimerTrigger[]
  problem: string | null
}

export class TriggerNotFound extends Error {}

export class TimerScheduler {
  private readonly functions = new Map<string, FunctionTriggers>()
  private readonly history: Firing[] = []
  private lastSecond: number | null = null
  private lastScan = 0
  private timer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly options: SchedulerOptions) {}

  get auto(): boolean {
    return this.options.auto
  }

  start(): void {
    if (this.options.auto) this.scheduleTick()
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
  }

  /**
   * Checks the clock: fires (without waiting) every trigger whose cron matches a second since the last check.
   * Returns the firings started, for callers that want to wait for them.
   */
  async tick(): Promise<Promise<FireOutcome>[]> {
    if (Date.now() - this.lastScan >= RESCAN_MS) await this.rescan()
    const second = Math.floor(this.options.now() / 1000) * 1000
    const seconds: number[] = []
    const last = this.lastSecond
    if (last === null || second < last) {
      // First check, or the business clock went back (a pinned date at real midnight): this second only.
      seconds.push(second)
    } else {
      for (let s = Math.max(last + 1000, second - CATCH_UP_MS + 1000); s <= second; s += 1000) seconds.push(s)
    }
    this.lastSecond = second
    const started: Promise<FireOutcome>[] = []
    for (const s of seconds) {
      const at = new Date(s)
      for (const [fn, entry] of this.functions) {
        for (const trigger of entry.triggers) {
          if (trigger.cron.matches(at)) started.push(this.run(fn, trigger, at, false))
        }
      }
    }
    return started
  }

  /**
   * Runs `fn`'s trigger `triggerName` now (or as of `at`) and waits for the function's answer; `group` puts the call
   * in a fault-injection operation.
   */
  async fire(fn: string, triggerName: string, at?: Date, group?: CallGroup): Promise<FireOutcome> {
    await this.rescan()
    const entry = this.functions.get(fn)
    if (entry?.problem) throw new TriggerNotFound(`云函数 ${fn} 的定时触发器配置无效：${entry.problem}`)
    const trigger = entry?.triggers.find((t) => t.name === triggerName)
    if (!trigger) {
      const declared = entry?.triggers.map((t) => t.name).join('、')
      throw new TriggerNotFound(
        `云函数 ${fn} 没有名为 ${triggerName} 的定时触发器${declared ? `（config.json 中声明的是：${declared}）` : '（它的 config.json 没有声明 triggers，或函数尚未构建）'}`,
      )
    }
    return this.run(fn, trigger, at ?? new Date(this.options.now()), true, group)
  }

  /** The declared triggers with their next firing, and the functions whose trigger configuration is refused. */
  async list(): Promise<{ triggers: ScheduledTrigger[]; problems: TriggerProblem[] }> {
    await this.rescan()
    const now = new Date(this.options.now())
    const triggers: ScheduledTrigger[] = []
    const problems: TriggerProblem[] = []
    for (const [fn, entry] of this.functions) {
      if (entry.problem) problems.push({ fn, problem: entry.problem })
      for (const t of entry.triggers) triggers.push({ fn, name: t.name, config: t.config, next: t.cron.next(now)?.toISOString() ?? null })
    }
    return { triggers, problems }
  }

  /** The latest firings, oldest first. */
  firings(): Firing[] {
    return [...this.history]
  }

  private async run(fn: string, trigger: TimerTrigger, at: Date, manual: boolean, group?: CallGroup): Promise<FireOutcome> {
    const event = timerEvent(trigger.name, at)
    const started = Date.now()
    const result = await this.options.runner.invoke(fn, event, {}, { timer: true, group })
    const firing: Firing = { fn, trigger: trigger.name, time: event.Time, manual, ok: result.ok, ms: Date.now() - started }
    if (!result.ok) {
      firing.code = result.code
      console.error(`[local-cloud] timer ${fn}.${trigger.name} (${event.Time}) failed: ${result.code} ${result.message}`)
    } else if (!manual) {
      console.log(`[local-cloud] timer ${fn}.${trigger.name} (${event.Time}) ran in ${firing.ms} ms`)
    }
    this.history.push(firing)
    if (this.history.length > HISTORY) this.history.shift()
    return { event, result }
  }

  private scheduleTick(): void {
    if (this.closed) return
    // Just after the next whole second, so each check sees a new second.
    this.timer = setTimeout(() => {
      this.tick()
        .then((started) => {
          for (const firing of started) firing.catch((error) => console.error('[local-cloud] timer failed:', error))
        })
        .catch((error) => console.error('[local-cloud] timer check failed:', error))
        .finally(() => this.scheduleTick())
    }, 1000 - (Date.now() % 1000) + 2)
    this.timer.unref()
  }

  /** Reads every built function's config.json again where it changed; a refused configuration is logged once. */
  private async rescan(): Promise<void> {
    this.lastScan = Date.now()
    let names: string[]
    try {
      names = (await fsp.readdir(this.options.functionsDir, { withFileTypes: true }))
        .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
        .map((d) => d.name)
    } catch {
      names = []
    }
    const seen = new Set<string>()
    for (const fn of names) {
      const dir = path.join(this.options.functionsDir, fn)
      const bundle = await fsp.stat(path.join(dir, 'index.js')).then((s) => s.mtimeMs, () => null)
      // Only a built (deployable) function has triggers, as only a deployed one does on CloudBase.
      if (bundle === null) continue
      const configFile = path.join(dir, 'config.json')
      const version = String(await fsp.stat(configFile).then((s) => s.mtimeMs, () => 0))
      seen.add(fn)
      if (this.functions.get(fn)?.version === version) continue
      try {
        const config = await readFunctionConfig(configFile)
        this.functions.set(fn, { version, triggers: config.triggers, problem: null })
      } catch (error) {
        const problem = (error as Error).message
        console.error(`[local-cloud] function ${fn}: timer trigger not scheduled: ${problem}`)
        this.functions.set(fn, { version, triggers: [], problem })
      }
    }
    for (const fn of [...this.functions.keys()]) if (!seen.has(fn)) this.functions.delete(fn)
  }
}
