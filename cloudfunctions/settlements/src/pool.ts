/**
 * Runs `work` over `items` with at most `limit` at once (database round trips of one chunk overlap instead of queueing
 * one after another). Rejects with the first failure, after every started task has settled.
 */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  let failure: unknown = null
  const runner = async () => {
    while (next < items.length && failure === null) {
      const item = items[next++]
      try {
        await work(item)
      } catch (err) {
        failure ??= err
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner))
  if (failure !== null) throw failure
}
