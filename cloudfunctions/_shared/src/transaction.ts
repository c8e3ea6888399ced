import { AppError, sdkErrorText } from './errors'
import type { SdkHandle } from './sdk'

/**
 * A write-write conflict between transactions. CloudBase runs transactions side by side: when two write the same
 * document, the later writer (or the later committer) is refused with DATABASE_TRANSACTION_CONFLICT. wx-server-sdk
 * folds that code into its own errCode/errMsg for a write inside the callback, so the text is matched too.
 */
export function isTransactionConflict(err: unknown): boolean {
  return /DATABASE_TRANSACTION_CONFLICT|WriteConflict|transaction conflict|事务冲突/i.test(sdkErrorText(err))
}

export interface RetryOptions {
  /** Tries in all (each may itself be retried by the SDK on a commit conflict). */
  attempts?: number
  /** The Chinese message when every try met a conflict. */
  busyMessage?: string
}

const DEFAULT_ATTEMPTS = 8
/** Backoff cap, in ms: 8 tries stay well inside a function's 20 s time limit. */
const MAX_BACKOFF_MS = 800

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` as one transaction, retrying a write conflict with randomized, growing backoff ("full jitter", so
 * contenders spread out instead of colliding again). `work` must only use the transaction it is given: it may run
 * several times. A refusal it throws (an AppError) is never retried. When every try conflicted, the caller gets a
 * clear BUSY refusal — never INTERNAL.
 */
export async function runInTransaction<T>(db: SdkHandle, work: (tx: SdkHandle) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(work)) as T
    } catch (err) {
      if (!isTransactionConflict(err)) throw err
      if (attempt >= attempts) {
        console.error(`[transaction] still conflicting after ${attempts} tries:`, sdkErrorText(err))
        throw new AppError('BUSY', options.busyMessage ?? '现在同时办理的人较多，请稍等几秒后再试。')
      }
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 20 * 2 ** attempt))
    }
  }
}
