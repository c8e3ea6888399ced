import { createHash } from 'node:crypto'
import type { HandlerContext } from './context'
import { findById } from './db'
import { AppError } from './errors'
import { markStandingsInTx } from './roster-revision'
import type { SdkHandle } from './sdk'
import { runInTransaction } from './transaction'
import type { Processing } from '@mutual-aid/contracts'

/**
 * A multi-step operation (a declaration of 3,000 people, a payment that activates them and tells each one, a roster
 * import) as a document in `operations`. CloudBase may cut any call off at any write (a crash, or its time limit), so
 * such an operation is never a sequence of writes held only in a function's memory:
 *
 * - It is **started** inside the transaction that makes its first change (the declaration's slot and enrolment, the
 *   payment and its ledger entry), so it exists exactly when that change does. Its `_id` is derived from the request
 *   (unit + period + kind, the declaration and its version), so a retry of the same request finds it.
 * - It **advances** step by step: each step does a bounded chunk of idempotent writes (documents under deterministic
 *   ids, conditional updates) and then moves the operation's cursor with a conditional update on `seq`. A crash
 *   between a chunk and its cursor move repeats the chunk, which changes nothing.
 * - Writes that are not idempotent (an audit entry, a status change others see) are made in a transaction together
 *   with the cursor move (`finishInTx`) — the last step's transaction also marks the operation `done`.
 * - It is **driven** by the action that started it (within a work budget per call, so 20 s are never exceeded), by the
 *   same action again (the app calls it while it answers `processing`), and by the function's timer trigger, which
 *   resumes every unfinished operation. Several drivers at once only repeat idempotent chunks.
 * - An operation that writes participations names the units whose kept roster figures those writes may move
 *   (`staleUnits`, roster-counts.ts) — before a removal, since afterwards nothing names them — and the transaction that
 *   ends it marks them all stale once more. So a call cut off between a write and its mark is caught when the
 *   operation ends, whichever driver ends it.
 */
export interface OperationDoc<P = unknown, R = unknown> {
  _id: string
  kind: string
  /** The function whose timer resumes it. */
  fn: string
  status: 'running' | 'done' | 'failed'
  /** Index of the current step, and where inside it (null at its start). */
  step: number
  cursor: Cursor
  /** Bumped by every advance: the compare-and-set token of concurrent drivers. */
  seq: number
  /** Items done of `total`, for the app's 处理中 line. */
  done: number
  total: number
  /** Everything the steps need, fixed when the operation starts. */
  params: P
  result: R | null
  error: { code: string; message: string } | null
  /** How many times this id was started (a failed or finished operation of the same request may start again). */
  generation: number
  /**
   * Units whose kept roster figures the operation's writes may have moved (`markStandingsChanged`): their
   * `standingRevision` moves again in the transaction that ends the operation (done or failed).
   */
  staleUnits?: string[]
  /** Who started it, and in which roles: its audit entries name them, whoever drives it (a retry, the timer). */
  by: string
  byRoles: string[]
  createdAt: Date
  updatedAt: Date
}

/** A position inside a step: a count, or the last key handled (keyset order). */
export type Cursor = string | number | null

/** What a step did: where it got to, or that it is finished (`next`), and how much work it was. */
export interface StepOutcome {
  cursor?: Cursor
  next?: boolean
  /** Items now done in all (progress). */
  done?: number
  /** Items this chunk handled (counts against the call's budget). */
  work?: number
  /** The step stopped early for the call's budget (`CallTime`): its position is recorded and the call ends here. */
  yield?: boolean
}

export interface OperationStep<P> {
  name: string
  /**
   * One bounded, idempotent chunk from `op.cursor`. Answers the outcome for the runner to record — or `'advanced'`
   * when the step moved the operation itself inside its own transaction (`finishInTx`).
   */
  run(ctx: HandlerContext, op: OperationDoc<P>, time: CallTime): Promise<StepOutcome | 'advanced'>
}

/** The call's time, for a step that can end its chunk early (and answer where it stopped) when the budget runs out. */
export interface CallTime {
  /** Milliseconds of the call's budget left (negative when spent). */
  left(): number
  /** The clock the budget is measured on (ms). */
  now(): number
  /** Whether this is the call's first step: it does at least some work whatever the budget, so every call moves on. */
  first: boolean
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kinds of any params are driven alike
export interface OperationKind<P = any> {
  kind: string
  steps: OperationStep<P>[]
  /**
   * Undoes what the steps wrote when one of them meets a refusal (e.g. a person taken by another declaration meanwhile):
   * idempotent writes, ending with `failInTx`. Without it a refusal leaves the operation running (it is retried).
   */
  undo?(ctx: HandlerContext, op: OperationDoc<P>, refusal: AppError): Promise<void>
}

/** Work one call does before answering `processing` (the rest continues on the next call or timer tick). */
export interface Budget {
  /** Items (people, rows, notices) per call. */
  items: number
  /** Milliseconds of stepping per call: well inside a function's 20 s limit. */
  ms: number
  /** The clock `ms` is measured on (default `Date.now`): a test passes one that moves as it chooses. */
  now?: () => number
}

export const DEFAULT_BUDGET: Budget = { items: 1000, ms: 8000 }

export const OPERATIONS = 'operations'

/** A deterministic operation id from the parts that name the request. */
export function operationIdOf(kind: string, ...parts: (string | number)[]): string {
  return `op-${kind}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`
}

/** A deterministic id for something an operation creates (`what` names it): the same on every retry. */
export function derivedId(prefix: string, opId: string, generation: number, what = ''): string {
  return `${prefix}-${createHash('sha256').update(`${opId}\u0000${generation}\u0000${what}`).digest('hex').slice(0, 32)}`
}

export async function loadOperation<P, R>(db: SdkHandle, id: string): Promise<OperationDoc<P, R> | null> {
  return findById<OperationDoc<P, R>>(db, OPERATIONS, id)
}

/**
 * Starts (or restarts, when the previous one of this id has ended) an operation inside the caller's transaction.
 * Answers the operation to drive — the running one when it is already running (its params win: a retry resumes the
 * request that started it).
 */
export async function startInTx<P>(
  ctx: HandlerContext,
  tx: SdkHandle,
  start: { id: string; kind: string; total: number; params: P; current: OperationDoc<P> | null; staleUnits?: string[] },
): Promise<OperationDoc<P>> {
  const now = ctx.clock.now()
  const doc: Omit<OperationDoc<P>, '_id'> = {
    kind: start.kind,
    fn: ctx.fn,
    status: 'running',
    step: 0,
    cursor: null,
    seq: 0,
    done: 0,
    total: start.total,
    params: start.params,
    result: null,
    error: null,
    generation: (start.current?.generation ?? 0) + 1,
    ...(start.staleUnits ? { staleUnits: start.staleUnits } : {}),
    by: ctx.caller.openid,
    byRoles: ctx.caller.roles,
    createdAt: now,
    updatedAt: now,
  }
  await tx.collection(OPERATIONS).doc(start.id).set({ data: doc })
  return { _id: start.id, ...doc }
}

/** The context of whoever started `op`: what its steps record (audit entries) names them, not the timer that finished it. */
export function asStarter(ctx: HandlerContext, op: OperationDoc): HandlerContext {
  if (ctx.caller.openid === op.by) return ctx
  return { ...ctx, caller: { openid: op.by, user: null, roles: op.byRoles as HandlerContext['caller']['roles'] } }
}

/** Reads the operation in a transaction: as it stands, when no other driver moved it since `op` was read; else null. */
async function checkedInTx(tx: SdkHandle, op: OperationDoc): Promise<OperationDoc | null> {
  let current: OperationDoc | null = null
  try {
    current = (await tx.collection(OPERATIONS).doc(op._id).get()).data as OperationDoc
  } catch {
    return null
  }
  return current && current.status === 'running' && current.seq === op.seq ? current : null
}

/**
 * Inside the last step's transaction: the operation is done, together with the step's own writes (its status change,
 * its audit entry), with the answer a later call gets. Answers false (and the step must write nothing more) when
 * another driver already moved it — the transaction then changes nothing.
 */
export async function finishInTx(ctx: HandlerContext, tx: SdkHandle, op: OperationDoc, result: unknown, done = op.total): Promise<boolean> {
  const current = await checkedInTx(tx, op)
  if (!current) return false
  await tx.collection(OPERATIONS).doc(op._id).update({
    data: { status: 'done', seq: op.seq + 1, step: op.step + 1, cursor: null, done, result: ctx.db.command.set(result), updatedAt: ctx.clock.now() },
  })
  await markStandingsInTx(ctx, tx, current.staleUnits ?? [])
  return true
}

/**
 * Inside a step's own transaction: moves the operation's cursor (or to its next step) together with the step's writes,
 * for a chunk whose writes must not be repeated or must not land after another driver moved on (a lock that only holds
 * while its batch is still being built). Answers false (and the step must write nothing more) when another driver
 * already moved it. The step then answers `'advanced'`.
 */
export async function advanceInTx(ctx: HandlerContext, tx: SdkHandle, op: OperationDoc, outcome: Omit<StepOutcome, 'work'>): Promise<boolean> {
  if (!(await checkedInTx(tx, op))) return false
  await tx.collection(OPERATIONS).doc(op._id).update({
    data: {
      seq: op.seq + 1,
      done: outcome.done ?? op.done,
      updatedAt: ctx.clock.now(),
      ...(outcome.next ? { step: op.step + 1, cursor: null } : { cursor: outcome.cursor ?? null }),
    },
  })
  return true
}

/** Inside the undo's transaction: the operation ends as failed with the refusal it met. */
export async function failInTx(ctx: HandlerContext, tx: SdkHandle, op: OperationDoc, refusal: AppError): Promise<boolean> {
  const current = await checkedInTx(tx, op)
  if (!current) return false
  await tx.collection(OPERATIONS).doc(op._id).update({
    data: { status: 'failed', seq: op.seq + 1, error: ctx.db.command.set({ code: refusal.code, message: refusal.message }), updatedAt: ctx.clock.now() },
  })
  await markStandingsInTx(ctx, tx, current.staleUnits ?? [])
  return true
}

/**
 * Drives an operation until it ends or the call's budget is spent, and answers it as it then stands. Safe to run
 * from several calls at once: every step is idempotent and every advance conditional.
 */
export async function drive<P, R>(ctx: HandlerContext, kind: OperationKind<P>, id: string, budget: Budget = DEFAULT_BUDGET): Promise<OperationDoc<P, R> | null> {
  const now = budget.now ?? Date.now
  const started = now()
  const left = () => budget.ms - (now() - started)
  let work = 0
  let steps = 0
  const _ = ctx.db.command
  let op = await loadOperation<P, R>(ctx.db, id)
  while (op && op.status === 'running' && work < budget.items && left() > 0) {
    const step = kind.steps[op.step]
    if (!step) throw new Error(`operation ${id} (${kind.kind}) is at step ${op.step} of ${kind.steps.length}`)
    const current = op as OperationDoc<P>
    let outcome: StepOutcome | 'advanced'
    try {
      outcome = await step.run(ctx, current, { now, left, first: steps++ === 0 })
    } catch (err) {
      if (!(err instanceof AppError) || !kind.undo) throw err
      await kind.undo(ctx, current, err)
      op = await loadOperation<P, R>(ctx.db, id)
      break
    }
    if (outcome !== 'advanced' && outcome.next && op.step + 1 >= kind.steps.length && op.staleUnits?.length) {
      // The last step of an operation with units to mark: it ends in one transaction with their marks.
      const done = outcome.done ?? op.done
      await runInTransaction(ctx.db, async (tx: SdkHandle) => {
        const stored = await checkedInTx(tx, current)
        if (!stored) return
        await tx.collection(OPERATIONS).doc(id).update({ data: { status: 'done', seq: current.seq + 1, step: current.step + 1, cursor: null, done, updatedAt: ctx.clock.now() } })
        await markStandingsInTx(ctx, tx, stored.staleUnits ?? [])
      })
      work += outcome.work ?? 0
    } else if (outcome !== 'advanced') {
      const last = outcome.next && op.step + 1 >= kind.steps.length
      await ctx.db
        .collection(OPERATIONS)
        .where({ _id: id, seq: op.seq, status: 'running' })
        .update({
          data: {
            seq: _.inc(1),
            done: outcome.done ?? op.done,
            updatedAt: ctx.clock.now(),
            ...(outcome.next ? { step: op.step + 1, cursor: null } : { cursor: outcome.cursor ?? null }),
            ...(last ? { status: 'done' } : {}),
          },
        })
      work += outcome.work ?? 0
    }
    op = await loadOperation<P, R>(ctx.db, id)
    if (outcome !== 'advanced' && outcome.yield) break
  }
  return op
}

export type { Processing } from '@mutual-aid/contracts'

export function processing(op: OperationDoc, what: string): Processing {
  return {
    state: 'processing' as const,
    operationId: op._id,
    done: op.done,
    total: op.total,
    message: `${what}处理中（已完成 ${op.done} / ${op.total}），可稍后查看，完成后会自动更新。`,
  }
}

/** A failed operation's refusal, as the action answers it. */
export function refusalOf(op: OperationDoc): AppError {
  return new AppError((op.error?.code ?? 'INTERNAL') as never, op.error?.message ?? '处理未能完成，请重新提交。')
}

/**
 * The timer's sweep: drives every unfinished operation of this function (oldest first) within one budget, so work a
 * crash or a time-out left is finished even if nobody calls again.
 */
export async function resumeOperations(ctx: HandlerContext, kinds: OperationKind[], budget: Budget = DEFAULT_BUDGET): Promise<{ resumed: number; unfinished: number }> {
  const now = budget.now ?? Date.now
  const started = now()
  const byKind = new Map(kinds.map((k) => [k.kind, k]))
  const res = await ctx.db.collection(OPERATIONS).where({ fn: ctx.fn, status: 'running' }).orderBy('updatedAt', 'asc').limit(50).get()
  let resumed = 0
  let unfinished = 0
  for (const op of res.data as OperationDoc[]) {
    const kind = byKind.get(op.kind)
    const left = budget.ms - (now() - started)
    if (!kind || left <= 0) {
      unfinished++
      continue
    }
    const after = await drive(ctx, kind, op._id, { items: budget.items, ms: left, now })
    resumed++
    if (after?.status === 'running') unfinished++
  }
  return { resumed, unfinished }
}
