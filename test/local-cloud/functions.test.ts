/** Contract: the function runner — identity isolation, nested calls, errors, time limit, open API, reload. */
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { FIXTURE_TEMPLATE_ENV } from './fixtures/templates'

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')
const TEMPLATES_FILE = path.join(__dirname, 'fixtures', 'templates.ts')
let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ functionsDir: FIXTURES, templatesFile: TEMPLATES_FILE, env: FIXTURE_TEMPLATE_ENV })
})
afterAll(async () => emu?.stop())

test('getWXContext returns the caller identity', async () => {
  const res = await emu.callFunction('whoami', { tag: 't' }, { openid: 'o_alice_0001', appid: 'wx_app_1', unionid: 'u_alice' })
  expect(res.after).toMatchObject({ OPENID: 'o_alice_0001', APPID: 'wx_app_1', UNIONID: 'u_alice', ENV: 'local-dev' })
})

test('UNIONID is absent when the caller has none; APPID defaults to the local app id', async () => {
  const res = await emu.callFunction('whoami', {}, { openid: 'o_bob_00001' })
  expect(res.after.OPENID).toBe('o_bob_00001')
  expect(res.after.APPID).toEqual(expect.any(String))
  expect('UNIONID' in res.after).toBe(false)
})

test('concurrent calls of two users never see each other’s identity', async () => {
  const calls = Array.from({ length: 40 }, (_v, i) => {
    const openid = i % 2 === 0 ? 'o_alice_0001' : 'o_bob_00001'
    return emu.callFunction('whoami', { tag: openid, delayMs: (i * 7) % 20 }, { openid }).then((res) => ({ openid, res }))
  })
  const results = await Promise.all(calls)
  for (const { openid, res } of results) {
    expect(res).toMatchObject({ tag: openid })
    expect(res.before.OPENID).toBe(openid)
    expect(res.after.OPENID).toBe(openid)
  }
})

test('callFunction from a function runs the callee as the same user; callee errors reach the caller', async () => {
  const res = await emu.callFunction('chain', { tag: 'chained' }, { openid: 'o_carol_001' })
  expect(res.self).toBe('o_carol_001')
  expect(res.callee).toMatchObject({ tag: 'chained', after: { OPENID: 'o_carol_001' } })
  expect(res.failed.errMsg).toContain('故意的错误')
})

test('the event carries userInfo like a call from the mini-program', async () => {
  const res = await emu.callFunction('echo', { action: 'x' }, { openid: 'o_erin_0001', appid: 'wx_app_9' })
  expect(res).toEqual({ action: 'x', userInfo: { appId: 'wx_app_9', openId: 'o_erin_0001' } })
})

test('a throwing function answers FUNCTION_ERROR', async () => {
  const res = await emu.callFunction('boom', {}, { openid: 'o_alice_0001' })
  expect(res).toEqual({ ok: false, code: 'FUNCTION_ERROR', message: expect.stringContaining('故意的错误') })
})

test('a function over its time limit answers FUNCTION_TIMEOUT, and the next call works', async () => {
  const local = await startEmulator({ functionsDir: FIXTURES, functionTimeoutMs: 1500 })
  try {
    const started = Date.now()
    const res = await local.callFunction('slow', {}, { openid: 'o_alice_0001' })
    expect(res).toMatchObject({ ok: false, code: 'FUNCTION_TIMEOUT' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400)
    expect(await local.callFunction('echo', { n: 1 }, { openid: 'o_alice_0001' })).toMatchObject({ n: 1 })
  } finally {
    await local.stop()
  }
})

test('a result over 6 MB is refused like CloudBase', async () => {
  expect(await emu.callFunction('huge', {}, { openid: 'o_alice_0001' })).toMatchObject({ ok: false, code: 'FUNCTION_ERROR', message: expect.stringContaining('6 MB') })
})

test('an unknown function answers FUNCTION_NOT_FOUND', async () => {
  expect(await emu.callFunction('nope', {}, { openid: 'o_alice_0001' })).toMatchObject({ ok: false, code: 'FUNCTION_NOT_FOUND' })
})

test('openapi.subscribeMessage.send is recorded in the outbox; bad arguments fail like WeChat', async () => {
  await emu.subscribe('o_dave_0001', ['tmpl-claim-result'])
  const res = await emu.callFunction('notify', {}, { openid: 'o_dave_0001' })
  expect(res.errCode).toBe(0)
  expect(res.failure.errCode).toBe(47003)
  const messages = await emu.outbox('o_dave_0001')
  expect(messages).toHaveLength(1)
  expect(messages[0]).toMatchObject({
    touser: 'o_dave_0001',
    templateId: 'tmpl-claim-result',
    page: 'pages/claims/detail?id=c1',
    miniprogramState: 'developer',
    sentBy: 'o_dave_0001',
    data: { thing1: { value: '报销审核通过' }, amount2: { value: '¥25.00' } },
  })
  expect(await emu.outbox('o_nobody_01')).toEqual([])
})

test('a transaction that throws inside a function is rolled back', async () => {
  const res = await emu.callFunction('txrollback', { id: 'r1' }, { openid: 'o_alice_0001' })
  expect(res).toEqual({ rolledBack: true, message: '中途失败' })
})

test('storage from inside a function: upload, temp URL, download', async () => {
  const res = await emu.callFunction('files', { cloudPath: 'claims/c1/发票.txt', text: '发票内容' }, { openid: 'o_alice_0001' })
  expect(res).not.toHaveProperty('ok')
  expect(res.fileID).toMatch(/^cloud:\/\/local-dev\..+\/claims\/c1\/发票\.txt$/)
  expect(res.text).toBe('发票内容')
  const fetched = await fetch(encodeURI(res.url))
  expect(fetched.status).toBe(200)
  expect(await fetched.text()).toBe('发票内容')
})

test('functions see the environment given to startEmulator', async () => {
  const local = await startEmulator({ functionsDir: FIXTURES, env: { MUTUAL_AID_TODAY: '2024-06-30' } })
  try {
    expect(await local.callFunction('env', {}, { openid: 'o_alice_0001' })).toEqual({ today: '2024-06-30' })
  } finally {
    await local.stop()
  }
})

test('a rebuilt bundle (new mtime) is reloaded', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'emu-fns-'))
  mkdirSync(path.join(dir, 'ver'))
  const file = path.join(dir, 'ver', 'index.js')
  writeFileSync(file, 'exports.main = async () => ({ version: 1 })')
  const local = await startEmulator({ functionsDir: dir })
  try {
    expect(await local.callFunction('ver', {}, { openid: 'o_alice_0001' })).toEqual({ version: 1 })
    writeFileSync(file, 'exports.main = async () => ({ version: 2 })')
    const later = new Date(Date.now() + 5000)
    utimesSync(file, later, later)
    expect(await local.callFunction('ver', {}, { openid: 'o_alice_0001' })).toEqual({ version: 2 })
  } finally {
    await local.stop()
  }
})
