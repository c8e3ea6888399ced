import { z } from 'zod'

/**
 * The answer of an action whose work continues after the call (a declaration of thousands of people, a payment that
 * activates and tells them, a roster import): nothing failed, it is 处理中. The work goes on when the app calls the
 * same action again and on the function's timer; the app shows `message` and the progress, and calls again.
 */
export const processingSchema = z.object({
  state: z.literal('processing'),
  operationId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
})
export type Processing = z.infer<typeof processingSchema>

/** An action's answer, or 处理中. */
export const orProcessing = <T extends z.ZodTypeAny>(done: T) => z.union([done, processingSchema])

/** Whether an answer is 处理中 (rather than the action's finished answer). */
export function isProcessing(answer: unknown): answer is Processing {
  return typeof answer === 'object' && answer !== null && (answer as { state?: unknown }).state === 'processing'
}
