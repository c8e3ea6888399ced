import type { ActionContract, FunctionContract, InputOf, OutputOf } from '@mutual-aid/contracts'
import { BAD_RESPONSE, call, type Envelope } from './cloud'

/**
 * Calls one action of a cloud function through its contract: the input is typed by the contract's request schema
 * (the function parses it again), and the answer's data is parsed with its output schema, so a page only ever sees
 * data of the shape it was written for. An answer that does not match becomes BAD_RESPONSE, never a crash later.
 */
export async function callAction<A extends Record<string, ActionContract>, K extends keyof A & string>(
  contract: FunctionContract<string, A>,
  action: K,
  input: InputOf<A[K]>,
): Promise<Envelope<OutputOf<A[K]>>> {
  const answer = await call<unknown>(contract.name, { action, ...(input as Record<string, unknown>) })
  if (!answer.ok) return answer
  const parsed = contract.actions[action].output.safeParse(answer.data)
  if (parsed.success) return { ok: true, data: parsed.data as OutputOf<A[K]> }
  // Keep the first problems for whoever reads the console; the person sees a sentence they can act on.
  console.error(`[${contract.name}.${action}] answer does not match the contract`, parsed.error.issues.slice(0, 5))
  return BAD_RESPONSE
}
