import cloud from 'wx-server-sdk'
import { markReadInput, messageListInput, messagesContract, noInput } from '@mutual-aid/contracts'
import { action, createMain } from '@cloud-shared/create-main'
import { audit } from '@cloud-shared/audit'
import { countWhere, keysetPage, type SortSpec } from '@cloud-shared/keyset'

interface MessageDoc {
  _id: string
  openid: string
  template: string
  title: string
  body: string
  page: string
  ref: { entity: string; id: string } | null
  read: boolean
  createdAt: Date
}

const NEWEST_FIRST: SortSpec = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
]

/** The caller's inbox, newest first, one page at a time, with the unread count. Only ever the caller's own messages. */
const list = action({
  access: 'signed-in',
  input: messageListInput,
  async run(ctx, { limit, cursor }) {
    const mine = { openid: ctx.caller.openid }
    const [page, unread, total] = await Promise.all([
      keysetPage<MessageDoc>(ctx.db, 'messages', mine, NEWEST_FIRST, { cursor, limit: limit ?? 50 }),
      countWhere(ctx.db, 'messages', { ...mine, read: false }),
      countWhere(ctx.db, 'messages', mine),
    ])
    return {
      nextCursor: page.nextCursor,
      items: page.docs.map((m) => ({
        id: m._id,
        title: m.title,
        body: m.body,
        page: m.page,
        ref: m.ref,
        read: m.read,
        createdAt: m.createdAt,
      })),
      unread,
      total,
    }
  },
})

/** Marks some (or all) of the caller's messages read. Someone else's message ids are ignored, never touched. */
const markRead = action({
  access: 'signed-in',
  input: markReadInput,
  async run(ctx, { ids, all }) {
    const _ = ctx.db.command
    if (!all && (!ids || ids.length === 0)) return { updated: 0 }
    const where = all ? { openid: ctx.caller.openid, read: false } : { openid: ctx.caller.openid, _id: _.in(ids), read: false }
    const res = await ctx.db.collection('messages').where(where).update({ data: { read: true, readAt: ctx.clock.now() } })
    const updated = res.stats.updated as number
    if (updated > 0) {
      await audit(ctx, { action: 'messages.markRead', entity: 'messages', entityId: ctx.caller.openid, after: { ids: ids ?? 'all', updated } })
    }
    return { updated }
  },
})

/** How many of the caller's messages are unread: one count() on the by_openid index. */
const unreadCount = action({
  access: 'signed-in',
  input: noInput,
  async run(ctx) {
    const res = await ctx.db.collection('messages').where({ openid: ctx.caller.openid, read: false }).count()
    return { unread: res.total as number }
  },
})

/** In-app inbox (站内消息): every notice written by notify() lands here, pushed or not. */
export const main = createMain(messagesContract, cloud, { list, markRead, unreadCount })
