/** What every cloud function answers: a value, or a refusal a person can act on. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown }

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })

export const fail = (code: string, message: string, details?: unknown): Envelope<never> =>
  details === undefined ? { ok: false, code, message } : { ok: false, code, message, details }
