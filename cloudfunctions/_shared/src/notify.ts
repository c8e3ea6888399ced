import type { FunctionConfig } from './config'
import type { HandlerContext } from './context'
import { sdkErrorText } from './errors'

/**
 * Subscribe-message templates. Template ids are configuration, set per environment in the function's
 * `SUBSCRIBE_TEMPLATES` environment variable as JSON, e.g. `{"claimReceived":"<id>", ...}`. Locally they default to
 * readable placeholders, and the emulator records every send in its outbox.
 */
export type TemplateKey =
  | 'enrolmentReviewed'
  | 'enrolmentPaid'
  | 'coverageStarted'
  | 'unitChangedLate'
  | 'claimReceived'
  | 'claimNeedsMaterials'
  | 'claimDecided'

/** The configured template id (`ctx.config.templates`); only the local emulator falls back to a readable placeholder. */
export function templateId(key: TemplateKey, config: Pick<FunctionConfig, 'templates' | 'local'>): string | null {
  return config.templates[key] || (config.local ? `local-${key}` : null)
}

export interface Notice {
  openid: string
  template: TemplateKey
  /** Inbox title and body, in Chinese. Never put a diagnosis here: only numbers, status and amounts. */
  title: string
  body: string
  /** Mini-program page opened from the message, e.g. `packages/claims/detail/index?id=...`. */
  page: string
  /** Subscribe-message fields (`thing1`, `character_string2`, `amount3`…) as the template defines them. */
  fields: Record<string, string>
  ref?: { entity: string; id: string }
}

/**
 * Tells a user something changed: always an in-app inbox message, and a subscribe message when the user has
 * granted one. A push that WeChat refuses (e.g. errcode 43101, no subscription left) never fails the action that
 * caused it; the inbox entry records the push outcome.
 */
export async function notify(ctx: HandlerContext, notice: Notice): Promise<void> {
  let push: { ok: boolean; errCode?: number; errMsg?: string }
  const template = templateId(notice.template, ctx.config)
  try {
    if (!template) throw new Error(`template ${notice.template} is not configured in SUBSCRIBE_TEMPLATES`)
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: notice.openid,
      templateId: template,
      page: notice.page,
      data: Object.fromEntries(Object.entries(notice.fields).map(([k, v]) => [k, { value: v }])),
      miniprogramState: process.env.MINIPROGRAM_STATE || 'formal',
    })
    push = { ok: true }
  } catch (err) {
    const e = (err ?? {}) as { errCode?: number; errcode?: number }
    push = { ok: false, errCode: e.errCode ?? e.errcode, errMsg: sdkErrorText(err) }
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
