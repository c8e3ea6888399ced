import Taro from '@tarojs/taro'

/** A random id for file names and idempotency keys (no crypto API on every mini-program base library). */
export function randomId(length = 16): string {
  let out = Date.now().toString(36)
  while (out.length < length) out += Math.random().toString(36).slice(2)
  return out.slice(0, length)
}

const keyName = (draftId: string) => `mutual-aid.claims.submit-key.${draftId}`

/**
 * The idempotency key of a draft's submission: made once, kept on the device, so a double tap, a retry after a
 * time-out or a reopened app all send the same key and the cloud creates exactly one claim.
 */
export function submitKeyFor(draftId: string): string {
  const stored = Taro.getStorageSync(keyName(draftId)) as unknown
  if (typeof stored === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored
  const key = `s${randomId(24)}`
  Taro.setStorageSync(keyName(draftId), key)
  return key
}
