import { localTemplateId, type TemplateFields, type TemplateKey } from '@mutual-aid/contracts'
import type { FunctionConfig } from './config'
import type { HandlerContext } from './context'
import { sdkErrorText } from './errors'

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
  openid: string
  template: K
  /** Inbox title and body, in Chinese. Never put a diagnosis here: only numbers, status and amounts. */
  title: string
  body: string
  /** Mini-program page opened from the message: the template's page, e.g. `packages/claims/detail/index?id=...`. */
  page: string
  /** Every keyword of the template, each a value WeChat accepts for its type (see wxDate, wxAmount, wxThing). */
  fields: TemplateFields<K>
  ref?: { entity: string; id: string }
}

/**
 * Tells a user something changed: always an in-app inbox message, and a subscribe message when the user has
 * granted one. A push that WeChat refuses (e.g. errcode 43101, no subscription left) never fails the action that
 * caused it; the inbox entry records the push outcome.
 */
export async function notify<K extends TemplateKey>(ctx: HandlerContext, notice: Notice<K>): Promise<void> {
  let push: { ok: boolean; errCode?: number; errMsg?: string }
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
    push = { ok: true }
  } catch (err) {
    const e = (err ?? {}) as { errCode?: number; errcode?: number }
    push = { ok: false, errCode: e.errCode ?? e.errcode, errMsg: sdkErrorText(err) }
    // 43101 is a user who has no subscription left: normal. Anything else (47003 a bad value, 40037 a wrong template
    // id, -604101 a missing openapi permission) is a fault to fix.
    if (push.errCode !== 43101) console.error(`[notify] ${notice.template} to ${notice.openid} refused:`, push.errMsg)
  }
  await ctx.db.collection('messages').add({
    data: {
      openid: notice.openid,
      template: notice.template,
      title: notice.title,
      body: notice.body,
      page: notice.page,
      ref: notice.ref ?? null,
      read: false,
      push,
      createdAt: ctx.clock.now(),
    },
  })
}
