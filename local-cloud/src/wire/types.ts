/** Shared shapes of the `/admin` wire handlers. */

/** The JSON body the SDK posts to `/admin` (plus form fields for multipart requests). */
export type WireParams = Record<string, unknown>

/** Who is calling: a function call's id when the request comes from a function the emulator runs. */
export interface WireCaller {
  callId: string | undefined
}

/** A handler answers the reply body's fields other than `requestId` (usually `{ data }`). */
export type WireHandler = (params: WireParams, caller: WireCaller) => Promise<WireReply>

export type WireReply = { json: Record<string, unknown> } | { binary: Buffer; contentType: string }

/**
 * What happens to one wire request before it runs (fault injection, local-cloud/src/faults): `run` it or not, and
 * whether to `answer` it. A request that is not answered has its connection closed, as when the function's
 * instance died waiting for it; `after` is called once the request has run, whatever its outcome.
 */
export interface Admission {
  run: boolean
  answer: boolean
  after?: () => void
}

/**
 * Decides each wire request's admission from its action, parameters and the function call that sent it (`callId`
 * when that call is running, and the raw token the request carried).
 */
export interface WireGate {
  admit(action: string, params: WireParams, callId: string | undefined, token: string): Admission
}
