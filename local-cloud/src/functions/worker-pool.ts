/**
 * The instances of one function bundle, as worker threads. Each instance runs one call at a time (as an SCF instance
 * does); up to `maxWorkers` run at once, started on demand, and further calls queue. A call that exceeds its time
 * limit has its worker terminated wherever its code is — the call is cut off mid-way, as on CloudBase — and the
 * instance is replaced on demand.
 */
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { FunctionConfig } from './function-config'

const WORKER_FILE = path.join(__dirname, 'function-worker.cjs')

export interface CallRequest {
  callId: string
  event: unknown
  context: Record<string, unknown>
  env: Record<string, string>
  timeoutMs: number
}

export type CallOutcome =
  | { kind: 'ok'; json: string }
  | { kind: 'error'; message: string; stack: string }
  | { kind: 'timeout' }
  /** Stopped from outside mid-way (fault injection): the worker is terminated wherever its code is, like a timeout. */
  | { kind: 'stopped' }

interface Slot {
  worker: Worker
  busy: { request: CallRequest; resolve: (o: CallOutcome) => void; timer: NodeJS.Timeout } | null
  dead: boolean
  idleTimer: NodeJS.Timeout | null
}

/** How long an instance may take to load its bundle before the call is given up (SCF's initialisation limit), in ms. */
const INIT_TIMEOUT_MS = 60_000

/** Extra workers (beyond one warm worker) exit after this long without a call, in ms. */
const IDLE_EXIT_MS = 30_000

export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: { request: CallRequest; resolve: (o: CallOutcome) => void }[] = []
  private retired = false

  constructor(
    readonly name: string,
    readonly file: string,
    /** Bundle and config.json modification times; a change starts a new pool. */
    readonly version: string,
    readonly config: FunctionConfig,
    private readonly baseEnv: Record<string, string>,
    private readonly maxWorkers: number,
  ) {}

  call(request: CallRequest): Promise<CallOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ request, resolve })
      this.dispatch()
    })
  }

  /**
   * Ends call `callId` now with `outcome`: a running call has its worker terminated wherever its code is (nothing
   * after this point of its code runs); a queued one never starts. Unknown ids are ignored (the call already ended).
   */
  abort(callId: string, outcome: CallOutcome): void {
    const queued = this.queue.findIndex((q) => q.request.callId === callId)
    if (queued >= 0) {
      const [entry] = this.queue.splice(queued, 1)
      entry.resolve(outcome)
      return
    }
    const slot = this.slots.find((s) => s.busy?.request.callId === callId)
    if (slot) this.kill(slot, outcome)
  }

  /** Stops taking calls: idle workers exit now, busy ones when their call ends. Queued calls still run. */
  retire(): void {
    this.retired = true
    this.dispatch()
  }

  async close(): Promise<void> {
    this.retired = true
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy && !s.dead)
      if (!slot && this.slots.length < this.maxWorkers) slot = this.spawn()
      if (!slot) return
      const next = this.queue.shift()
      if (!next) return
      this.start(slot, next.request, next.resolve)
    }
    if (this.retired) {
      for (const slot of this.slots.filter((s) => !s.busy && !s.dead)) this.kill(slot)
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE, {
      workerData: { file: this.file, name: this.name },
      env: { ...process.env, ...this.baseEnv },
      execArgv: [],
    })
    const slot: Slot = { worker, busy: null, dead: false, idleTimer: null }
    worker.on('message', (msg: { type: string; callId?: string; ok?: boolean; json?: string; error?: { message: string; stack: string } }) => {
      if (!slot.busy || slot.busy.request.callId !== msg.callId) return
      if (msg.type === 'started') {
        // The bundle is loaded and main() starts now: from here the function's own time limit applies.
        clearTimeout(slot.busy.timer)
        slot.busy.timer = setTimeout(() => this.kill(slot, { kind: 'timeout' }), slot.busy.request.timeoutMs)
        return
      }
      if (msg.type !== 'result') return
      const outcome: CallOutcome = msg.ok
        ? { kind: 'ok', json: msg.json ?? 'null' }
        : { kind: 'error', message: msg.error?.message ?? '', stack: msg.error?.stack ?? '' }
      this.finish(slot, outcome)
    })
    worker.on('error', (error) => {
      this.kill(slot, { kind: 'error', message: error.message, stack: error.stack ?? String(error) })
    })
    worker.on('exit', () => {
      this.kill(slot, { kind: 'error', message: '云函数进程意外退出', stack: '(worker exited)' })
    })
    this.slots.push(slot)
    return slot
  }

  private start(slot: Slot, request: CallRequest, resolve: (o: CallOutcome) => void): void {
    // Until the worker says main() started, the cold start is bounded by SCF's initialisation limit instead.
    const timer = setTimeout(() => this.kill(slot, { kind: 'timeout' }), Math.max(request.timeoutMs, INIT_TIMEOUT_MS))
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.idleTimer = null
    slot.busy = { request, resolve, timer }
    slot.worker.postMessage({ type: 'call', callId: request.callId, event: request.event, context: request.context, env: request.env })
  }

  private finish(slot: Slot, outcome: CallOutcome): void {
    const busy = slot.busy
    if (!busy) return
    clearTimeout(busy.timer)
    slot.busy = null
    busy.resolve(outcome)
    if (!slot.dead) {
      slot.idleTimer = setTimeout(() => {
        if (!slot.busy && this.slots.length > 1) this.kill(slot)
      }, IDLE_EXIT_MS)
      slot.idleTimer.unref()
    }
    this.dispatch()
  }

  /** Removes a worker for good; a call it was running ends with `outcome`. */
  private kill(slot: Slot, outcome?: CallOutcome): void {
    if (slot.dead) return
    slot.dead = true
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    const index = this.slots.indexOf(slot)
    if (index >= 0) this.slots.splice(index, 1)
    void slot.worker.terminate()
    if (slot.busy && outcome) this.finish(slot, outcome)
    else this.dispatch()
  }
}
