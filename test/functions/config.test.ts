/**
 * Configuration is read once, in createMain: on the local emulator missing secrets fall back to development values;
 * anywhere else a missing, development or short secret (or missing template ids) makes every call answer
 * CONFIG_INVALID before anything is read or written.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { TEMPLATE_KEYS } from '@mutual-aid/contracts'
import { DEV_KEY, isLocalEmulator, readConfig } from '@cloud-shared/config'
import { templateId } from '@cloud-shared/notify'
import { functionEnv } from '../../local-cloud/src/functions/function-env'
import { sdkEnvFor } from '../../scripts/sdk-env'

const root = path.resolve(__dirname, '..', '..')
const SECRET = 'x'.repeat(40)
/** A template id for every notice the functions send, as the deploy guide asks. */
const TEMPLATE_IDS = Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, `tmpl-${k}`]))
const TEMPLATES = JSON.stringify(TEMPLATE_IDS)
const CLOUD = { TENCENTCLOUD_RUNENV: 'SCF', SCF_NAMESPACE: 'prod-env-1a2b' }

describe('where a function runs', () => {
  it('the emulator and a test process using the SDK directly are local; CloudBase is not', () => {
    expect(isLocalEmulator(functionEnv('http://127.0.0.1:40123/admin'))).toBe(true)
    expect(isLocalEmulator(sdkEnvFor('http://127.0.0.1:40123'))).toBe(true)
    expect(isLocalEmulator(sdkEnvFor('http://localhost:40123'))).toBe(true)
    expect(isLocalEmulator(CLOUD)).toBe(false)
    expect(isLocalEmulator({ TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'https://tcb-api.tencentcloudapi.com/admin' }) })).toBe(false)
    expect(isLocalEmulator({ TCB_CONTEXT_CNFG: 'not json' })).toBe(false)
  })
})

describe('readConfig', () => {
  it('locally, missing secrets and templates fall back to development values', () => {
    const r = readConfig(functionEnv('http://127.0.0.1:1/admin'))
    expect(r).toEqual({ ok: true, config: { local: true, secrets: { idHash: `${DEV_KEY}:ID_HASH_KEY`, idEnc: `${DEV_KEY}:ID_ENC_KEY` }, templates: {} } })
  })

  it('locally, configured values win', () => {
    const r = readConfig({ ...functionEnv('http://127.0.0.1:1/admin'), ID_HASH_KEY: SECRET, ID_ENC_KEY: SECRET, SUBSCRIBE_TEMPLATES: TEMPLATES })
    expect(r).toMatchObject({ ok: true, config: { local: true, secrets: { idHash: SECRET, idEnc: SECRET }, templates: TEMPLATE_IDS } })
  })

  it.each([
    ['nothing set', {}, ['ID_HASH_KEY 未设置', 'ID_ENC_KEY 未设置', 'SUBSCRIBE_TEMPLATES 未设置']],
    ['the development key', { ID_HASH_KEY: `${DEV_KEY}:ID_HASH_KEY`, ID_ENC_KEY: SECRET, SUBSCRIBE_TEMPLATES: TEMPLATES }, ['ID_HASH_KEY 是本地开发用的密钥，不能用于正式环境']],
    ['a short key', { ID_HASH_KEY: SECRET, ID_ENC_KEY: 'short', SUBSCRIBE_TEMPLATES: TEMPLATES }, ['ID_ENC_KEY 过短（至少 32 个字符的随机字符串）']],
    ['templates not JSON', { ID_HASH_KEY: SECRET, ID_ENC_KEY: SECRET, SUBSCRIBE_TEMPLATES: '{claimReceived:1' }, ['SUBSCRIBE_TEMPLATES 不是有效的 JSON']],
    ['templates not ids', { ID_HASH_KEY: SECRET, ID_ENC_KEY: SECRET, SUBSCRIBE_TEMPLATES: '{"claimReceived":""}' }, ['SUBSCRIBE_TEMPLATES 应为 {"模板键":"模板 ID"} 形式的 JSON 对象']],
    [
      'a template missing',
      { ID_HASH_KEY: SECRET, ID_ENC_KEY: SECRET, SUBSCRIBE_TEMPLATES: JSON.stringify({ ...TEMPLATE_IDS, claimPaid: undefined }) },
      ['SUBSCRIBE_TEMPLATES 缺少模板：claimPaid'],
    ],
    [
      'an unknown template key',
      { ID_HASH_KEY: SECRET, ID_ENC_KEY: SECRET, SUBSCRIBE_TEMPLATES: JSON.stringify({ ...TEMPLATE_IDS, claimRecieved: 'tmpl-typo' }) },
      [`SUBSCRIBE_TEMPLATES 有未知的模板键：claimRecieved（应为 ${TEMPLATE_KEYS.join('、')}）`],
    ],
  ])('outside the emulator, %s is refused, naming every problem', (_what, env, problems) => {
    expect(readConfig({ ...CLOUD, ...env })).toEqual({ ok: false, problems })
  })

  it('outside the emulator, real secrets and templates pass', () => {
    expect(readConfig({ ...CLOUD, ID_HASH_KEY: SECRET, ID_ENC_KEY: SECRET, SUBSCRIBE_TEMPLATES: TEMPLATES })).toEqual({
      ok: true,
      config: { local: false, secrets: { idHash: SECRET, idEnc: SECRET }, templates: TEMPLATE_IDS },
    })
  })

  it('a template id falls back to a placeholder only on the emulator', () => {
    expect(templateId('claimReceived', { local: true, templates: {} })).toBe('local-claimReceived')
    expect(templateId('claimReceived', { local: false, templates: {} })).toBeNull()
    expect(templateId('claimReceived', { local: false, templates: { claimReceived: 'tmpl-1' } })).toBe('tmpl-1')
  })
})

describe('a built function outside the emulator', () => {
  /** Runs the deployable bundle's main once in a clean process with `env`, and answers what it returned. */
  function runBundle(fn: string, env: Record<string, string>, event: Record<string, unknown>): unknown {
    const script = `require(${JSON.stringify(path.join(root, 'cloudfunctions', fn, 'index.js'))}).main(${JSON.stringify(event)}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { process.stdout.write(JSON.stringify({ threw: String(e) })) })`
    // Only the variables given: Taro's global typings mark build-time ones (TARO_ENV …) as always present.
    const out = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] })
    return JSON.parse(out)
  }

  it.each([
    ['without secrets', { ...CLOUD }],
    ['with the development key', { ...CLOUD, ID_HASH_KEY: `${DEV_KEY}:ID_HASH_KEY`, ID_ENC_KEY: `${DEV_KEY}:ID_ENC_KEY`, SUBSCRIBE_TEMPLATES: TEMPLATES }],
  ])('refuses every call %s, before any database call, with a message a person can act on', (_what, env) => {
    for (const [fn, action] of [['auth', 'whoami'], ['roster', 'add'], ['claims', 'submit']]) {
      const answer = runBundle(fn, { ...env, WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o_any' }, { action })
      expect(answer).toEqual({ ok: false, code: 'CONFIG_INVALID', message: expect.stringContaining('请联系互助办') })
    }
  })
})
