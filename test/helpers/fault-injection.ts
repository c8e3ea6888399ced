/**
 * Runs an operation through every crash point and checks that a retry completes it (issue 11: "a crash or timeout
 * at any write leaves a state that the same action, or the timer, completes").
 *
 *   const emu = await startEmulator({ faultInjection: true })
 *   // … seed the state the operation starts from …
 *   const report = await checkCrashPoints(emu, {
 *     operation: { fn: 'enrolment', event: { action: 'declare', … }, identity: { openid: CLERK } },
 *     recovery: [{ timer: { fn: 'operations', trigger: 'resume' } }],   // default: the same operation again
 *     digest: { collections: ['declarations', 'participations', 'audit'], ignore: ['createdAt', 'updatedAt'] },
 *   })
 *   expect(report.broken).toEqual([])          // or: expectResumable(report)
 *
 * How: the database is checkpointed in the emulator's memory; the operation runs once uninterrupted, followed by the
 * recovery steps, and that final state is the reference (so a retry of a finished operation must change nothing
 * either). Then, for every write N of that run (1…W) and both crash moments — `before` write N is applied, and
 * `after` it was applied but before the function heard back — the checkpoint is restored, the operation runs and is
 * stopped at write N (the whole call tree stops, the caller gets FUNCTION_TIMEOUT), the recovery steps run, and the
 * final state is compared with the reference. A "write" is any insert, update, set, upsert, remove or transaction
 * commit the operation's calls make (nested calls included); writes inside a transaction count at its commit.
 *
 * The state compared is a digest of the named collections: each document with the `ignore`d fields removed (a field
 * name removes it at any depth; a dotted path only there), compared as a multiset — so when `_id` is ignored,
 * documents with random ids still compare, and a doubled document shows up as an extra one.
 *
 * An operation whose writes race inside itself (parallel writes) may number them differently from run to run; the
 * report says so for each crash run whose writes before N differ from the reference run's.
 */
import type { CrashPlan, Emulator, FaultRun, FaultStep, WriteRecord } from './emulator'

export interface CrashPointOptions {
  /** The operation to interrupt: a function call as a user, or a timer firing. */
  operation: FaultStep
  /** What runs after the crash to finish the work (and after the reference run too). Default: the operation again. */
  recovery?: FaultStep[]
  digest: {
    collections: string[]
    /** Fields left out of the comparison: timestamps, random ids, … (`createdAt`, `_id`, `meta.updatedAt`). */
    ignore?: string[]
  }
  /** Extra rules on the final state (raw documents); each string returned is a broken invariant. */
  invariants?: (state: State) => string[]
  /**
   * Collections read for `invariants` only, not compared with the reference (e.g. `_local_outbox`, where a push cut off
   * by the crash may legitimately be missing: the invariant says what is allowed).
   */
  observe?: string[]
  /** Crash moments to try (default both). */
  when?: ('before' | 'after')[]
  /** What stops at the crash (default `operation`: every call in it). */
  scope?: 'operation' | 'call'
}

export type State = Record<string, Record<string, unknown>[]>

export interface CrashRun {
  n: number
  when: 'before' | 'after'
  /** The write the crash came at (from the reference run). */
  write: WriteRecord
  /** What the interrupted call answered. */
  crashedResult: unknown
  /** What each recovery step answered. */
  recoveryResults: unknown[]
  /** Broken invariants: differences from the reference state, invariant failures, crash points not reached. */
  broken: string[]
}

export interface CrashPointReport {
  /** The reference run's writes (W = writes.length). */
  writes: WriteRecord[]
  /** What the uninterrupted operation answered. */
  referenceResult: unknown
  runs: CrashRun[]
  /** The runs with something broken. */
  broken: CrashRun[]
  /** A readable account of every broken run (empty when all passed). */
  summary: string
}

/** Tries of a crash point the call ended before reaching (see `runToCrash`). */
export const CRASH_TRIES = 3

/**
 * Restores `checkpoint` and runs `step` until it is stopped at `crash.atWrite`. A call that spends its time budget
 * (operation.ts `DEFAULT_BUDGET`, 8 s) answers 处理中 and leaves the rest to the next call or the timer; on a machine
 * busy enough for its first steps to take that long it ends before that write, so it is run again (up to
 * `CRASH_TRIES` times). A run that still ends before it is answered as it was, for the caller to report.
 */
export async function runToCrash(emu: Emulator, checkpoint: string, step: FaultStep, crash: CrashPlan): Promise<FaultRun> {
  for (let attempt = 1; ; attempt++) {
    await emu.faults.restore(checkpoint)
    const run = await emu.faults.run(step, crash)
    if (run.crashed || run.writes.length >= crash.atWrite || attempt >= CRASH_TRIES) return run
  }
}

export async function checkCrashPoints(emu: Emulator, options: CrashPointOptions): Promise<CrashPointReport> {
  const recovery = options.recovery ?? [options.operation]
  const whens = options.when ?? ['before', 'after']
  const checkpoint = await emu.faults.checkpoint()
  let failed = false
  try {
    const reference = await emu.faults.run(options.operation)
    await runSteps(emu, recovery)
    const read = [...options.digest.collections, ...(options.observe ?? [])]
    const referenceState = await readState(emu, read)
    const referenceDigest = digest(pick(referenceState, options.digest.collections), options.digest.ignore ?? [])
    const referenceBroken = options.invariants?.(referenceState) ?? []
    if (referenceBroken.length > 0) {
      throw new Error(`the uninterrupted operation already breaks the invariants:\n  ${referenceBroken.join('\n  ')}`)
    }
    if (reference.writes.length === 0) throw new Error('the operation made no database write: there is no crash point to test')

    const runs: CrashRun[] = []
    for (const when of whens) {
      for (const write of reference.writes) {
        const crashed = await runToCrash(emu, checkpoint, options.operation, { atWrite: write.n, when, scope: options.scope })
        const broken = crashProblems(crashed, reference, write.n)
        const recoveryResults = await runSteps(emu, recovery)
        const state = await readState(emu, read)
        broken.push(...compare(referenceDigest, digest(pick(state, options.digest.collections), options.digest.ignore ?? [])))
        broken.push(...(options.invariants?.(state) ?? []))
        runs.push({ n: write.n, when, write, crashedResult: crashed.result, recoveryResults, broken })
      }
    }
    const broken = runs.filter((r) => r.broken.length > 0)
    return { writes: reference.writes, referenceResult: reference.result, runs, broken, summary: summarize(broken, reference.writes.length) }
  } catch (error) {
    failed = true
    throw error
  } finally {
    // Leave the state as it was found; when something already failed, its error is the one worth seeing.
    const cleanUp = (async () => {
      await emu.faults.restore(checkpoint)
      await emu.faults.forget(checkpoint)
    })()
    if (failed) await cleanUp.catch(() => undefined)
    else await cleanUp
  }
}

/** Throws with the report's summary unless every crash point was recovered. */
export function expectResumable(report: CrashPointReport): void {
  if (report.broken.length > 0) throw new Error(report.summary)
}

async function runSteps(emu: Emulator, steps: FaultStep[]): Promise<unknown[]> {
  const results: unknown[] = []
  for (const step of steps) results.push((await emu.faults.run(step)).result)
  return results
}

async function readState(emu: Emulator, collections: string[]): Promise<State> {
  const raw = await emu.faults.state(collections)
  const out: State = {}
  for (const name of collections) out[name] = raw[name] ?? []
  return out
}

/** Whether the interrupted run really stopped at write `n`, after the same writes as the reference run. */
function crashProblems(run: FaultRun, reference: FaultRun, n: number): string[] {
  if (!run.crashed) return [`crash point not reached in ${CRASH_TRIES} tries: the last run made only ${run.writes.length} write(s), the reference run ${reference.writes.length}; it answered ${JSON.stringify(run.result).slice(0, 200)}`]
  const problems: string[] = []
  for (let i = 0; i < n; i++) {
    const a = run.writes[i]
    const b = reference.writes[i]
    if (!a || !b || a.fn !== b.fn || a.action !== b.action || a.collection !== b.collection) {
      problems.push(`write ${i + 1} differs from the reference run (${describe(a)} vs ${describe(b)}): the operation's writes are not in a fixed order`)
      break
    }
  }
  return problems
}

type Digest = Record<string, string[]>

function pick(state: State, names: string[]): State {
  return Object.fromEntries(names.map((n) => [n, state[n] ?? []]))
}

function digest(state: State, ignore: string[]): Digest {
  const out: Digest = {}
  for (const [name, docs] of Object.entries(state)) {
    out[name] = docs.map((doc) => canonical(strip(doc, ignore, ''))).sort()
  }
  return out
}

/** Removes ignored fields: a plain name at any depth, a dotted path from the document's root. */
function strip(value: unknown, ignore: string[], at: string): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, ignore, at))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const path = at ? `${at}.${key}` : key
    if (ignore.includes(key) || ignore.includes(path)) continue
    out[key] = strip(v, ignore, path)
  }
  return out
}

/** JSON with object keys sorted, so equal documents give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}

/** The differences between two digests, as documents missing from or extra in `actual`, per collection. */
function compare(expected: Digest, actual: Digest): string[] {
  const problems: string[] = []
  for (const name of Object.keys(expected)) {
    const left = countOf(expected[name])
    const right = countOf(actual[name] ?? [])
    const missing: string[] = []
    const extra: string[] = []
    for (const [doc, count] of left) for (let i = right.get(doc) ?? 0; i < count; i++) missing.push(doc)
    for (const [doc, count] of right) for (let i = left.get(doc) ?? 0; i < count; i++) extra.push(doc)
    if (missing.length > 0) problems.push(`${name}: ${missing.length} document(s) of the uninterrupted run missing: ${sample(missing)}`)
    if (extra.length > 0) problems.push(`${name}: ${extra.length} document(s) not in the uninterrupted run: ${sample(extra)}`)
  }
  return problems
}

function countOf(docs: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const d of docs) counts.set(d, (counts.get(d) ?? 0) + 1)
  return counts
}

function sample(docs: string[]): string {
  const shown = docs.slice(0, 3).map((d) => (d.length > 300 ? `${d.slice(0, 300)}…` : d))
  return shown.join(' ; ') + (docs.length > 3 ? ` ; … (${docs.length - 3} more)` : '')
}

function describe(write: WriteRecord | undefined): string {
  return write ? `${write.fn} ${write.action} ${write.collection ?? ''} ${write.target}`.trim() : '(none)'
}

function summarize(broken: CrashRun[], total: number): string {
  if (broken.length === 0) return ''
  const lines = [`${broken.length} crash run(s) of ${total} write(s) × crash moments left a state the recovery did not complete:`]
  for (const run of broken) {
    lines.push(`- crash ${run.when} write ${run.n} (${describe(run.write)}); the interrupted call answered ${JSON.stringify(run.crashedResult)}, recovery ${JSON.stringify(run.recoveryResults)}:`)
    for (const problem of run.broken) lines.push(`    ${problem}`)
  }
  return lines.join('\n')
}
