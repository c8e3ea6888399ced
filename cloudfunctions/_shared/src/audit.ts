import { createHash } from 'node:crypto'
import type { HandlerContext } from './context'
import { isDuplicateKey } from './errors'
import type { SdkHandle } from './sdk'

export interface AuditEntry {
  /** What happened, as `<function>.<action>` or a short verb such as `claim.approve`. */
  action: string
  entity: string
  entityId: string
  before?: unknown
  after?: unknown
  note?: string
  /**
   * Names an event that several calls may witness (e.g. one lock seen by many concurrent attempts): it is recorded
   * once, under an id derived from this name.
   */
  once?: string
}

/**
 * Appends to the audit log: who (OPENID and role), when, what, before/after. The log is append-only: no function
 * updates or removes audit documents. Pass `tx` to write inside a transaction together with the change.
 */
export async function audit(ctx: HandlerContext, entry: AuditEntry, tx?: SdkHandle): Promise<void> {
  const target = tx ?? ctx.db
  const { once, ...rest } = entry
  const data = {
    ...(once ? { _id: `audit-${createHash('sha256').update(once).digest('hex').slice(0, 40)}` } : {}),
    ...rest,
    before: entry.before ?? null,
    after: entry.after ?? null,
    openid: ctx.caller.openid,
    roles: ctx.caller.roles,
    fn: ctx.fn,
    at: ctx.clock.now(),
  }
  try {
    await target.collection('audit').add({ data })
  } catch (err) {
    // The event is already on record.
    if (!(once && isDuplicateKey(err))) throw err
  }
}
