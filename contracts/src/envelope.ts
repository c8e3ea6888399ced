/**
 * What every cloud function answers: a value, or a refusal a person can act on (`message` is Chinese text).
 * `details` carries machine-readable specifics (e.g. zod issues per field) where the refusal has them.
 */
export type Envelope<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown }

/** The refusal half of {@link Envelope}. */
export type Failure = Extract<Envelope<never>, { ok: false }>
