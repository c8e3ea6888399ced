/** Serves the H5 build: files by path; other page paths fall back to index.html (single-page app). */
import { promises as fsp } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { contentTypeOf } from './content-types'
import { compressedBody, compressible, pickEncoding } from './compress'

/**
 * Webpack names the build's scripts, styles and media by their content (`js/app.1a2b3c4d.js`, config/index.ts): the
 * bytes behind such a name never change, so a browser keeps them a year without asking again. Everything else
 * (index.html, which names the current files) is revalidated on every load, answered 304 when unchanged.
 */
const CONTENT_HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Names this version of a file (size and modification time): a rebuild changes it. */
function etagOf(stat: { size: number; mtimeMs: number }): string {
  return `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === etag.slice(2)
  })
}

export function staticFiles(rootDir: string) {
  const root = path.resolve(rootDir)
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      decoded = '/'
    }
    let file = path.resolve(root, `.${decoded}`)
    if (file !== root && !file.startsWith(root + path.sep)) file = root
    let stat = await fsp.stat(file).catch(() => null)
    if (stat?.isDirectory()) {
      file = path.join(file, 'index.html')
      stat = await fsp.stat(file).catch(() => null)
    }
    // A missing asset (a path with an extension) is a 404; any other path is a page of the app.
    const isAsset = path.extname(decoded) !== ''
    if (!stat?.isFile() && !isAsset) {
      file = path.join(root, 'index.html')
      stat = await fsp.stat(file).catch(() => null)
    }
    if (!stat?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(isAsset ? `未找到文件：${decoded}` : '未找到页面（H5 尚未构建？请运行 npm run build:h5）')
      return
    }
    const etag = etagOf(stat)
    const caching = {
      // The answer depends on Accept-Encoding: a shared cache must not hand a brotli body to a client without it.
      vary: 'accept-encoding',
      'cache-control': isAsset && CONTENT_HASHED.test(file) ? IMMUTABLE : 'no-cache',
      etag,
    }
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.writeHead(304, caching)
      res.end()
      return
    }
    const raw = await fsp.readFile(file)
    const contentType = contentTypeOf(file)
    const encoding = compressible(contentType, raw.length) ? pickEncoding(req.headers['accept-encoding']) : null
    const body = encoding ? await compressedBody(`${file}:${stat.size}:${stat.mtimeMs}`, raw, encoding) : raw
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': body.length,
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...caching,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
