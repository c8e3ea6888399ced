import type { HandlerContext } from '@cloud-shared/context'
import type { SdkHandle } from '@cloud-shared/sdk'

/** Creates the caller's user document or merges `patch` into it (users are keyed by OPENID). */
export async function upsertCaller(ctx: HandlerContext, patch: Record<string, unknown>, tx?: SdkHandle): Promise<void> {
  const db = tx ?? ctx.db
  const now = ctx.clock.now()
  if (ctx.caller.user) {
    await db.collection('users').doc(ctx.caller.openid).update({ data: { ...patch, updatedAt: now } })
  } else {
    await db.collection('users').add({ data: { _id: ctx.caller.openid, role: null, name: '', ...patch, createdAt: now, updatedAt: now } })
  }
}
