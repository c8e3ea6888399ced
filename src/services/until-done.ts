import { isProcessing, type Envelope, type Processing } from '@mutual-aid/contracts'

/** How many times, and how far apart (ms), the app calls again an action that answers 处理中. */
export const POLL_TRIES = 40
export const POLL_PAUSE_MS = 1500

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Calls an action whose work may go on after the call (a declaration of thousands of people, a payment that starts
 * their coverage, a roster import). While it answers 处理中 the app shows its progress and calls it again — the same
 * request resumes the same operation on the server. After POLL_TRIES the answer stays 处理中 and the page says so:
 * the server's timer finishes the work, and the records show 处理中 until then. Never an error for work in progress.
 */
export async function untilDone<T>(
  call: () => Promise<Envelope<T | Processing>>,
  onProgress: (progress: Processing) => void,
  pause: (ms: number) => Promise<void> = sleep,
): Promise<Envelope<T | Processing>> {
  let answer = await call()
  for (let i = 0; i < POLL_TRIES && answer.ok && isProcessing(answer.data); i++) {
    onProgress(answer.data)
    await pause(POLL_PAUSE_MS)
    answer = await call()
  }
  return answer
}

/** What a page shows for work still going on when it stops calling. */
export const STILL_PROCESSING = '处理中，可稍后查看：系统会在后台继续完成，完成后记录状态会自动更新。'
