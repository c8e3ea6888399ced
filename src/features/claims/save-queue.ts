/**
 * Runs saves one after another, in the order asked. A claim's draft (and a returned claim's resubmission) is one
 * versioned document: two saves sent at once (photos of two checklist items finishing together) would carry the same
 * version and one would be refused as changed by someone else. Queued, each save starts after the previous one has
 * answered, so it can send the version and files that answer left.
 */
export type SaveQueue = <T>(task: () => Promise<T>) => Promise<T>

export function createSaveQueue(): SaveQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    // A failed save does not stop the ones queued after it: each answers its own caller.
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}
