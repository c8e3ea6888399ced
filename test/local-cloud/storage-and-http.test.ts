/** Contract: storage through the SDK, the browser surface (/fn, /local/*), static serving, wire errors. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { FIXTURE_TEMPLATE_ENV } from './fixtures/templates'
import { connectSdk } from './sdk'

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')
const TEMPLATES_FILE = path.join(__dirname, 'fixtures', 'templates.ts')
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1')

let emu: Emulator
let cloud: any
let staticDir: string

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'emu-static-'))
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>职工医疗互助</title>')
  mkdirSync(path.join(staticDir, 'js'))
  writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)')
  emu = await startEmulator({ functionsDir: FIXTURES, staticDir, templatesFile: TEMPLATES_FILE, env: FIXTURE_TEMPLATE_ENV })
  cloud = connectSdk(emu)
})
afterAll(async () => emu?.stop())

describe('storage via the SDK', () => {
  test('upload, temp URL fetch, download, delete', async () => {
    const up = await cloud.uploadFile({ cloudPath: 'docs/年报 2024.pdf', fileContent: PDF })
    expect(up.fileID).toBe('cloud://local-dev.6c6f-local-dev-1300000000/docs/年报 2024.pdf')

    const links = await cloud.getTempFileURL({ fileList: [up.fileID, { fileID: 'cloud://local-dev.x/none.pdf', maxAge: 60 }] })
    expect(links.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
    expect(links.fileList[1].status).not.toBe(0)
    const res = await fetch(encodeURI(links.fileList[0].tempFileURL))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF)

    const down = await cloud.downloadFile({ fileID: up.fileID })
    expect(Buffer.from(down.fileContent)).toEqual(PDF)

    const del = await cloud.deleteFile({ fileList: [up.fileID] })
    expect(del.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
    expect((await cloud.deleteFile({ fileList: [up.fileID] })).fileList[0].status).not.toBe(0)
    expect((await fetch(encodeURI(links.fileList[0].tempFileURL))).status).toBe(404)
    await expect(cloud.downloadFile({ fileID: up.fileID })).rejects.toBeTruthy()
  })

  test('a tampered or expired temp URL is refused', async () => {
    const up = await cloud.uploadFile({ cloudPath: 'docs/a.png', fileContent: PNG })
    const url = (await cloud.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 60 }] })).fileList[0].tempFileURL
    expect((await fetch(url.replace('a.png', 'b.png'))).status).toBe(403)
    expect((await fetch(url.replace(/sign=[^&]+/, 'sign=forged'))).status).toBe(403)
    expect((await fetch(url.replace(/expires=\d+/, 'expires=1000'))).status).toBe(403)
  })
})

describe('browser surface', () => {
  const post = (p: string, body: unknown, token?: string) =>
    fetch(`${emu.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })

  test('sign in, then call a function as that user', async () => {
    const token = await emu.token('o_web_user_1')
    const res = await post('/fn/whoami', { tag: 'web' }, token)
    expect(res.status).toBe(200)
    expect((await res.json()).after.OPENID).toBe('o_web_user_1')
  })

  test('calls without a valid token are refused', async () => {
    expect((await post('/fn/whoami', {})).status).toBe(401)
    const token = await emu.token('o_web_user_1')
    const forged = token.replace('o_web_user_1', 'o_web_admin1')
    const res = await post('/fn/whoami', {}, forged)
    expect(res.status).toBe(401)
    expect((await res.json()).message).toContain('登录')
  })

  test('session rejects malformed openids', async () => {
    const res = await post('/local/session', { openid: 'bad id!' })
    expect(res.status).toBe(400)
  })

  test('tokens survive a restart (secret kept under --data)', async () => {
    const token = await emu.token('o_web_user_2')
    await emu.stop()
    const restarted = await startEmulator({ functionsDir: FIXTURES, dataDir: emu.dataDir, staticDir, templatesFile: TEMPLATES_FILE, env: FIXTURE_TEMPLATE_ENV })
    emu = restarted
    Object.assign(process.env, restarted.sdkEnv())
    const res = await fetch(`${restarted.url}/fn/whoami`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' })
    expect((await res.json()).after.OPENID).toBe('o_web_user_2')
  })

  test('upload via multipart records the uploader; type and size are checked', async () => {
    const token = await emu.token('o_web_user_1')
    const upload = (name: string, data: Buffer, cloudPath: string, withToken = true) => {
      const form = new FormData()
      form.append('cloudPath', cloudPath)
      form.append('file', new Blob([new Uint8Array(data)]), name)
      return fetch(`${emu.url}/local/upload`, { method: 'POST', body: form, headers: withToken ? { authorization: `Bearer ${token}` } : {} })
    }
    const ok = await upload('x.png', PNG, 'claims/c9/receipt.png')
    expect(ok.status).toBe(200)
    const { fileID } = await ok.json()
    expect(fileID).toMatch(/\/claims\/c9\/receipt\.png$/)
    const link = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
    expect((await fetch(link)).headers.get('content-type')).toBe('image/png')
    const record = (await cloud.database().collection('_local_files').doc('claims/c9/receipt.png').get()).data
    expect(record).toMatchObject({ cloudPath: 'claims/c9/receipt.png', uploaderOpenid: 'o_web_user_1', size: PNG.length, contentType: 'image/png' })

    expect((await upload('x.png', PNG, 'claims/c9/r.png', false)).status).toBe(401)
    expect((await upload('x.exe', PNG, 'claims/c9/evil.exe')).status).toBe(400)
    const disguised = await upload('x.pdf', PNG, 'claims/c9/fake.pdf')
    expect(disguised.status).toBe(400)
    expect((await disguised.json()).message).toContain('不符')
    expect((await upload('x.png', PNG, '../escape.png')).status).toBe(400)
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)])
    const tooBig = await upload('big.png', big, 'claims/c9/big.png')
    expect(tooBig.status).toBe(413)
    expect((await tooBig.json()).message).toContain('10 MB')
    expect((await upload('t.csv', Buffer.from('姓名,金额\n张三,100\n'), 'imports/roster.csv')).status).toBe(200)
  })

  test('identities come from _local_identities', async () => {
    const db = cloud.database()
    await db.collection('_local_identities').add({ data: { _id: 'o_demo_clerk', openid: 'o_demo_clerk', role: 'clerk', name: '李会计', label: '单位经办人', home: '/pages/unit/index' } })
    const res = await fetch(`${emu.url}/local/identities`)
    expect(await res.json()).toEqual([{ _id: 'o_demo_clerk', openid: 'o_demo_clerk', role: 'clerk', name: '李会计', label: '单位经办人', home: '/pages/unit/index' }])
  })

  test('outbox over HTTP, filtered by touser', async () => {
    await emu.subscribe('o_someone_1', ['tmpl-claim-result'])
    await emu.callFunction('notify', { touser: 'o_someone_1' }, { openid: 'o_sender_01' })
    const all = await (await fetch(`${emu.url}/local/outbox`)).json()
    expect(all.some((m: any) => m.touser === 'o_someone_1')).toBe(true)
    const mine = await (await fetch(`${emu.url}/local/outbox?touser=o_someone_1`)).json()
    expect(mine).toHaveLength(1)
    expect(mine[0].sentBy).toBe('o_sender_01')
  })

  test('health', async () => {
    expect(await (await fetch(`${emu.url}/local/health`)).json()).toEqual({ ok: true })
  })

  test('static files with SPA fallback', async () => {
    expect(await (await fetch(`${emu.url}/js/app.js`)).text()).toBe('console.log(1)')
    const page = await fetch(`${emu.url}/pages/claims/detail?id=1`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('职工医疗互助')
    expect(await (await fetch(`${emu.url}/../../etc/passwd`)).text()).toContain('职工医疗互助')
    expect((await fetch(`${emu.url}/js/missing.js`)).status).toBe(404)
  })
})

describe('wire protocol errors', () => {
  test('an unknown action answers an error naming it', async () => {
    const res = await fetch(`${emu.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'database.frobnicate', collectionName: 'x' }) })
    const body = await res.json()
    expect(body.code).toBe('INVALID_ACTION')
    expect(body.message).toContain('database.frobnicate')
  })

  test('the SDK surfaces an unsupported action as an exception', async () => {
    // node-sdk's copyFile sends storage.batchCopyFile, which the emulator does not implement.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const app = require('@cloudbase/node-sdk').init({ env: 'local-dev' })
    await expect(app.copyFile({ fileList: [{ srcPath: 'a/x.png', dstPath: 'b/x.png' }] })).rejects.toMatchObject({
      code: 'INVALID_ACTION',
      message: expect.stringContaining('storage.batchCopyFile'),
    })
  })
})
