import type { HandlerContext } from './context'
import type { SdkHandle } from './sdk'

export interface AuditEntry {
  /** What happened, as `<function>.<action>` or a short verb such as `claim.approve`. */
  action: string
  entity: string
  entityId: string
  before?: unknown
  after?: unknown
  note?: string
}

/**
 * Appends to the audit log: who (OPENID and role), when, what, before/after. The log is append-only: no function
 * updates or removes audit documents. Pass `tx` to write inside a transaction together with the change.
 */
export async function audit(ctx: HandlerContext, entry: AuditEntry, tx?: SdkHandle): Promise<void> {
  const target = tx ?? ctx.db
  await target.collection('audit').add({
    data: {
      ...entry,
      before: entry.before ?? null,
      after: entry.after ?? null,
      openid: ctx.caller.openid,
      roles: ctx.caller.roles,
      fn: ctx.fn,
      at: ctx.clock.now(),
    },
  })
}
