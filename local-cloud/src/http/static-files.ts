/** Serves the H5 build: files by path; other page paths fall back to index.html (single-page app). */
import { promises as fsp } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { contentTypeOf } from './content-types'
import { compressedBody, compressible, pickEncoding } from './compress'

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
    const raw = await fsp.readFile(file)
    const contentType = contentTypeOf(file)
    const encoding = compressible(contentType, raw.length) ? pickEncoding(req.headers['accept-encoding']) : null
    const body = encoding ? compressedBody(`${file}:${stat.size}:${stat.mtimeMs}`, raw, encoding) : raw
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': body.length,
      ...(encoding ? { 'content-encoding': encoding } : {}),
      // The answer depends on Accept-Encoding: a shared cache must not hand a brotli body to a client without it.
      vary: 'accept-encoding',
      // Over loopback caching buys nothing, and a cached asset would hide a rebuild.
      'cache-control': 'no-cache',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
