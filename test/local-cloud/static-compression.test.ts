/**
 * The local server compresses the H5 build's text files (issue 13 item 14): brotli or gzip as the browser accepts,
 * identical bytes once decoded, never for a client that did not ask, never for small or binary files.
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
  emu = await startEmulator({ staticDir })
})

afterAll(async () => {
  await emu?.stop()
  rmSync(staticDir, { recursive: true, force: true })
})

function get(pathname: string, acceptEncoding?: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}${pathname}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
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
