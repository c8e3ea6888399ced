/** Subscribe messages exist only in WeChat; in the browser the in-app inbox (and the emulator outbox) stands in. */
export function requestClaimSubscriptions(): Promise<void> {
  return Promise.resolve()
}
