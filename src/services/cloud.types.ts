import { envelopeSchema, type Envelope, type Failure } from '@mutual-aid/contracts'

export type { Envelope, Failure }

export interface UploadFileOptions {
  /** Where the file goes in cloud storage, e.g. `claims/<claimId>/<name>.jpg`. */
  cloudPath: string
  /** A local temp path on weapp (from Taro.chooseImage), a `blob:` URL on h5. */
  filePath: string
  /** Percentage 0–100 as the upload advances. */
  onProgress?: (percent: number) => void
}

/** Raised by `uploadFile` (which, unlike `call`, has no envelope to carry a failure). */
export class CloudError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'CloudError'
    this.code = code
  }
}

/** The one interface `cloud.h5.ts` and `cloud.weapp.ts` both implement. */
export interface CloudClient {
  /** Runs at app launch (weapp: `Taro.cloud.init`). */
  initCloud(): void
  /** Calls a cloud function. Never throws: network trouble becomes `{ ok: false, code: 'NETWORK' }`. */
  call<T>(name: string, event: Record<string, unknown>): Promise<Envelope<T>>
  /** Uploads one file; rejects with a `CloudError` carrying a Chinese message. */
  uploadFile(options: UploadFileOptions): Promise<{ fileID: string }>
  // No client-side download URLs: storage is ADMINONLY, so functions hand out temporary URLs after checking who may
  // see a file (claims.photoUrls, enrolment.receiptUrl).
  /** True where the app signs in with a local demo identity (h5 on the emulator) instead of WeChat. */
  readonly supportsLocalSignIn: boolean
  /** h5: signs in as `openid` on the local emulator; weapp: WeChat identity is implicit, resolves false. */
  signIn(openid: string): Promise<Envelope<{ openid: string }>>
  /** h5: forgets the local session; weapp: no-op. */
  signOut(): void
  /** h5: the signed-in openid, or null; weapp: always null (only the cloud knows the OPENID). */
  currentOpenid(): string | null
}

export const NETWORK_FAILURE: Failure = { ok: false, code: 'NETWORK', message: '网络不稳定，请稍后重试' }

export const BAD_RESPONSE: Failure = { ok: false, code: 'BAD_RESPONSE', message: '服务返回了无法识别的结果，请稍后重试' }

/**
 * Checks that a function's raw answer has the envelope shape. The data inside is checked against the action's
 * output schema by `callAction` (src/services/call-action.ts); here we only refuse answers that are not envelopes.
 */
export function toEnvelope<T>(raw: unknown): Envelope<T> {
  const parsed = envelopeSchema.safeParse(raw)
  if (!parsed.success) return BAD_RESPONSE
  return parsed.data.ok
    ? { ok: true, data: parsed.data.data as T }
    : { ok: false, code: parsed.data.code, message: parsed.data.message }
}
