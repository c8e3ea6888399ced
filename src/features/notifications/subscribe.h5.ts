import type { SubscriptionKey } from './subscribe.types'

export type { SubscriptionKey } from './subscribe.types'

/** Subscribe messages exist only in WeChat; in the browser the in-app inbox (and the emulator outbox) stands in. */
export function requestSubscriptions(_keys: readonly SubscriptionKey[]): Promise<void> {
  return Promise.resolve()
}
