/**
 * The browser-facing surface (`/fn`, `/local/*`): sign-in, function calls, uploads, file links, the outbox
 * and demo identities. Same origin as the H5 build, so no CORS (except on signed file links).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Database } from '../db/database'
import { LOCAL_APPID, type FunctionRunner, type Identity } from '../functions/function-runner'
import type { Outbox } from '../outbox'
import { OPENID_PATTERN, type Signer } from '../signing'
import type { FileLinks } from '../storage/file-links'
import { isValidCloudPath, type FileStore } from '../storage/file-store'
import type { CompiledStorageRule, RuleContext } from '../storage/security-rule'
import { checkUpload, MAX_UPLOAD_BYTES } from '../storage/upload-policy'
import { MAX_FILES_PER_CALL } from '../wire/storage-actions'
import type { Subscriptions } from '../wechat/subscriptions'
import type { TemplateRegistry } from '../wechat/templates'
import { withCallScope } from './call-scope'
import { contentTypeOf } from './content-types'
import { HttpError, readBody, readJson, readMultipart, sendJson } from './io'

export const IDENTITIES_COLLECTION = '_local_identities'
/** WeChat shows at most 3 templates in one wx.requestSubscribeMessage. */
const MAX_TEMPLATES_PER_REQUEST = 3
/** Largest function event accepted over HTTP, in bytes (CloudBase's callFunction limit is 6 MB). */
const MAX_EVENT_BYTES = 6 * 1024 * 1024

export interface LocalDeps {
  db: Database
  signer: Signer
  runner: FunctionRunner
  files: FileStore
  links: FileLinks
  outbox: Outbox
  templates: TemplateRegistry
  subscriptions: Subscriptions
  /** The storage security rule client uploads and downloads are checked against. */
  storageRule: CompiledStorageRule
}


const subscribeRequest = z.object({ tmplIds: z.array(z.string().min(1).max(128)) })
const tempUrlRequest = z.object({
  fileList: z.array(z.union([z.string(), z.object({ fileID: z.string(), maxAge: z.number().int().positive().optional() })])),
})

const sessionRequest = z.object({ openid: z.string().regex(OPENID_PATTERN, 'openid 格式无效（6-64 位字母、数字、_ 或 -）') })
const invokeRequest = z.object({
  name: z.string().min(1),
  event: z.unknown().optional(),
  identity: z.object({ openid: z.string().regex(OPENID_PATTERN), appid: z.string().optional(), unionid: z.string().optional() }),
})

export function localRoutes(deps: LocalDeps) {
  const { db, signer, runner, files, links, outbox, templates, subscriptions, storageRule } = deps

  /** The rule's view of a client: a WeChat user signed in with `openid`. */
  const ruleContext = (openid: string, cloudPath: string, owner: string | null): RuleContext => ({
    auth: { openid, loginType: 'WECHAT-OPEN' },
    resource: { openid: owner, path: cloudPath },
  })

  function openidFrom(req: IncomingMessage): string {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const openid = match ? signer.openidOf(match[1]) : null
    if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', '登录已失效，请重新登录')
    return openid
  }

  async function answerInvoke(res: ServerResponse, name: string, event: unknown, identity: Identity): Promise<void> {
    const { result, callId } = await withCallScope(() => runner.invoke(name, withUserInfo(event ?? {}, identity), identity))
    // Tests read what the call did to the database with this id (GET /local/query-stats?call=…).
    if (callId) res.setHeader('x-local-call-id', callId)
    if (result.ok) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(result.json) })
      res.end(result.json)
    } else {
      // Envelopes are answered with 200 like any function result; only transport problems use other statuses.
      sendJson(res, 200, { ok: false, code: result.code, message: result.message })
    }
  }

  /** Answers the request if it is one of ours; false otherwise. */
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const { pathname } = url
    const method = req.method ?? 'GET'

    if (method === 'POST' && pathname.startsWith('/fn/')) {
      const openid = openidFrom(req)
      const name = decodeURIComponent(pathname.slice('/fn/'.length))
      const event = await readJson(req, MAX_EVENT_BYTES)
      await answerInvoke(res, name, event, { openid })
      return true
    }

    if (method === 'POST' && pathname === '/local/session') {
      const parsed = sessionRequest.safeParse(await readJson(req, 64 * 1024))
      if (!parsed.success) throw new HttpError(400, 'INVALID_PARAM', parsed.error.issues[0]?.message ?? 'openid 无效')
      sendJson(res, 200, { token: signer.issueToken(parsed.data.openid) })
      return true
    }

    if (method === 'POST' && pathname === '/local/invoke') {
      // Local tooling and tests: call a function as any identity, including APPID/UNIONID.
      const parsed = invokeRequest.safeParse(await readJson(req, MAX_EVENT_BYTES))
      if (!parsed.success) throw new HttpError(400, 'INVALID_PARAM', `请求无效：${parsed.error.issues[0]?.message ?? ''}`)
      await answerInvoke(res, parsed.data.name, parsed.data.event, parsed.data.identity)
      return true
    }

    if (method === 'GET' && pathname === '/local/identities') {
      const list = db.exists(IDENTITIES_COLLECTION) ? db.list(IDENTITIES_COLLECTION) : []
      sendJson(res, 200, list)
      return true
    }

    if (method === 'GET' && pathname === '/local/outbox') {
      const touser = url.searchParams.get('touser') ?? undefined
      sendJson(res, 200, outbox.list(touser))
      return true
    }

    if (method === 'GET' && pathname === '/local/health') {
      sendJson(res, 200, { ok: true })
      return true
    }

    if (method === 'POST' && pathname === '/local/upload') {
      const openid = openidFrom(req)
      const form = await readMultipart(req, MAX_UPLOAD_BYTES, 1)
      const file = form.files.find((f) => f.field === 'file')
      const cloudPath = form.fields.cloudPath ?? ''
      if (!file) throw new HttpError(400, 'INVALID_PARAM', '请选择要上传的文件')
      if (file.truncated) throw new HttpError(413, 'FILE_TOO_LARGE', '文件超过 10 MB，请压缩后再上传')
      if (!isValidCloudPath(cloudPath)) throw new HttpError(400, 'INVALID_PARAM', '文件保存路径（cloudPath）无效')
      // A new file belongs to its uploader; an existing one to whoever created it (CloudBase's resource.openid).
      const existing = files.info(cloudPath)
      if (!storageRule.allows('write', ruleContext(openid, cloudPath, existing ? existing.uploaderOpenid : openid))) {
        throw new HttpError(
          403,
          'STORAGE_EXCEED_AUTHORITY',
          existing ? '该文件已由他人上传，不能覆盖。请换一个文件名重新上传。' : '没有上传文件的权限（云存储安全规则不允许），请联系管理员。',
        )
      }
      const check = checkUpload(cloudPath, file.data)
      if (!check.ok) throw new HttpError(400, 'UNSUPPORTED_FILE', check.message)
      const stored = await files.save(cloudPath, file.data, check.contentType, openid)
      sendJson(res, 200, { fileID: stored.fileID })
      return true
    }

    if (method === 'POST' && pathname === '/local/temp-file-urls') {
      // The client's own wx.cloud.getTempFileURL: each file is checked against the storage rule's `read`.
      const openid = openidFrom(req)
      const parsed = tempUrlRequest.safeParse(await readJson(req, 256 * 1024))
      if (!parsed.success) throw new HttpError(400, 'INVALID_PARAM', 'fileList 必须是文件 ID 数组')
      if (parsed.data.fileList.length === 0 || parsed.data.fileList.length > MAX_FILES_PER_CALL) {
        throw new HttpError(400, 'INVALID_PARAM', `一次最多换取 ${MAX_FILES_PER_CALL} 个文件的临时链接（本次 ${parsed.data.fileList.length} 个）`)
      }
      const fileList = parsed.data.fileList.map((entry) => {
        const fileID = typeof entry === 'string' ? entry : entry.fileID
        const maxAge = typeof entry === 'string' ? 600 : entry.maxAge ?? 600
        const cloudPath = files.cloudPathOf(fileID)
        const info = cloudPath ? files.info(cloudPath) : null
        if (!cloudPath || !info) return { fileID, status: -503003, errMsg: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }
        if (!storageRule.allows('read', ruleContext(openid, cloudPath, info.uploaderOpenid))) {
          return { fileID, status: -503002, errMsg: 'STORAGE_EXCEED_AUTHORITY 没有读取该文件的权限（云存储安全规则）', tempFileURL: '' }
        }
        return { fileID, status: 0, errMsg: 'ok', tempFileURL: links.tempUrl(cloudPath, Math.min(maxAge, 86_400)) }
      })
      sendJson(res, 200, { fileList })
      return true
    }

    if (method === 'POST' && pathname === '/local/subscribe') {
      // What tapping 允许 in wx.requestSubscribeMessage does: one more send of each template to this user.
      const openid = openidFrom(req)
      const parsed = subscribeRequest.safeParse(await readJson(req, 64 * 1024))
      if (!parsed.success || parsed.data.tmplIds.length === 0) {
        sendJson(res, 400, { errCode: 10001, errMsg: 'requestSubscribeMessage:fail 参数传空了（tmplIds）' })
        return true
      }
      const ids = [...new Set(parsed.data.tmplIds)]
      if (ids.length > MAX_TEMPLATES_PER_REQUEST) {
        sendJson(res, 400, { errCode: 20003, errMsg: `requestSubscribeMessage:fail 一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 个模板` })
        return true
      }
      const unknown = ids.filter((id) => !templates.get(id))
      if (unknown.length > 0) {
        sendJson(res, 400, { errCode: 20001, errMsg: `requestSubscribeMessage:fail 没有模板数据：${unknown.join(', ')}` })
        return true
      }
      await subscriptions.grant(openid, ids)
      sendJson(res, 200, { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(ids.map((id) => [id, 'accept'])) })
      return true
    }

    if ((method === 'GET' || method === 'HEAD') && pathname.startsWith('/local/files/')) {
      const cloudPath = decodePath(pathname.slice('/local/files/'.length))
      if (!links.checkTempUrl(cloudPath, url.searchParams.get('expires'), url.searchParams.get('sign'))) {
        throw new HttpError(403, 'LINK_EXPIRED', '文件链接无效或已过期，请刷新页面后重试')
      }
      const info = files.info(cloudPath)
      const body = info ? await files.read(cloudPath) : null
      if (!info || !body) throw new HttpError(404, 'STORAGE_FILE_NONEXIST', '文件不存在或已被删除')
      res.writeHead(200, {
        'content-type': info.contentType,
        'content-length': body.length,
        'cache-control': 'private, max-age=300',
        // A signed link is a capability (like a COS temp URL): let a page on localhost fetch a 127.0.0.1 link.
        'access-control-allow-origin': '*',
      })
      res.end(method === 'HEAD' ? undefined : body)
      return true
    }

    if (method === 'PUT' && pathname.startsWith('/local/cos/')) {
      // The SDK's uploadFile body, sent to the URL from storage.getUploadMetadata.
      const cloudPath = decodePath(pathname.slice('/local/cos/'.length))
      const uploader = url.searchParams.get('uploader') ?? ''
      if (!links.checkUploadUrl(cloudPath, url.searchParams.get('expires'), uploader, url.searchParams.get('sign'))) {
        res.writeHead(403, { 'content-type': 'application/xml' })
        res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>upload link invalid or expired</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>')
        return true
      }
      const body = await readBody(req, 200 * 1024 * 1024)
      const contentType = contentTypeOf(cloudPath)
      await files.save(cloudPath, body, contentType, uploader || null)
      res.writeHead(200, { 'content-length': 0 })
      res.end()
      return true
    }

    return false
  }
}

/**
 * CloudBase adds `userInfo: { appId, openId }` to the event of a call from the mini-program; functions must
 * tolerate it (and must not trust it: identity comes from getWXContext()).
 */
export function withUserInfo(event: unknown, identity: Identity): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return event
  return { ...event, userInfo: { appId: identity.appid ?? LOCAL_APPID, openId: identity.openid } }
}

function decodePath(encoded: string): string {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/')
  } catch {
    throw new HttpError(400, 'INVALID_PARAM', '文件路径无效')
  }
}
