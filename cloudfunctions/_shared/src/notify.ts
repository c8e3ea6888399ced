import { createHash } from 'node:crypto'
import { localTemplateId, type TemplateFields, type TemplateKey } from '@mutual-aid/contracts'
import type { FunctionConfig } from './config'
import type { HandlerContext } from './context'
import { isDuplicateKey, sdkErrorText } from './errors'

export type { TemplateKey } from '@mutual-aid/contracts'

/**
 * A template's id. Ids are configuration, set per environment in the function's `SUBSCRIBE_TEMPLATES` environment
 * variable as JSON (`ctx.config.templates`, e.g. `{"claimReceived":"<id>", ...}`); only the local emulator falls back
 * to the local id the emulator and the H5 app use. (The definitions — keywords, types, page — are in
 * @mutual-aid/contracts `TEMPLATES`.)
 */
export function templateId(key: TemplateKey, config: Pick<FunctionConfig, 'templates' | 'local'>): string | null {
  return config.templates[key] || (config.local ? localTemplateId(key) : null)
}

/** What a notice tells one user: always in the in-app inbox, and as a subscribe message of `template` when granted. */
export interface Notice<K extends TemplateKey = TemplateKey> {
  /**
   * What happened, named so that the same happening always gets the same id (e.g. `claim-…:received`,
   * `claim-…:v5:claimDecided`): a retried or concurrent call that would tell it again finds the message already there
   * and sends nothing. Unique per recipient together with `openid`.
   */
  id: string
  openid: string
  template: K
  /**
   * Inbox title and body, in Chinese. Never put a diagnosis or a reviewer's free text (a return reason, a decision
   * note) here: only numbers, status and amounts, and where in the app to read the rest.
   */
  title: string
  body: string
  /** Mini-program page opened from the message: the template's page, e.g. `packages/claims/detail/index?id=...`. */
  page: string
  /** Every keyword of the template, each a value WeChat accepts for its type (see wxDate, wxAmount, wxThing). */
  fields: TemplateFields<K>
  ref?: { entity: string; id: string }
}

/** The inbox message id of a notice for one recipient: deterministic, so the database refuses a second copy. */
export function messageIdOf(noticeId: string, openid: string): string {
  return `msg-${createHash('sha256').update(`${noticeId}\u0000${openid}`).digest('hex').slice(0, 40)}`
}

/**
 * Tells a user something changed: an in-app inbox message, and a subscribe message when the user has granted one —
 * exactly once per notice id and recipient. The inbox message is written first under its deterministic id: whoever
 * writes it sends the push, and a concurrent or retried call that finds it already there sends nothing (answers
 * false). Its `push` starts `pending` and records the outcome, so a push cut off by a crash stays visible as pending
 * (for a later outbox to resend). A push that WeChat refuses (e.g. errcode 43101, no subscription left) never fails
 * the action that caused it.
 */
export async function notify<K extends TemplateKey>(ctx: HandlerContext, notice: Notice<K>): Promise<boolean> {
  const message = inboxMessage(ctx, notice)
  try {
    await ctx.db.collection('messages').add({ data: message })
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
  const push = await sendPush(ctx, notice)
  // `set` replaces the whole field (a plain object would be merged key by key, keeping `pending`).
  await ctx.db.collection('messages').doc(message._id).update({ data: { push: ctx.db.command.set(push) } })
  return true
}

/**
 * `notify` for many notices at once (a settlement import tells up to a chunk's worth of people): the inbox messages in
 * one insert, the pushes side by side, and their outcomes recorded one update per distinct outcome — three wire
 * requests plus one push each, instead of three requests and a push each. Exactly once per notice id and recipient as
 * `notify`: when some messages are already there (a call done again after a crash), each is inserted on its own and
 * only those this call wrote are pushed. Answers how many this call told.
 */
export async function notifyMany<K extends TemplateKey>(ctx: HandlerContext, notices: Notice<K>[], parallel = 16): Promise<number> {
  const written = await writeInbox(ctx, notices)
  await pushMany(ctx, written, parallel)
  return written.length
}

/**
 * Writes the inbox messages of `notices` (their push `pending`) in one insert; answers the notices whose message this
 * call wrote. When some are already there (a call done again), each is inserted on its own and the others left.
 */
export async function writeInbox<K extends TemplateKey>(ctx: HandlerContext, notices: Notice<K>[]): Promise<Notice<K>[]> {
  const messages = notices.map((n) => inboxMessage(ctx, n))
  try {
    if (messages.length) await ctx.db.collection('messages').add({ data: messages })
    return notices
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const fresh = new Set<string>()
    for (const m of messages) {
      try {
        await ctx.db.collection('messages').add({ data: m })
        fresh.add(m._id)
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
      }
    }
    return notices.filter((_n, i) => fresh.has(messages[i]._id))
  }
}

/**
 * Sends the pushes of notices whose inbox message is written, `parallel` at a time, and records their outcomes on the
 * messages: one update per distinct outcome (and per 500 messages).
 */
export async function pushMany<K extends TemplateKey>(ctx: HandlerContext, notices: Notice<K>[], parallel = 16): Promise<void> {
  const outcomes = new Map<string, { push: PushOutcome; ids: string[] }>()
  let next = 0
  const sender = async () => {
    while (next < notices.length) {
      const notice = notices[next++]
      const push = await sendPush(ctx, notice)
      // A refusal's text names the user (and on WeChat a request id), so grouping by it would write one update per
      // message: the normal "no subscription left" (43101) is recorded by its code alone, one update for all of them.
      const key = push.ok ? 'ok' : push.errCode === NO_SUBSCRIPTION ? String(NO_SUBSCRIPTION) : JSON.stringify(push)
      const recorded = push.errCode === NO_SUBSCRIPTION ? { ok: false, errCode: NO_SUBSCRIPTION, errMsg: 'user refuse to accept the msg (43101: 没有可用的订阅)' } : push
      const group = outcomes.get(key) ?? { push: recorded, ids: [] }
      group.ids.push(messageIdOf(notice.id, notice.openid))
      outcomes.set(key, group)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, notices.length) }, sender))
  const _ = ctx.db.command
  for (const { push, ids } of outcomes.values()) {
    for (let i = 0; i < ids.length; i += 500) {
      await ctx.db.collection('messages').where({ _id: _.in(ids.slice(i, i + 500)) }).update({ data: { push: _.set(push) } })
    }
  }
}

export type PushOutcome = { ok: boolean; errCode?: number; errMsg?: string }

/** WeChat's answer to a send for a user with no one-time subscription left for the template: normal, not a fault. */
const NO_SUBSCRIPTION = 43101

/** A notice's inbox message, its push `pending` until the push's outcome is recorded. */
function inboxMessage<K extends TemplateKey>(ctx: HandlerContext, notice: Notice<K>) {
  return {
    _id: messageIdOf(notice.id, notice.openid),
    noticeId: notice.id,
    openid: notice.openid,
    template: notice.template,
    title: notice.title,
    body: notice.body,
    page: notice.page,
    ref: notice.ref ?? null,
    read: false,
    push: { ok: false, pending: true },
    createdAt: ctx.clock.now(),
  }
}

/**
 * Sends a notice's or a reminder's subscribe message; a refusal is an outcome to record, never a failure of the caller.
 * `source` names the sender in the log line of a refusal that is a fault.
 */
export async function sendPush<K extends TemplateKey>(
  ctx: HandlerContext,
  notice: Pick<Notice<K>, 'openid' | 'template' | 'fields' | 'page'>,
  source: 'notify' | 'remind' = 'notify',
): Promise<PushOutcome> {
  const template = templateId(notice.template, ctx.config)
  try {
    if (!template) throw new Error(`template ${notice.template} is not configured in SUBSCRIBE_TEMPLATES`)
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: notice.openid,
      templateId: template,
      page: notice.page,
      data: Object.fromEntries(Object.entries(notice.fields as Record<string, string>).map(([k, v]) => [k, { value: v }])),
      miniprogramState: process.env.MINIPROGRAM_STATE || 'formal',
    })
    return { ok: true }
  } catch (err) {
    const e = (err ?? {}) as { errCode?: number; errcode?: number }
    const push = { ok: false, errCode: e.errCode ?? e.errcode, errMsg: sdkErrorText(err) }
    // 43101 is a user who has no subscription left: normal (the inbox has the message). Anything else (47003 a bad
    // value, 40037 a wrong template id, -604101 a missing openapi permission) is a fault to fix.
    if (push.errCode !== NO_SUBSCRIPTION) console.error(`[${source}] ${notice.template} to ${notice.openid} refused:`, push.errMsg)
    return push
  }
}
