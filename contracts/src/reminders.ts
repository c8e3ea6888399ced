/**
 * The `reminders` function (issue 14): one timer trigger dispatches every due reminder (WeChat allows one trigger per
 * function) — reviewers about claims nearing or past the 第十九条 due date, workers about unsubmitted drafts nearing
 * the claim deadline (第十八条 / the TZ cutoff), clerks about enrolment windows opening and closing (第十二条's grace,
 * TZ windows) and new hires nearing the 第十三条 limit. Each reminder is told once; the office can read what was sent.
 */
import { z } from 'zod'
import { instantSchema } from './common'
import { defineFunction } from './action'

export const reminderKindSchema = z.enum(['claim_level', 'review_due', 'review_overdue', 'draft_deadline', 'window_open', 'window_closing', 'new_hire'])
export type ReminderKind = z.infer<typeof reminderKindSchema>

export const REMINDER_KIND_LABEL: Record<ReminderKind, string> = {
  claim_level: '申请待审核',
  review_due: '审核即将到期',
  review_overdue: '审核已超期',
  draft_deadline: '申请期限将至',
  window_open: '参保申报开始',
  window_closing: '参保申报即将截止',
  new_hire: '新职工参加期限将至',
}

export const reminderViewSchema = z.object({
  id: z.string(),
  kind: reminderKindSchema,
  title: z.string(),
  body: z.string(),
  createdAt: instantSchema,
  /** `sent`: in the inbox, push done or refused; `sending`: in the inbox, push under way or cut off (never repeated). */
  state: z.enum(['sending', 'sent']),
  pushed: z.boolean(),
})
export type ReminderView = z.infer<typeof reminderViewSchema>

export const remindersRecentInput = z.object({ limit: z.number().int().min(1).max(100).default(30) })

export const remindersContract = defineFunction('reminders', {
  recent: {
    input: remindersRecentInput,
    output: z.object({
      items: z.array(reminderViewSchema),
      /** The last tick of the dispatch timer: when, how many reminders it sent, and whether every task got to its end. */
      lastTick: z.object({ at: instantSchema, sent: z.number().int(), complete: z.boolean() }).nullable(),
    }),
  },
})
