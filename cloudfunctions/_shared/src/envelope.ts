import type { Envelope } from '@mutual-aid/contracts'

export type { Envelope }

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })

export const fail = (code: string, message: string, details?: unknown): Envelope<never> =>
  details === undefined ? { ok: false, code, message } : { ok: false, code, message, details }
