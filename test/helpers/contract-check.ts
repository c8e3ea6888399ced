/**
 * Holds every answer a function test receives against the contract the app reads it with: the envelope's shape,
 * and for a success the action's output schema (@mutual-aid/contracts). A function that answers something its
 * contract does not describe fails the test that called it, whatever that test asserts.
 */
import { COMMON_ERROR_CODES, FUNCTION_CONTRACTS, FUNCTION_ERROR_CODES, RULE_ERROR_CODES, envelopeSchema } from '@mutual-aid/contracts'

type FunctionName = keyof typeof FUNCTION_CONTRACTS

export function checkAnswer(fn: string, action: string, answer: unknown): void {
  const contract = FUNCTION_CONTRACTS[fn as FunctionName]
  if (!contract) throw new Error(`no contract for function ${fn}`)
  const envelope = envelopeSchema.safeParse(answer)
  if (!envelope.success) throw new Error(`${fn}.${action} answered something that is not an envelope: ${JSON.stringify(answer).slice(0, 300)}`)
  if (!envelope.data.ok) {
    const { code } = envelope.data
    // Every refusal code on the wire is catalogued: the common ones, the function's own, the rules' passed on.
    const known = code in COMMON_ERROR_CODES || code in FUNCTION_ERROR_CODES[fn as FunctionName] || code in RULE_ERROR_CODES
    if (!known) throw new Error(`${fn}.${action} refused with an uncatalogued code ${code}`)
    return
  }
  const def = (contract.actions as Record<string, { output: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } } }>)[action]
  if (!def) throw new Error(`${fn}.${action} succeeded but is not in the contract`)
  const parsed = def.output.safeParse(envelope.data.data)
  if (!parsed.success) {
    throw new Error(`${fn}.${action} answer does not match its contract: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`)
  }
}
