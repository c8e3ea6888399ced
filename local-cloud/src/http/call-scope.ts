/**
 * Which function call an HTTP invocation started, so `/local/invoke` and `/fn/<name>` can answer its id in the
 * `x-local-call-id` header (tests then read that call's database statistics). The runner gives the id only to the
 * call itself; its end hook runs inside the invocation's async context, so it can note the id there.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

const scope = new AsyncLocalStorage<{ callId?: string }>()

/** Runs an invocation and answers its result with the id of the call it ran (when it ran one). */
export async function withCallScope<T>(invoke: () => Promise<T>): Promise<{ result: T; callId?: string }> {
  const store: { callId?: string } = {}
  const result = await scope.run(store, invoke)
  return { result, callId: store.callId }
}

/** Called when a function call ends: the id of the outermost call of the invocation is kept. */
export function noteCallEnded(callId: string): void {
  const store = scope.getStore()
  if (store && store.callId === undefined) store.callId = callId
}
