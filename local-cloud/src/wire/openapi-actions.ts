/**
 * `wx.openApi`: `cloud.openapi.*` calls. The SDK posts multipart form data whose `requestData` is a protobuf
 * CommApiData and expects a protobuf CommOpenApiResp back (wx-server-sdk `callGeneralOpenAPI`).
 * Only `subscribeMessage.send` is emulated; it is recorded in the outbox.
 */
import type { FunctionRunner } from '../functions/function-runner'
import type { Outbox } from '../outbox'
import { invalidParam } from '../wire-error'
import { decodeOpenApiPairs, encodeOpenApiResponse } from './protobuf'
import type { WireHandler, WireReply } from './types'

/** WeChat's "argument invalid" error code. */
const ARGUMENT_INVALID = 47003

export function openApiActions(outbox: Outbox, runner: FunctionRunner): Record<string, WireHandler> {
  return {
    'wx.openApi': async (params, caller) => {
      const apiName = String(params.apiName ?? '')
      const requestData = params.requestData
      if (!Buffer.isBuffer(requestData)) throw invalidParam('requestData 缺失')
      const args = decodeOpenApiPairs(requestData)
      if (apiName !== 'subscribeMessage.send') {
        return reply({ errcode: -1, errmsg: `本地模拟器不支持 openapi.${apiName}（只支持 subscribeMessage.send）` })
      }
      const touser = args.touser
      const templateId = args.templateId ?? args.template_id
      const data = args.data
      if (typeof touser !== 'string' || touser === '') return reply({ errcode: ARGUMENT_INVALID, errmsg: 'argument invalid! touser is required' })
      if (typeof templateId !== 'string' || templateId === '') return reply({ errcode: ARGUMENT_INVALID, errmsg: 'argument invalid! templateId is required' })
      if (data === null || typeof data !== 'object') return reply({ errcode: ARGUMENT_INVALID, errmsg: 'argument invalid! data is required' })
      await outbox.record({
        api: apiName,
        touser,
        templateId,
        page: typeof args.page === 'string' ? args.page : null,
        data,
        miniprogramState: stringOrNull(args.miniprogramState ?? args.miniprogram_state),
        lang: stringOrNull(args.lang),
        sentBy: runner.identityOf(caller.callId)?.openid ?? null,
      })
      return reply({ errcode: 0, errmsg: 'openapi.subscribeMessage.send:ok' })
    },
  }
}

function reply(body: { errcode: number; errmsg: string }): WireReply {
  return { binary: encodeOpenApiResponse(body), contentType: 'application/octet-stream' }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}
