/**
 * `POST /admin`: the wx-server-sdk wire protocol. Dispatches on `action`; answers `{ requestId, ... }` with
 * HTTP 200, errors as `{ code, message, requestId }` (the SDK throws them), and an unknown action as an
 * error naming it — never a silent success.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readJson, readMultipart, sendJson } from '../http/io'
import { WireError } from '../wire-error'
import type { Admission, WireGate, WireHandler, WireParams } from './types'

/** Largest accepted wire request (a batch insert of big documents), in bytes. */
const MAX_WIRE_BYTES = 50 * 1024 * 1024

export function adminEndpoint(handlers: Record<string, WireHandler>, isKnownCall: (callId: string) => boolean, gate?: WireGate) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID()
    let action = ''
    let admission: Admission | undefined
    try {
      const params = await readParams(req)
      action = typeof params.action === 'string' ? params.action : ''
      const handler = Object.prototype.hasOwnProperty.call(handlers, action) ? handlers[action] : undefined
      if (!handler) {
        throw new WireError('INVALID_ACTION', `本地 CloudBase 模拟器不支持该操作（action）：${action || '(空)'}`)
      }
      const token = typeof params.wxCloudApiToken === 'string' ? params.wxCloudApiToken : ''
      const callId = token && isKnownCall(token) ? token : undefined
      // The raw token too: a call that was just stopped is no longer known, yet its last requests may still arrive.
      admission = gate?.admit(action, params, callId, token)
      if (admission && !admission.run) {
        res.destroy()
        return
      }
      let reply
      try {
        reply = await handler(params, { callId })
      } finally {
        admission?.after?.()
      }
      if (admission && !admission.answer) {
        res.destroy()
        return
      }
      if ('binary' in reply) {
        res.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.binary.length })
        res.end(reply.binary)
      } else {
        sendJson(res, 200, { requestId, ...reply.json })
      }
    } catch (error) {
      if (admission && !admission.answer) {
        res.destroy()
        return
      }
      if (error instanceof WireError) {
        sendJson(res, 200, { code: error.code, message: error.message, requestId })
        return
      }
      console.error(`[local-cloud] ${action || 'wire request'} failed:`, error)
      const code = action.startsWith('database.') ? 'DATABASE_REQUEST_FAILED' : 'SYS_ERR'
      sendJson(res, 200, { code, message: (error as Error).message ?? String(error), requestId })
    }
  }
}

async function readParams(req: IncomingMessage): Promise<WireParams> {
  const type = req.headers['content-type'] ?? ''
  if (type.startsWith('multipart/form-data')) {
    const form = await readMultipart(req, MAX_WIRE_BYTES, 10)
    const params: WireParams = { ...form.fields }
    for (const file of form.files) params[file.field] = file.data
    return params
  }
  const body = await readJson(req, MAX_WIRE_BYTES)
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new WireError('INVALID_PARAM', '请求内容必须是 JSON 对象')
  return body as WireParams
}
