import { audit } from './audit'
import type { HandlerContext } from './context'
import { findById } from './db'
import { AppError, isDuplicateKey } from './errors'
import { cstClock } from './time'

/**
 * Throttles actions that check a name + resident ID or a code (binding, clerk invitations, a beneficiary looking up a
 * deceased participant): 5 wrong attempts lock the WeChat user out for 15 minutes, so guessing IDs is not cheap.
 *
 * The count is taken before the check, atomically: each attempt first takes one of the 5 places with a conditional
 * single-document update (`used < 5` → `used + 1`), and only an attempt holding a place is checked. However many
 * guesses arrive at once, across however many instances, at most 5 are ever evaluated before the lock; a miss keeps its
 * place, an attempt that was not a guess (a match, a malformed number) gives it back. The lock ends 15 minutes after
 * the last place was taken, and a count idle that long starts over.
 */
export const MAX_FAILURES = 5
export const LOCK_MINUTES = 15
const LOCK_MS = LOCK_MINUTES * 60_000

interface ThrottleDoc {
  _id: string
  /** Places taken in the current window: misses, plus attempts being checked right now. */
  used: number
  /** When the last place was taken (ms). */
  lastAt: number
}

/** One throttled attempt, holding its place until it is settled. */
export interface Attempt {
  /** The attempt was a wrong guess: it keeps its place. Answers how many remain and, when none, until when it is locked. */
  missed(): Promise<{ remaining: number; lockedUntil: number | null }>
  /** The attempt was not a wrong guess (it matched, or its input was refused before checking): its place is freed. */
  release(): Promise<void>
}

function lockedMessage(what: string, until: number, now: Date): string {
  return `核对失败次数过多，已暂停${what}。请于 ${cstClock(until, now)} 后再试，或联系单位经办人核对名册信息。`
}

/** Takes a place for one attempt, or refuses (THROTTLED, audited) while the key is locked. `what` names the action (e.g. 绑定). */
export async function beginAttempt(ctx: HandlerContext, key: string, what = '绑定'): Promise<Attempt> {
  const throttles = ctx.db.collection('throttles')
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const at = now.getTime()
  const expired = at - LOCK_MS
  let taken = false
  // A few rounds at most: each step is one atomic update; a round repeats only when the document changed between them
  // (created by a concurrent first attempt, or a place given back).
  for (let round = 0; round < 5 && !taken; round++) {
    // A count idle for the whole lock time (or a lock that has run out) starts over with this attempt.
    // (A document from before places were counted has no `lastAt`: it starts over too.)
    const fresh = await throttles
      .where(_.or([{ _id: key, lastAt: _.lte(expired) }, { _id: key, lastAt: _.exists(false) }]))
      .update({ data: { used: 1, lastAt: at } })
    if (fresh.stats.updated === 1) {
      taken = true
      break
    }
    const next = await throttles.where({ _id: key, used: _.lt(MAX_FAILURES), lastAt: _.gt(expired) }).update({ data: { used: _.inc(1), lastAt: at } })
    if (next.stats.updated === 1) {
      taken = true
      break
    }
    const doc = await findById<ThrottleDoc>(ctx.db, 'throttles', key)
    if (!doc) {
      try {
        await throttles.add({ data: { _id: key, used: 1, lastAt: at } })
        taken = true
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
    } else if (doc.used >= MAX_FAILURES && doc.lastAt > expired) {
      break
    }
  }
  if (!taken) {
    const doc = await findById<ThrottleDoc>(ctx.db, 'throttles', key)
    const until = (doc?.lastAt ?? at) + LOCK_MS
    await audit(ctx, { action: 'throttle.refused', entity: 'throttle', entityId: key, note: `locked until ${new Date(until).toISOString()}` })
    throw new AppError('THROTTLED', lockedMessage(what, until, now))
  }
  let settled = false
  return {
    async missed() {
      settled = true
      const doc = await findById<ThrottleDoc>(ctx.db, 'throttles', key)
      const used = doc?.used ?? MAX_FAILURES
      if (used < MAX_FAILURES) return { remaining: MAX_FAILURES - used, lockedUntil: null }
      const lockedUntil = (doc?.lastAt ?? at) + LOCK_MS
      // Several concurrent misses may see the same lock: it is recorded once.
      await audit(ctx, { action: 'throttle.lock', entity: 'throttle', entityId: key, note: `locked until ${new Date(lockedUntil).toISOString()}`, once: `throttle-lock:${key}:${doc?.lastAt ?? at}` })
      return { remaining: 0, lockedUntil }
    },
    async release() {
      if (settled) return
      settled = true
      await throttles.where({ _id: key, used: _.gt(0) }).update({ data: { used: _.inc(-1) } })
    },
  }
}

