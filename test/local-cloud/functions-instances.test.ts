/**
 * Contract: functions run as CloudBase runs them — many instances of one function at once (each call isolated in
 * identity), each function's own time limit from its config.json that cuts a call off mid-way, open API permissions
 * from config.json, and CloudBase's answer for a function that does not exist.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { FIXTURE_TEMPLATE_ENV } from './fixtures/templates'
import { connectSdk } from './sdk'

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')
const TEMPLATES_FILE = path.join(__dirname, 'fixtures', 'templates.ts')
let emu: Emulator
let cloud: any

beforeAll(async () => {
  emu = await startEmulator({ functionsDir: FIXTURES, templatesFile: TEMPLATES_FILE, env: FIXTURE_TEMPLATE_ENV })
  cloud = connectSdk(emu)
})
afterAll(async () => emu?.stop())

test('a call past its config.json timeout is cut off mid-way: what it wrote before stays, nothing after happens', async () => {
  const res = await emu.callFunction('cutoff', { id: 'c1' }, { openid: 'o_alice_0001' })
  expect(res).toMatchObject({ ok: false, code: 'FUNCTION_TIMEOUT', message: expect.stringContaining('1 秒') })
  // Give the stopped code more than enough time to have reached its second write, had it kept running.
  await new Promise((r) => setTimeout(r, 2500))
  const db = cloud.database()
  expect((await db.collection('cutoff').where({ _id: 'c1-before' }).get()).data).toHaveLength(1)
  expect((await db.collection('cutoff').where({ _id: 'c1-after' }).get()).data).toHaveLength(0)
})

test('16 calls of one function run at the same time (16 instances by default), each as its own caller', async () => {
  const db = cloud.database()
  await db.collection('gate').add({ data: { _id: 'g16', inside: 0 } })
  // Sixteen cold starts on a loaded 2-core machine can take seconds: each call waits up to 20 s for the others (with
  // fewer instances the first ones would wait it out and report fewer than 16).
  const results = await Promise.all(
    Array.from({ length: 16 }, (_v, i) => emu.callFunction('gate', { gate: 'g16', expect: 16, waitMs: 20_000 }, { openid: `o_user_${String(i).padStart(4, '0')}` })),
  )
  results.forEach((r, i) => expect(r).toEqual({ seen: 16, openid: `o_user_${String(i).padStart(4, '0')}` }))
})

test('the number of instances is configurable: with 2, a third call waits for a free instance', async () => {
  const local = await startEmulator({ functionsDir: FIXTURES, instances: 2 })
  try {
    const localDb = (() => {
      Object.assign(process.env, local.sdkEnv())
      return cloud.database()
    })()
    await localDb.collection('gate').add({ data: { _id: 'g3', inside: 0 } })
    const results = await Promise.all(Array.from({ length: 3 }, () => local.callFunction('gate', { gate: 'g3', expect: 3 }, { openid: 'o_alice_0001' })))
    const seen = results.map((r) => r.seen)
    // The third could only start once an instance was free: whoever finished first never saw it inside (with 3
    // instances every call would see 3 at once). The third itself counted 3 when it came in.
    expect(Math.min(...seen)).toBe(2)
    expect(Math.max(...seen)).toBe(3)
  } finally {
    Object.assign(process.env, emu.sdkEnv())
    await local.stop()
  }
})

test('a function without the openapi permission in its config.json cannot send (-604101)', async () => {
  await emu.subscribe('o_alice_0001', ['tmpl-claim-result'])
  const res = await emu.callFunction('sendwithout', {}, { openid: 'o_alice_0001' })
  expect(res).toMatchObject({ sent: false, errCode: -604101, errMsg: expect.stringContaining('permission') })
  expect(await emu.outbox('o_alice_0001')).toEqual([])
})

test('calling a function that does not exist answers FUNCTION_NOT_FOUND', async () => {
  const err = await cloud.callFunction({ name: 'no_such_function', data: {} }).catch((e: any) => e)
  expect(String(err.errMsg)).toContain('FUNCTION_NOT_FOUND')
  const wire = await (
    await fetch(`${emu.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'functions.invokeFunction', function_name: 'no_such_function', request_data: '{}' }),
    })
  ).json()
  expect(wire).toMatchObject({ code: 'FUNCTION_NOT_FOUND', message: expect.stringContaining('找不到对应的FunctionName') })
})

test('a deeply nested event is refused at the door, and the function stays available', async () => {
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
  const res = await fetch(`${emu.url}/local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"name":"echo","identity":{"openid":"o_alice_0001"},"event":${deep}}`,
  })
  expect(res.status).toBe(400)
  expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_PARAM', message: expect.stringContaining('100 层') })
  expect(await emu.callFunction('echo', { n: 2 }, { openid: 'o_alice_0001' })).toMatchObject({ n: 2 })
})
