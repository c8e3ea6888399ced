/**
 * Compression of the H5 build's text files (issue 13 item 14: on a slow phone network the first load sent 789 KB
 * uncompressed). Brotli when the browser accepts it, else gzip — what a CDN in front of the real static hosting does.
 * Compressed bodies are cached per file version (path, size, mtime), so a file is compressed once per build; the
 * compression runs on zlib's thread pool, so a first request for a large script does not stall function calls.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

export type Encoding = 'br' | 'gzip'

/** Below this a compressed body plus its header saves nothing worth the CPU (bytes). */
const MIN_BYTES = 1024
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm|manifest\+json)|image\/svg\+xml)/

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** The encoding to answer with for an Accept-Encoding header, or null (identity). Honours `q=0`. */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding ?? ''
  const accepted = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean)
    accepted.set(name, q ? Number(q[1]) : 1)
  }
  const ok = (name: string) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0
  if (ok('br')) return 'br'
  if (ok('gzip')) return 'gzip'
  return null
}

export function compressible(contentType: string, bytes: number): boolean {
  return bytes >= MIN_BYTES && COMPRESSIBLE.test(contentType)
}

// Promises, so requests that arrive while a file is being compressed wait for that one compression.
const cache = new Map<string, Promise<Buffer>>()

/** The body compressed with `encoding`, from the cache when this version of the file was compressed before. */
export function compressedBody(key: string, body: Buffer, encoding: Encoding): Promise<Buffer> {
  const cacheKey = `${encoding}:${key}`
  const hit = cache.get(cacheKey)
  if (hit) return hit
  const out =
    encoding === 'br'
      ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipAsync(body, { level: 9 })
  // A rebuild changes size or mtime, so stale entries are never served; cap the cache so a dev loop cannot grow it.
  if (cache.size > 500) cache.clear()
  cache.set(cacheKey, out)
  out.catch(() => cache.delete(cacheKey))
  return out
}
