import { z } from 'zod'

/**
 * What every cloud function answers: a value, or a refusal a person can act on (`message` is Chinese text).
 * `details` carries machine-readable specifics (e.g. zod issues per field) where the refusal has them.
 */
export type Envelope<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown }

/** The refusal half of {@link Envelope}. */
export type Failure = Extract<Envelope<never>, { ok: false }>

/** The envelope's shape on the wire; the data inside is checked by each action's output schema. */
export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string(), details: z.unknown().optional() }),
])
