/**
 * `wx.openApi`: `cloud.openapi.*` calls. The SDK posts multipart form data whose `requestData` is a protobuf
 * CommApiData and expects a protobuf CommOpenApiResp back (wx-server-sdk `callGeneralOpenAPI`).
 *
 * Only `subscribeMessage.send` is emulated, with WeChat's checks in WeChat's order of concern:
 * - the calling function must list it in `config.json` `permissions.openapi` (else -604101, wx-server-sdk's
 *   WX_FUNCTIONS_SERVER_OPENAPI_NO_PERMISSION); a call from outside any function answers -604104 (illegal source);
 * - `touser`, `template_id` and `data` are required (47003); an unknown template id answers 40037; a `page` other
 *   than the template's answers 41030 (page not in the released mini-program);
 * - every keyword of the template must be filled, each value valid for its type (47003 naming the field), and no
 *   unknown keyword may be sent (WeChat would drop it silently — refused here so a typo is seen);
 * - the user must hold a one-time subscription for the template (43101); a successful send spends it.
 * Accepted messages are recorded in the outbox.
 */
import type { FunctionRunner } from '../functions/function-runner'
import type { Outbox } from '../outbox'
import { keywordProblem } from '../wechat/keyword-rules'
import type { Subscriptions } from '../wechat/subscriptions'
import type { TemplateRegistry } from '../wechat/templates'
import { invalidParam } from '../wire-error'
import { decodeOpenApiPairs, encodeOpenApiResponse } from './protobuf'
import type { WireHandler, WireReply } from './types'

/** WeChat's answers (subscribeMessage.send error codes). */
export const WX = {
  ARGUMENT_INVALID: 47003,
  INVALID_TEMPLATE_ID: 40037,
  INVALID_PAGE: 41030,
  USER_REFUSED: 43101,
  NO_PERMISSION: -604101,
  ILLEGAL_SOURCE: -604104,
} as const

const SEND = 'subscribeMessage.send'
const STATES = new Set(['developer', 'trial', 'formal'])

export interface OpenApiDeps {
  outbox: Outbox
  runner: FunctionRunner
  templates: TemplateRegistry
  subscriptions: Subscriptions
}

export function openApiActions({ outbox, runner, templates, subscriptions }: OpenApiDeps): Record<string, WireHandler> {
  return {
    'wx.openApi': async (params, caller) => {
      const apiName = String(params.apiName ?? '')
      const requestData = params.requestData
      if (!Buffer.isBuffer(requestData)) throw invalidParam('requestData 缺失')
      const args = decodeOpenApiPairs(requestData)
      if (apiName !== SEND) {
        return reply({ errcode: -604100, errmsg: `本地模拟器不支持 openapi.${apiName}（只支持 ${SEND}）` })
      }
      const fn = runner.functionOf(caller.callId)
      if (!fn) return reply({ errcode: WX.ILLEGAL_SOURCE, errmsg: 'illegal invocation source: openapi 只能在云函数中调用' })
      if (!fn.config.openapi.includes(SEND)) {
        return reply({
          errcode: WX.NO_PERMISSION,
          errmsg: `function has no permission to call this API: 云函数 ${fn.name} 的 config.json 未声明 permissions.openapi: ["${SEND}"]`,
        })
      }

      const touser = args.touser
      const templateId = args.templateId ?? args.template_id
      const data = args.data
      if (typeof touser !== 'string' || touser === '') return invalid('touser is required')
      if (typeof templateId !== 'string' || templateId === '') return invalid('template_id is required')
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return invalid('data is required')
      const state = args.miniprogramState ?? args.miniprogram_state
      if (state !== undefined && !STATES.has(String(state))) return invalid(`miniprogram_state must be developer, trial or formal`)

      const template = templates.get(templateId)
      if (!template) return reply({ errcode: WX.INVALID_TEMPLATE_ID, errmsg: `invalid template_id: ${templateId}` })
      const page = typeof args.page === 'string' ? args.page : null
      if (page !== null && page.split('?')[0] !== template.page) {
        return reply({ errcode: WX.INVALID_PAGE, errmsg: `invalid page: ${page}（模板 ${template.key} 打开 ${template.page}）` })
      }
      const values = data as Record<string, unknown>
      for (const [keyword, type] of Object.entries(template.keywords)) {
        const entry = values[keyword] as { value?: unknown } | undefined
        const problem = entry && typeof entry === 'object' ? keywordProblem(type, entry.value) : '缺少该字段'
        if (problem) return invalid(`data.${keyword}.value invalid: ${problem}（值：${JSON.stringify(entry?.value ?? null)}）`)
      }
      for (const keyword of Object.keys(values)) {
        if (!(keyword in template.keywords)) return invalid(`data.${keyword} is not a keyword of template ${template.key}`)
      }

      if (!(await subscriptions.consume(touser, templateId))) {
        return reply({ errcode: WX.USER_REFUSED, errmsg: `user refuse to accept the msg: ${touser} 没有可用的 ${template.key} 订阅（需在点击时调用 requestSubscribeMessage 并允许）` })
      }
      await outbox.record({
        api: apiName,
        touser,
        templateId,
        page,
        data,
        miniprogramState: stringOrNull(state),
        lang: stringOrNull(args.lang),
        sentBy: runner.identityOf(caller.callId)?.openid ?? null,
      })
      return reply({ errcode: 0, errmsg: 'openapi.subscribeMessage.send:ok' })
    },
  }
}

function invalid(detail: string): WireReply {
  return reply({ errcode: WX.ARGUMENT_INVALID, errmsg: `argument invalid! ${detail}` })
}

function reply(body: { errcode: number; errmsg: string }): WireReply {
  return { binary: encodeOpenApiResponse(body), contentType: 'application/octet-stream' }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}
