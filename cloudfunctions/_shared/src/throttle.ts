import type { HandlerContext } from './context'
import { findById } from './db'
import { AppError } from './errors'
import { cstClock } from './time'

/**
 * Throttles actions that check a name + resident ID or a code (binding, clerk invitations, a beneficiary looking up a
 * deceased participant): 5 wrong attempts lock the WeChat user out for 15 minutes, so guessing IDs is not cheap.
 */
export const MAX_FAILURES = 5
export const LOCK_MINUTES = 15

interface ThrottleDoc {
  _id: string
  failures: number
  lockedUntil: number | null
}

/** Refuses while the key is locked, saying when to try again. `what` names the paused action (e.g. 绑定). */
export async function assertNotThrottled(ctx: HandlerContext, key: string, what = '绑定'): Promise<void> {
  const doc = await findById<ThrottleDoc>(ctx.db, 'throttles', key)
  const now = ctx.clock.now()
  if (doc?.lockedUntil && doc.lockedUntil > now.getTime()) {
    throw new AppError('THROTTLED', `核对失败次数过多，已暂停${what}。请于 ${cstClock(doc.lockedUntil, now)} 后再试，或联系单位经办人核对名册信息。`)
  }
}

/** Counts a failure; the fifth locks the key. Answers how many attempts remain (0 = now locked). */
export async function recordFailure(ctx: HandlerContext, key: string): Promise<{ remaining: number; lockedUntil: number | null }> {
  const doc = await findById<ThrottleDoc>(ctx.db, 'throttles', key)
  const now = ctx.clock.now().getTime()
  // A lock that has run out starts a fresh count.
  const previous = doc && !(doc.lockedUntil && doc.lockedUntil <= now) ? doc.failures : 0
  const failures = previous + 1
  const lockedUntil = failures >= MAX_FAILURES ? now + LOCK_MINUTES * 60_000 : null
  const data = { failures: lockedUntil ? 0 : failures, lockedUntil, updatedAt: new Date(now) }
  if (doc) await ctx.db.collection('throttles').doc(key).update({ data })
  else await ctx.db.collection('throttles').add({ data: { _id: key, ...data } })
  return { remaining: lockedUntil ? 0 : MAX_FAILURES - failures, lockedUntil }
}

export async function clearFailures(ctx: HandlerContext, key: string): Promise<void> {
  await ctx.db.collection('throttles').where({ _id: key }).remove()
}
