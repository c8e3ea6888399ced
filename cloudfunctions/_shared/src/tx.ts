import { conflict, sdkErrorText } from './errors'
import type { SdkHandle } from './sdk'

/**
 * Reads one document inside a transaction, or null. (wx-server-sdk's `doc().get()` rejects with
 * "document with _id … does not exist" for a missing document.)
 */
export async function txGet<T>(tx: SdkHandle, collection: string, id: string): Promise<T | null> {
  try {
    const res = await tx.collection(collection).doc(id).get()
    return (res.data as T) ?? null
  } catch (err) {
    if (/does not exist/.test(sdkErrorText(err))) return null
    throw err
  }
}

/**
 * Reads a versioned document inside a transaction and checks it is still at the version the caller saw. Of two
 * reviewers acting on the same version, the transaction that writes second conflicts and is retried on a fresh
 * snapshot (runInTransaction), where it sees the new version and gets this CONFLICT refusal.
 */
export async function txGetVersioned<T extends { version: number }>(
  tx: SdkHandle,
  collection: string,
  id: string,
  expected: number,
  onMissing: () => Error,
): Promise<T> {
  const doc = await txGet<T>(tx, collection, id)
  if (!doc) throw onMissing()
  if (doc.version !== expected) {
    throw conflict('该申请刚刚已被他人处理或修改，请刷新后查看最新状态再操作。')
  }
  return doc
}

/** Removes `_id` (it cannot be written by `set`/`update`). */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _omit, ...rest } = doc
  return rest
}
