/**
 * An error answered on the wire as `{ code, message, requestId }` — the shape the SDK turns into a thrown
 * `TcbError` (see node-sdk `utils/tcbapirequester.ts`, `if (result?.code) processReturn(result)`).
 */
export class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'WireError'
  }
}

export const invalidParam = (message: string): WireError => new WireError('INVALID_PARAM', message)
