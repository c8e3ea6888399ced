/**
 * Contract: the storage security rule (cloudfunctions/_shared/src/storage-rule.ts, the one the deploy applies) on
 * client requests — the app's uploads pass, another user cannot overwrite a file, clients read nothing directly and
 * take links only from functions; functions (admin) always pass; 50 files per temp-URL / delete call.
 */
import { STORAGE_RULE } from '../../cloudfunctions/_shared/src/storage-rule'
import { compileStorageRule } from '../../local-cloud/src/storage/security-rule'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk } from './sdk'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
let emu: Emulator
let cloud: any

beforeAll(async () => {
  emu = await startEmulator()
  cloud = connectSdk(emu)
})
afterAll(async () => emu?.stop())

async function upload(openid: string, cloudPath: string, name = 'page.png'): Promise<Response> {
  const token = await emu.token(openid)
  const form = new FormData()
  form.append('cloudPath', cloudPath)
  form.append('file', new Blob([PNG], { type: 'image/png' }), name)
  return fetch(`${emu.url}/local/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
}

test('the app’s uploads pass the rule: claim photos, roster files and receipts by their uploader', async () => {
  for (const cloudPath of ['claims/d1/discharge_summary/1.png', 'rosters/unit-1/2021.png', 'receipts/e1/bank.png']) {
    expect((await upload('o_worker_0001', cloudPath)).status).toBe(200)
  }
  // The uploader may replace their own page (e.g. a retake before submitting).
  expect((await upload('o_worker_0001', 'claims/d1/discharge_summary/1.png')).status).toBe(200)
})

test('another user cannot overwrite a stored file', async () => {
  const res = await upload('o_intruder_01', 'claims/d1/discharge_summary/1.png')
  expect(res.status).toBe(403)
  expect(await res.json()).toMatchObject({ ok: false, code: 'STORAGE_EXCEED_AUTHORITY', message: expect.stringContaining('不能覆盖') })
  const receipt = await upload('o_intruder_01', 'receipts/e1/bank.png')
  expect(receipt.status).toBe(403)
})

test('clients read no file directly (read: false); a function’s temporary URL still opens it', async () => {
  const token = await emu.token('o_worker_0001')
  const fileID = `cloud://local-dev.6c6f-local-dev-1300000000/claims/d1/discharge_summary/1.png`
  const res = await fetch(`${emu.url}/local/temp-file-urls`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ fileList: [fileID] }) })
  const { fileList } = await res.json()
  expect(fileList[0]).toMatchObject({ fileID, status: -503002, tempFileURL: '' })
  // Admin (a function, or this test's SDK) is not subject to the rule.
  const admin = await cloud.getTempFileURL({ fileList: [fileID] })
  expect(admin.fileList[0].tempFileURL).toContain('/local/files/claims/d1/discharge_summary/1.png')
})

test('getTempFileURL and deleteFile take at most 50 files per call', async () => {
  const ids = Array.from({ length: 51 }, (_v, i) => `cloud://local-dev.6c6f-local-dev-1300000000/x/${i}.png`)
  await expect(cloud.getTempFileURL({ fileList: ids })).rejects.toMatchObject({ errMsg: expect.stringContaining('50') })
  await expect(cloud.deleteFile({ fileList: ids })).rejects.toMatchObject({ errMsg: expect.stringContaining('50') })
  const ok = await cloud.getTempFileURL({ fileList: ids.slice(0, 50) })
  expect(ok.fileList).toHaveLength(50)
})

test('the rule language: presets and expressions as CloudBase evaluates them', () => {
  const project = compileStorageRule(STORAGE_RULE)
  const as = (openid: string | null, owner: string | null) => ({ auth: openid ? { openid, loginType: 'WECHAT-OPEN' } : null, resource: { openid: owner, path: 'a/b.png' } })
  expect(project.allows('write', as('o_a', 'o_a'))).toBe(true)
  expect(project.allows('write', as('o_b', 'o_a'))).toBe(false)
  expect(project.allows('read', as('o_a', 'o_a'))).toBe(false)
  expect(compileStorageRule('ADMINONLY').allows('write', as('o_a', 'o_a'))).toBe(false)
  expect(compileStorageRule('READONLY').allows('read', as(null, 'o_a'))).toBe(true)
  expect(compileStorageRule('PRIVATE').allows('read', as('o_b', 'o_a'))).toBe(false)
  expect(compileStorageRule({ read: 'auth != null && (auth.openid == resource.openid || false)', write: false }).allows('read', as('o_a', 'o_a'))).toBe(true)
  expect(() => compileStorageRule({ read: 'doc.x == 1', write: false })).toThrow('auth 和 resource')
  expect(() => compileStorageRule('PUBLICISH')).toThrow('未知')
})
