import type { HandlerContext } from '@cloud-shared/context'
import { NAME_KEY_VERSION, nameKeyOf } from '@cloud-shared/name-key'
import { loadOperation, OPERATIONS, operationIdOf, startInTx, type OperationDoc, type OperationKind, type OperationStep } from '@cloud-shared/operation'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'

/** Documents read per chunk (by `_id`), and updates sent at once. */
export const KEY_CHUNK = 500
const PARALLEL = 20

/**
 * Backfill of the names' sort keys (`nameKey`, name-key.ts) on every person and participation: those written before
 * the key existed, or under an earlier `NAME_KEY_VERSION`. Every writer has stored the key with the name since; this
 * operation brings the rest in line, so the lists — paged on the key — hold everyone in pinyin order.
 *
 * Why an operation rather than a key computed on read: a list pages on an index of the key; a person without one
 * would sort before everyone (the database puts a missing value first) and escape a name search. Why not a one-off
 * script: the roster's timer starts it by itself after a deploy (`ensureNameKeys`), and like every operation it
 * survives being cut off — each chunk walks `_id` order from the cursor and writes the key conditionally on the name
 * it read (`{ _id, name }`), so a repeat changes nothing and a person renamed meanwhile keeps the key their rename
 * wrote.
 */
export interface NameKeyParams {
  version: string
}

function walk(collection: 'people' | 'participations'): OperationStep<NameKeyParams> {
  return {
    name: `keys of ${collection}`,
    async run(ctx, op) {
      const _ = ctx.db.command
      const after = typeof op.cursor === 'string' ? op.cursor : null
      const docs = (
        await ctx.db
          .collection(collection)
          .where(after === null ? {} : { _id: _.gt(after) })
          .orderBy('_id', 'asc')
          .field({ _id: true, name: true, nameKey: true })
          .limit(KEY_CHUNK)
          .get()
      ).data as { _id: string; name?: unknown; nameKey?: unknown }[]
      const stale = docs.flatMap((d) => {
        if (typeof d.name !== 'string') return []
        const key = nameKeyOf(d.name)
        return d.nameKey === key ? [] : [{ _id: d._id, name: d.name, key }]
      })
      for (let i = 0; i < stale.length; i += PARALLEL) {
        await Promise.all(stale.slice(i, i + PARALLEL).map((s) => ctx.db.collection(collection).where({ _id: s._id, name: s.name }).update({ data: { nameKey: s.key } })))
      }
      const done = op.done + docs.length
      // A read is cheap beside a write: an already-keyed chunk costs the budget a little, a stale one its updates.
      const work = stale.length + Math.ceil(docs.length / 10)
      if (docs.length < KEY_CHUNK) return { next: true, done, work }
      return { cursor: docs[docs.length - 1]._id, done, work }
    },
  }
}

export const nameKeyOperation: OperationKind<NameKeyParams> = {
  kind: 'roster.nameKeys',
  steps: [walk('people'), walk('participations')],
}

/** The backfill's id: one per key version, so a new recipe runs once more over everything. */
export const nameKeyOperationId = (version = NAME_KEY_VERSION) => operationIdOf('nameKeys', version)

/**
 * Starts the backfill for the current key version unless it has run or is running (the timer calls this on every
 * tick; after the first, it is one read). Two timers at once: the transaction lets one start it.
 */
export async function ensureNameKeys(ctx: HandlerContext): Promise<OperationDoc<NameKeyParams> | null> {
  const id = nameKeyOperationId()
  const existing = await loadOperation<NameKeyParams, unknown>(ctx.db, id)
  if (existing) return existing
  return runInTransaction(ctx.db, async (tx) => {
    const current = await txGet<OperationDoc<NameKeyParams>>(tx, OPERATIONS, id)
    if (current) return current
    // No total: the sweep walks whole collections that grow while it runs (`done` counts the documents walked), and
    // nobody waits on it with a progress line.
    return startInTx(ctx, tx, { id, kind: nameKeyOperation.kind, total: 0, params: { version: NAME_KEY_VERSION }, current: null })
  })
}
