import { action } from '@cloud-shared/create-main'
import { AppError } from '@cloud-shared/errors'
import { countWhere, keysetPage, type SortSpec } from '@cloud-shared/keyset'
import { auditListSchema } from '@mutual-aid/contracts'

interface AuditDoc {
  _id: string
  action: string
  entity: string
  entityId: string
  openid: string
  roles: string[]
  fn: string
  at: Date
  note?: string
  before: unknown
  after: unknown
}

const NEWEST_FIRST: SortSpec = [
  ['at', 'desc'],
  ['_id', 'desc'],
]

/** Before/after as short text: enough to see what changed, never a whole document on the wire. */
const MAX_SHOWN = 500
const shown = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v).slice(0, MAX_SHOWN))

/** The audit log, newest first, one page at a time — all of it or one entity's. Office only. */
export const auditLog = action({
  access: ['office'],
  input: auditListSchema,
  async run(ctx, input) {
    if (input.entityId && !input.entity) throw new AppError('INVALID_INPUT', '按记录编号查看时请同时选择记录类型。')
    const where: Record<string, unknown> = {}
    if (input.entity) where.entity = input.entity
    if (input.entityId) where.entityId = input.entityId
    const [total, page] = await Promise.all([
      countWhere(ctx.db, 'audit', where),
      keysetPage<AuditDoc>(ctx.db, 'audit', where, NEWEST_FIRST, { cursor: input.cursor, limit: input.limit ?? 50 }),
    ])
    return {
      total,
      nextCursor: page.nextCursor,
      items: page.docs.map((a) => ({
        id: a._id,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        openid: a.openid,
        roles: a.roles ?? [],
        fn: a.fn ?? '',
        at: a.at,
        note: a.note ?? null,
        before: shown(a.before),
        after: shown(a.after),
      })),
    }
  },
})
