import type { HandlerContext } from '@cloud-shared/context'
import { NAME_KEY_VERSION, nameKeyOf } from '@cloud-shared/name-key'
import { loadOperation, OPERATIONS, operationIdOf, startInTx, type OperationDoc, type OperationKind, type OperationStep } from '@cloud-shared/operation'
import { runInTransaction } from '@cloud-shared/transaction'
import { txGet } from '@cloud-shared/tx'

/** Documents read per chunk (by `_id`), and updates sent at once (a group). */
export const KEY_CHUNK = 500
export const PARALLEL = 20

/**
 * How long a group of updates took at most recently on this instance (ms): a chunk starts another group only while
 * twice that is left of the call's budget, else it stops and answers where it got to (the next tick resumes there).
 * Under load 20 a chunk of 500 keys took longer than the whole budget, and ticks ran into the function's 20 s limit.
 * Starts from a loaded machine's figure; follows a slower group at once and a faster one slowly. Kept in memory only.
 */
let groupMs = 500

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
 * wrote. Each tick works within the timer's budget (operation.ts `DEFAULT_BUDGET`, 8 s of the function's 20 s): a
 * chunk whose updates would run past it stops between two groups and answers the cursor there, and the next tick
 * resumes from exactly that document.
 */
export interface NameKeyParams {
  version: string
}

function walk(collection: 'people' | 'participations'): OperationStep<NameKeyParams> {
  return {
    name: `keys of ${collection}`,
    async run(ctx, op, time) {
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
      const stale = docs.flatMap((d, at) => {
        if (typeof d.name !== 'string') return []
        const key = nameKeyOf(d.name)
        return d.nameKey === key ? [] : [{ _id: d._id, name: d.name, key, at }]
      })
      for (let i = 0; i < stale.length; i += PARALLEL) {
        // At least one group per tick, so every tick moves on; then only while the budget has room for two more.
        if ((i > 0 || !time.first) && time.left() < 2 * groupMs) {
          // Stopped before stale[i]: everything before it is keyed (or needed none), so the cursor sits just before it.
          const walked = stale[i].at
          const cursor = walked > 0 ? docs[walked - 1]._id : after
          return { cursor, done: op.done + walked, work: i + Math.ceil(walked / 10), yield: true }
        }
        const t = time.now()
        await Promise.all(stale.slice(i, i + PARALLEL).map((s) => ctx.db.collection(collection).where({ _id: s._id, name: s.name }).update({ data: { nameKey: s.key } })))
        groupMs = Math.max(time.now() - t, Math.round(groupMs * 0.8))
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
