/**
 * @mutual-aid/contracts — the contract between the mini-program and the cloud functions: what each action takes
 * and answers, the envelope, roles, error codes and labels. Both sides import it; it imports only zod and
 * @mutual-aid/shared-rules, never the app or a function.
 */
export type { Envelope, Failure } from './envelope'
