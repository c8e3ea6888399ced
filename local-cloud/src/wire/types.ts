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
