/**
 * The local server compresses the H5 build's text files (issue 13 item 14): brotli or gzip as the browser accepts,
 * identical bytes once decoded, never for a client that did not ask, never for small or binary files. It lets the
 * browser keep content-named files (`app.1a2b3c4d.js`) for good and revalidates everything else (304 when unchanged).
 */
import { request } from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startEmulator, type Emulator } from '../helpers/emulator'

let emu: Emulator
let staticDir: string
const script = Buffer.from(Array.from({ length: 4000 }, (_, i) => `export const v${i} = ${i} // 职工医疗互助\n`).join(''))
const png = Buffer.alloc(4096, 7)

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'emu-static-gz-'))
  mkdirSync(path.join(staticDir, 'js'))
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>职工医疗互助</title>')
  writeFileSync(path.join(staticDir, 'js', 'app.js'), script)
  writeFileSync(path.join(staticDir, 'logo.png'), png)
  writeFileSync(path.join(staticDir, 'js', 'app.1a2b3c4d.js'), script)
  emu = await startEmulator({ staticDir })
})

afterAll(async () => {
  await emu?.stop()
  rmSync(staticDir, { recursive: true, force: true })
})

function get(
  pathname: string,
  acceptEncoding?: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...extraHeaders }
    const req = request(`${emu.url}${pathname}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const decode = (encoding: unknown, body: Buffer) => (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body)

describe('static file compression', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    [undefined, undefined],
  ])('Accept-Encoding %s → %s', async (accept, expected) => {
    const res = await get('/js/app.js', accept)
    expect(res.headers['content-encoding']).toBe(expected)
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(decode(expected, res.body).equals(script)).toBe(true)
    if (expected) expect(res.body.length).toBeLessThan(script.length / 4)
  })

  it('leaves small files and images as they are', async () => {
    expect((await get('/index.html', 'br, gzip')).headers['content-encoding']).toBeUndefined()
    const image = await get('/logo.png', 'br, gzip')
    expect(image.headers['content-encoding']).toBeUndefined()
    expect(image.body.equals(png)).toBe(true)
  })

  it('serves a rebuilt file, not the cached compression of the old one', async () => {
    const rebuilt = Buffer.concat([script, Buffer.from('export const rebuilt = true\n')])
    writeFileSync(path.join(staticDir, 'js', 'app.js'), rebuilt)
    const res = await get('/js/app.js', 'br')
    expect(brotliDecompressSync(res.body).equals(rebuilt)).toBe(true)
  })
})

describe('static file caching', () => {
  it('lets the browser keep a content-named file for a year without asking again', async () => {
    const res = await get('/js/app.1a2b3c4d.js', 'br')
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true)
  })

  it.each(['/index.html', '/', '/pages/home/index', '/js/app.js'])('revalidates %s on every load', async (pathname) => {
    const first = await get(pathname, 'br')
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe('no-cache')
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^W\/".+"$/)
    const again = await get(pathname, 'br', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.etag).toBe(etag)
  })

  it('answers a changed file in full, with a new etag', async () => {
    const before = await get('/index.html')
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>职工医疗互助 · 新版本</title>')
    const after = await get('/index.html', undefined, { 'if-none-match': String(before.headers.etag) })
    expect(after.status).toBe(200)
    expect(after.body.toString()).toContain('新版本')
    expect(after.headers.etag).not.toBe(before.headers.etag)
  })
})
