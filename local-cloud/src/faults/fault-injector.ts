/**
 * Deterministic fault injection, for tests only (`--fault-injection`): the wire gate that counts each operation's
 * database writes and stops the operation at its N-th write, before or right after it is applied, as a crash or a
 * CloudBase time-out would. A write is attributed through the token the function's own SDK sends with it (one per
 * call, so concurrent instances never mix) and the call's parent (so a nested `cloud.callFunction` counts in the
 * operation that made it).
 *
 * A stopped call's requests that still arrive — sent in the instant before its worker died — are dropped without an
 * answer, so nothing after the crash point reaches the database.
 */
import type { FunctionRunner } from '../functions/function-runner'
import { describeWrite, isDurableWrite } from '../wire/durable-writes'
import type { Admission, WireGate, WireParams } from '../wire/types'
import { Operation } from './operation'

const RUN: Admission = { run: true, answer: true }
const DROP: Admission = { run: false, answer: false }

export class FaultInjector implements WireGate {
  /** Tokens of every call stopped so far (they outlive the runner's record of the call). */
  private readonly stoppedTokens = new Set<string>()

  constructor(private readonly runner: FunctionRunner) {}

  admit(action: string, params: WireParams, callId: string | undefined, token: string): Admission {
    if (token && this.stoppedTokens.has(token)) return DROP
    const group = this.runner.groupOf(callId)
    if (!callId || !(group instanceof Operation)) return RUN
    if (!isDurableWrite(action, params)) return RUN

    const fn = this.runner.functionOf(callId)?.name ?? '?'
    const { record, crashHere } = group.recordWrite({ fn, action, ...describeWrite(action, params) })
    const plan = group.plan
    if (!crashHere || !plan) return RUN

    const victims = plan.scope === 'operation' ? this.runner.callsIn(group) : this.runner.withCallees(callId)
    group.markStopped(victims)
    for (const id of victims) this.stoppedTokens.add(id)
    group.crashed = { ...record, when: plan.when, scope: plan.scope, stoppedCalls: victims.length }
    console.error(`[local-cloud] fault injection: stopping ${victims.length} call(s) ${plan.when} write ${record.n} (${fn}: ${action} ${record.collection ?? ''} ${record.target})`)
    if (plan.when === 'before') {
      this.runner.stop(victims)
      return DROP
    }
    // The write is applied (and fsynced) first; its answer never reaches the function.
    return { run: true, answer: false, after: () => this.runner.stop(victims) }
  }
}
