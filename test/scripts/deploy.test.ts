/**
 * The deploy, proven without a cloud: the real @cloudbase/manager-node runs the plan with its HTTP transport
 * (node-fetch) replaced by the recording stand-in for CloudBase, which checks every request (signature, API version,
 * parameters, what must exist) and keeps the environment's state, so a second run shows what a re-run does.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/_shared/src/collections'
import { STORAGE_RULE } from '../../cloudfunctions/_shared/src/storage-rule'
import { SPLIT_LIBRARIES, listFunctions } from '../../scripts/build-functions'
import { RUNTIME, plan, runPlan, type Manager } from '../../scripts/deploy'
import { isSevenFieldCron, readFunctionSpec } from '../../scripts/deploy/function-config'
import { CLOUDBASE_NODE_RUNTIMES, RecordingCloud } from '../../scripts/deploy/recording-cloud'

const mockTransport: { cloud: RecordingCloud | null } = { cloud: null }
jest.mock('node-fetch', () => (url: string, init: Parameters<RecordingCloud['fetch']>[1]) => {
  if (!mockTransport.cloud) throw new Error('no recording cloud installed')
  return mockTransport.cloud.fetch(url, init)
})

const root = resolve(__dirname, '../..')
const tsx = resolve(root, 'node_modules/.bin/tsx')
const functionsDir = join(root, 'cloudfunctions')
const FIXTURES = join(__dirname, 'fixtures', 'functions')
const SECRETS = { envId: 'mutual-aid-test-1a2b3c', secretId: 'AKIDtest', secretKey: 'test-secret-key' }
const ENV = { ID_HASH_KEY: 'hash-key-for-tests', ID_ENC_KEY: 'enc-key-for-tests', SUBSCRIBE_TEMPLATES: '{"claimReceived":"tmpl-1"}' }
const noCloudEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(TCB_ENV_ID|TENCENTCLOUD_SECRET|ID_HASH_KEY|ID_ENC_KEY|SUBSCRIBE_TEMPLATES)/.test(k)),
) as NodeJS.ProcessEnv

function newManager(cloud: RecordingCloud): Manager {
  mockTransport.cloud = cloud
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node')
  return new CloudBase({ secretId: SECRETS.secretId, secretKey: SECRETS.secretKey, envId: SECRETS.envId })
}

const quiet = () => undefined
const invalid = (cloud: RecordingCloud) => cloud.requests.filter((r) => r.problems.length > 0)
const succeeded = (cloud: RecordingCloud, action: string) => cloud.requests.filter((r) => r.action === action && !r.errorCode)

describe('deploy against the real manager-node and a recording CloudBase', () => {
  const cloud = new RecordingCloud(SECRETS)
  let app: Manager
  beforeAll(async () => {
    app = newManager(cloud)
    // manager-node logs which upload mode it uses.
    jest.spyOn(console, 'log').mockImplementation(quiet)
    await runPlan(app, plan({ env: ENV }), quiet)
  })
  afterAll(() => jest.restoreAllMocks())

  it('sends only requests the cloud accepts: signed, right API versions, valid parameters', () => {
    expect(cloud.requests.length).toBeGreaterThan(50)
    expect(invalid(cloud).map((r) => `${r.action}: ${r.problems.join('; ')}`)).toEqual([])
    // The only errors are the existence checks of a fresh environment.
    expect(cloud.requests.filter((r) => r.errorCode && !r.errorCode.startsWith('ResourceNotFound'))).toEqual([])
  })

  it('creates every declared collection with its indexes and security rule', () => {
    for (const c of COLLECTIONS) {
      const made = cloud.collections.get(c.name)
      expect(made).toBeDefined()
      expect(made?.acl).toBe(c.acl)
      for (const index of c.indexes) {
        const got = made?.indexes.get(index.name)
        expect(got).toEqual({ unique: Boolean(index.unique), keys: Object.entries(index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })) })
      }
    }
  })

  it('sets the storage rule the app and the emulator use, on the environment bucket, as a custom rule', () => {
    expect(cloud.storageRule).toEqual({ permission: 'CUSTOM', rule: JSON.stringify(STORAGE_RULE) })
    const request = cloud.requests.find((r) => r.action === 'ModifyResourcePermission' && r.params.ResourceType === 'storage')
    expect(request?.params.Resource).toBe(cloud.bucket)
  })

  it('uploads every function: its built index.js, on Node.js 24, with its config.json timeout, memory and environment', () => {
    const names = listFunctions()
    expect(names).toContain('auth')
    expect(CLOUDBASE_NODE_RUNTIMES).toContain(RUNTIME)
    for (const name of names) {
      const fn = cloud.functions.get(name)
      expect(fn).toBeDefined()
      const spec = readFunctionSpec(functionsDir, name)
      expect(fn).toMatchObject({ runtime: 'Nodejs24.11', timeout: spec.timeout, memorySize: 256, handler: 'index.main', installDependency: 'FALSE', environment: ENV })
      expect(fn?.files.get('index.js')?.equals(readFileSync(join(functionsDir, name, 'index.js')))).toBe(true)
      expect([...(fn?.files.keys() ?? [])].filter((f) => f.startsWith('src/'))).toEqual([])
      // Libraries split out of the bundle (loaded only by the actions that need them) travel beside it.
      for (const pkg of SPLIT_LIBRARIES[name] ?? []) expect(fn?.files.get(`lib-${pkg}.js`)?.equals(readFileSync(join(functionsDir, name, `lib-${pkg}.js`)))).toBe(true)
      expect(fn?.zipBytes).toBeLessThan(1.5 * 1024 * 1024)
    }
  })

  it('a second run changes nothing it does not have to: indexes and collections left alone, code and configuration updated', async () => {
    const before = cloud.requests.length
    await runPlan(app, plan({ env: ENV }), quiet)
    const second = cloud.requests.slice(before)
    expect(second.filter((r) => r.problems.length)).toEqual([])
    const actions = new Set(second.filter((r) => !r.errorCode).map((r) => r.action))
    expect(actions.has('CreateTable')).toBe(false)
    expect(actions.has('UpdateTable')).toBe(false)
    expect(actions.has('CreateFunction')).toBe(false)
    expect(second.filter((r) => r.action === 'UpdateFunctionCode' && !r.errorCode)).toHaveLength(listFunctions().length)
    for (const name of listFunctions()) expect(cloud.functions.get(name)).toMatchObject({ creates: 1, codeUpdates: 1 })
  })
})

describe('a deploy that fails part-way finishes when run again', () => {
  it('stops at the failed step, names it, and a re-run completes without redoing what was done', async () => {
    const cloud = new RecordingCloud({ ...SECRETS, failOnce: { action: 'UpdateTable', nth: 3 } })
    const app = newManager(cloud)
    jest.spyOn(console, 'log').mockImplementation(quiet)
    const steps = plan({ env: ENV, functions: ['auth', 'claims'] })
    await expect(runPlan(app, steps, quiet)).rejects.toThrow(/步.*index.*模拟故障.*重新运行 npm run deploy/s)
    const done = new Set(cloud.collections.keys())
    expect(cloud.functions.size).toBe(0)
    await runPlan(app, steps, quiet)
    for (const c of COLLECTIONS) for (const index of c.indexes) expect(cloud.collections.get(c.name)?.indexes.has(index.name)).toBe(true)
    expect([...cloud.functions.keys()].sort()).toEqual(['auth', 'claims'])
    // Collections made before the failure were checked, not created again.
    expect(succeeded(cloud, 'CreateTable').length).toBe(COLLECTIONS.length)
    expect(done.size).toBeGreaterThan(0)
    expect(invalid(cloud)).toEqual([])
    jest.restoreAllMocks()
  })
})

describe('timer triggers come from config.json', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-fixture-'))
    cpSync(FIXTURES, dir, { recursive: true })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('creates the declared timer, then deletes one no longer declared and replaces a changed one', async () => {
    const cloud = new RecordingCloud(SECRETS)
    const app = newManager(cloud)
    jest.spyOn(console, 'log').mockImplementation(quiet)
    const run = () => runPlan(app, plan({ env: ENV, functionsDir: dir, functions: ['nightly'] }), quiet)
    await run()
    expect(cloud.functions.get('nightly')?.triggers).toEqual(new Map([['expire-drafts', '0 0 2 * * * *']]))
    expect(cloud.functions.get('nightly')?.timeout).toBe(60)

    // WeChat takes one trigger per function: another one declared instead replaces it.
    const configPath = join(dir, 'nightly', 'config.json')
    const config = JSON.parse(readFileSync(configPath, 'utf8'))
    config.triggers = [{ name: 'remind-deadlines', type: 'timer', config: '0 30 8 * * MON-FRI *' }]
    writeFileSync(configPath, JSON.stringify(config))
    await run()
    expect(cloud.functions.get('nightly')?.triggers).toEqual(new Map([['remind-deadlines', '0 30 8 * * MON-FRI *']]))
    // The same trigger with a changed schedule is replaced.
    config.triggers = [{ name: 'remind-deadlines', type: 'timer', config: '0 0 9 * * MON-FRI *' }]
    writeFileSync(configPath, JSON.stringify(config))
    await run()
    expect(cloud.functions.get('nightly')?.triggers).toEqual(new Map([['remind-deadlines', '0 0 9 * * MON-FRI *']]))
    const deletes = cloud.requests.filter((r) => r.action === 'DeleteTrigger').map((r) => r.params.TriggerName).sort()
    expect(deletes).toEqual(['expire-drafts', 'remind-deadlines'])

    // Unchanged: a third run touches no trigger.
    const before = cloud.requests.length
    await run()
    expect(cloud.requests.slice(before).filter((r) => ['BatchCreateTrigger', 'DeleteTrigger'].includes(r.action))).toEqual([])
    expect(invalid(cloud)).toEqual([])
    jest.restoreAllMocks()
  })

  it('refuses a config.json with a 6-field cron, a missing timeout, two triggers or a cron SCF refuses, naming the file', () => {
    expect(isSevenFieldCron('0 0 2 * * * *')).toBe(true)
    expect(isSevenFieldCron('0 2 * * *')).toBe(false)
    const configPath = join(dir, 'nightly', 'config.json')
    writeFileSync(configPath, JSON.stringify({ timeout: 20, permissions: { openapi: [] }, triggers: [{ name: 'x', type: 'timer', config: '0 0 2 * * *' }] }))
    expect(() => readFunctionSpec(dir, 'nightly')).toThrow(/config\.json.*7 段 cron/)
    writeFileSync(configPath, JSON.stringify({ permissions: { openapi: [] } }))
    expect(() => readFunctionSpec(dir, 'nightly')).toThrow(/config\.json.*timeout/)
    writeFileSync(
      configPath,
      JSON.stringify({
        timeout: 20,
        permissions: { openapi: [] },
        triggers: [
          { name: 'a', type: 'timer', config: '0 0 2 * * * *' },
          { name: 'b', type: 'timer', config: '0 0 3 * * * *' },
        ],
      }),
    )
    expect(() => readFunctionSpec(dir, 'nightly')).toThrow(/只能配置 1 个定时触发器/)
    // SCF's grammar: 7 is not a day of the week (0 = Sunday), as the local cloud also refuses.
    expect(isSevenFieldCron('0 0 2 * * 7 *')).toBe(false)
  })
})

describe('npm run deploy', () => {
  let output: string
  beforeAll(() => {
    output = execFileSync(tsx, ['scripts/deploy.ts', '--dry-run'], { cwd: root, env: noCloudEnv, encoding: 'utf8' })
  })

  it('plans every declared collection with its indexes and security rule', () => {
    for (const c of COLLECTIONS) {
      expect(output).toContain(`collection ${c.name}: create if missing`)
      expect(output).toContain(`collection ${c.name}: security rule ${c.acl}`)
      for (const index of c.indexes) {
        expect(output).toMatch(new RegExp(`collection ${c.name}: index ${index.name} \\(.*\\)${index.unique ? ' unique' : ' …'}`))
      }
    }
  })

  it('plans an upload of every built function and the storage rule', () => {
    const names = listFunctions()
    expect(names).toContain('auth')
    for (const name of names) expect(output).toContain(`function ${name}: upload index.js`)
    expect(output).toContain(`storage: security rule CUSTOM ${JSON.stringify(STORAGE_RULE)}`)
  })

  it('prints the real requests, all valid', () => {
    expect(output).toMatch(/\[dry-run\] \d+ requests, (\d+) valid, 0 invalid/)
    expect(output).toContain('scf.CreateFunction {"Handler":"index.main","Runtime":"Nodejs24.11"')
    expect(output).toContain('tcb.ModifyResourcePermission')
    expect(output).toContain('Open-API permissions')
  })

  it('names the configuration a real deployment still needs', () => {
    expect(output).toContain('a real deployment also needs: TCB_ENV_ID')
  })

  it('refuses a real deployment without credentials and changes nothing', () => {
    const res = spawnSync(tsx, ['scripts/deploy.ts'], { cwd: root, env: noCloudEnv, encoding: 'utf8' })
    expect(res.status).toBe(1)
    expect(res.stderr).toContain('Cannot deploy: set TCB_ENV_ID')
    expect(res.stderr).toContain('Nothing was changed')
  })
})
