import type { z } from 'zod'

/** One action of a cloud function: what it takes (parsed by the function) and what it answers (parsed by the app). */
export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
}

/** A cloud function's contract: its deployed name and its actions. */
export interface FunctionContract<N extends string = string, A extends Record<string, ActionContract> = Record<string, ActionContract>> {
  name: N
  actions: A
}

/** Declares a function's contract, keeping every action's schemas precisely typed. */
export const defineFunction = <const N extends string, A extends Record<string, ActionContract>>(name: N, actions: A): FunctionContract<N, A> => ({
  name,
  actions,
})

/** What the app sends for an action (before defaults are applied by the function's parse). */
export type InputOf<C extends ActionContract> = z.input<C['input']>
/** What the app reads from an action's answer, once parsed. */
export type OutputOf<C extends ActionContract> = z.output<C['output']>
/** What the function's handler may return for an action (instants may still be `Date`s). */
export type HandlerResultOf<C extends ActionContract> = z.input<C['output']>
