/** The `messages` function: the caller's in-app inbox (every notice lands here, pushed or not). */
import { z } from 'zod'
import { cursorPageOf, instantSchema, noInput, pageRequestSchema } from './common'
import { idSchema } from './field-bounds'
import { defineFunction } from './action'

/** The inbox newest first, one page at a time. */
export const messageListInput = pageRequestSchema
export const markReadInput = z.object({ ids: z.array(idSchema).max(100).optional(), all: z.boolean().optional() })

export const messageViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  page: z.string(),
  ref: z.object({ entity: z.string(), id: z.string() }).nullable(),
  read: z.boolean(),
  createdAt: instantSchema,
})
export type MessageView = z.infer<typeof messageViewSchema>

export const messagesContract = defineFunction('messages', {
  list: { input: messageListInput, output: cursorPageOf(messageViewSchema).extend({ unread: z.number().int() }) },
  markRead: { input: markReadInput, output: z.object({ updated: z.number().int() }) },
  /** The home page's 消息 badge: a count only (the by_openid index), no message bodies. */
  unreadCount: { input: noInput, output: z.object({ unread: z.number().int().min(0) }) },
})
