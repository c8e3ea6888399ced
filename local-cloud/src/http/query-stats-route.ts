/**
 * `GET /local/query-stats?call=<id>` — the database statistics of one function call (id from the `x-local-call-id`
 * header), or `?since=<seq>` — of every request after record `seq` (`{ lastSeq }` alone with `?last`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { QueryLog } from '../db/query-log'
import { HttpError, sendJson } from './io'

export function queryStatsRoute(log: QueryLog) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (req.method !== 'GET' || url.pathname !== '/local/query-stats') return false
    if (url.searchParams.has('last')) {
      sendJson(res, 200, { lastSeq: log.lastSeq })
      return true
    }
    const callId = url.searchParams.get('call') ?? undefined
    const sinceText = url.searchParams.get('since')
    const since = sinceText === null ? undefined : Number(sinceText)
    if (since !== undefined && !Number.isInteger(since)) throw new HttpError(400, 'INVALID_PARAM', 'since 必须是整数（记录序号）')
    if (callId === undefined && since === undefined) throw new HttpError(400, 'INVALID_PARAM', '请给出 call=<调用 id> 或 since=<记录序号>')
    sendJson(res, 200, log.list({ callId, since }))
    return true
  }
}
