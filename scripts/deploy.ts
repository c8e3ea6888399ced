/**
 * `npm run deploy [-- --dry-run]`: deploys to real WeChat CloudBase with @cloudbase/manager-node.
 *
 * In order, each step safe to run again (a failed deploy is finished by running it again):
 *  1. reads the environment (its storage bucket and database);
 *  2. every collection of cloudfunctions/_shared/src/collections.ts: created if missing, each index created if
 *     missing (existing ones are left alone), its security rule set;
 *  3. the storage security rule: cloudfunctions/_shared/src/storage-rule.ts (STORAGE_RULE) as a custom rule;
 *  4. every function: its bundle (cloudfunctions/<name>/index.js, built first) uploaded — created, or its code and
 *     configuration updated — on the Node.js runtime below, with the timeout (and memory) of its config.json and the
 *     environment variables below;
 *  5. every function's timer triggers made exactly those of its config.json (missing ones created, changed ones
 *     replaced, others deleted).
 * `permissions.openapi` of config.json cannot be set through the Tencent Cloud API: WeChat DevTools applies it when it
 * uploads a function (README「部署到微信云开发」). The deploy ends by naming the functions that need it.
 *
 * Credentials and configuration come from the environment only:
 *   TCB_ENV_ID                          CloudBase environment id (cloud console → 环境 ID)
 *   TENCENTCLOUD_SECRETID / _SECRETKEY  API key of a sub-account allowed to manage that environment
 *   ID_HASH_KEY, ID_ENC_KEY             secrets for resident-ID hashing and encryption (long random strings; keep them:
 *                                       changing them makes stored IDs unmatchable / unreadable)
 *   SUBSCRIBE_TEMPLATES                 JSON of subscribe-message template ids, e.g. {"claimReceived":"…",…}
 * `--dry-run` runs the whole deploy against a recording stand-in for the cloud (scripts/deploy/recording-cloud.ts)
 * and prints every request it would send, checked as the cloud checks it. It needs no credentials.
 */
import type CloudBaseManager from '@cloudbase/manager-node'
import { COLLECTIONS } from '../cloudfunctions/_shared/src/collections'
import { STORAGE_RULE } from '../cloudfunctions/_shared/src/storage-rule'
import { buildFunctions, functionsDir as defaultFunctionsDir, listFunctions } from './build-functions'
import { readFunctionSpec, type FunctionSpec, type Trigger } from './deploy/function-config'

/**
 * CloudBase's Node.js 24 runtime (Active LTS; its docs list 24.11). manager-node 5.6.5 passes the runtime through
 * as given (lib/function/index.js `configToParams`; it only checks that a Node runtime name contains "Nodejs") and
 * defaults to Nodejs20.19; the SCF API spells runtimes `Nodejs<major>.<minor>`. The bundles target node24
 * (scripts/build-functions.ts).
 */
export const RUNTIME = 'Nodejs24.11'

export type Manager = InstanceType<typeof CloudBaseManager>

/** What earlier steps learnt (the bucket) for later ones. */
export interface DeployState {
  bucket?: string
}

export interface Step {
  title: string
  /** Consecutive steps of one group run at once (function uploads wait for each function to become active). */
  group?: 'functions' | 'triggers'
  /** Does the step; answers what happened (`created`, `already there`, `updated` …). */
  run(app: Manager, state: DeployState): Promise<string>
}

export const REQUIRED = ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'ID_HASH_KEY', 'ID_ENC_KEY', 'SUBSCRIBE_TEMPLATES'] as const

function functionEnv(env: Record<string, string | undefined>): Record<string, string> {
  return { ID_HASH_KEY: env.ID_HASH_KEY ?? '', ID_ENC_KEY: env.ID_ENC_KEY ?? '', SUBSCRIBE_TEMPLATES: env.SUBSCRIBE_TEMPLATES ?? '' }
}

/** A timer's cron as SCF reports it back (`{"cron":"…"}`) or as it was given. */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string }
    if (parsed && typeof parsed.cron === 'string') return parsed.cron.trim()
  } catch {
    // a bare cron expression
  }
  return desc.trim()
}

async function syncTriggers(app: Manager, spec: FunctionSpec): Promise<string> {
  const detail = (await app.functions.getFunctionDetail(spec.name)) as unknown as { Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }> }
  const existing = new Map((detail.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => [t.TriggerName, cronOf(t.TriggerDesc)]))
  const wanted = new Map(spec.triggers.map((t) => [t.name, t]))
  const done: string[] = []
  for (const [name, cron] of existing) {
    const want = wanted.get(name)
    if (want && want.config.trim() === cron) continue
    await app.functions.deleteFunctionTrigger(spec.name, name)
    done.push(want ? `${name} replaced` : `${name} deleted`)
  }
  const missing: Trigger[] = spec.triggers.filter((t) => existing.get(t.name) !== t.config.trim())
  if (missing.length) {
    await app.functions.createFunctionTriggers(spec.name, missing.map((t) => ({ name: t.name, type: t.type, config: t.config })))
    done.push(...missing.filter((t) => !existing.has(t.name)).map((t) => `${t.name} created`))
  }
  return done.length ? done.join(', ') : spec.triggers.length ? 'already as declared' : 'none declared, none there'
}

export interface PlanOptions {
  env?: Record<string, string | undefined>
  functionsDir?: string
  /** Function folders to deploy (default: every function with src/index.ts). */
  functions?: string[]
}

/** Every step of a deployment, in order. Reads the declarations and config.json files; contacts nothing. */
export function plan(options: PlanOptions = {}): Step[] {
  const env = options.env ?? process.env
  const dir = options.functionsDir ?? defaultFunctionsDir
  const specs = (options.functions ?? listFunctions(dir)).map((name) => readFunctionSpec(dir, name))
  const steps: Step[] = [
    {
      title: 'environment: read the storage bucket and database',
      run: async (app, state) => {
        const info = await app.env.getEnvInfo()
        const bucket = info.EnvInfo.Storages?.[0]?.Bucket
        if (!bucket) throw new Error('这个环境还没有开通云存储：请在云开发控制台开通存储后重新部署')
        state.bucket = bucket
        return `bucket ${bucket}`
      },
    },
  ]
  for (const c of COLLECTIONS) {
    steps.push({
      title: `collection ${c.name}: create if missing (${c.description})`,
      run: async (app) => ((await app.database.createCollectionIfNotExists(c.name)).IsCreated ? 'created' : 'already there'),
    })
    for (const index of c.indexes) {
      const keys = Object.entries(index.keys).map(([k, d]) => `${k}:${d}`).join(',')
      steps.push({
        title: `collection ${c.name}: index ${index.name} (${keys})${index.unique ? ' unique' : ''}`,
        run: async (app) => {
          if ((await app.database.checkIndexExists(c.name, index.name)).Exists) return 'already there'
          await app.database.updateCollection(c.name, {
            CreateIndexes: [
              {
                IndexName: index.name,
                MgoKeySchema: {
                  MgoIsUnique: Boolean(index.unique),
                  MgoIndexKeys: Object.entries(index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
                },
              },
            ],
          })
          return 'created'
        },
      })
    }
    steps.push({
      title: `collection ${c.name}: security rule ${c.acl}`,
      run: async (app) => (await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: c.acl }), 'set'),
    })
  }
  steps.push({
    title: `storage: security rule CUSTOM ${JSON.stringify(STORAGE_RULE)} (the app uploads; files open only through the functions' temporary links)`,
    run: async (app, state) => {
      if (!state.bucket) throw new Error('存储桶未知：环境信息没有读到')
      await app.permission.modifyResourcePermission({ resourceType: 'storage', resource: state.bucket, permission: 'CUSTOM', securityRule: JSON.stringify(STORAGE_RULE) })
      return 'set'
    },
  })
  for (const spec of specs) {
    steps.push({
      group: 'functions',
      title: `function ${spec.name}: upload index.js (${RUNTIME}, ${spec.timeout} s, ${spec.memorySize} MB, env ID_HASH_KEY, ID_ENC_KEY, SUBSCRIBE_TEMPLATES)`,
      run: async (app) => {
        const res = (await app.functions.createFunction({
          func: {
            name: spec.name,
            runtime: RUNTIME,
            timeout: spec.timeout,
            memorySize: spec.memorySize,
            installDependency: false,
            envVariables: functionEnv(env),
            ignore: ['src/**', 'node_modules/**'],
          },
          functionRootPath: dir,
          force: true,
          // The bundle zips to well under SCF's 1.5 MB ZipFile limit: code travels in the API request itself.
          deployMode: 'zip',
        })) as unknown as Record<string, unknown>
        return 'codeRes' in res ? 'updated (code and configuration)' : 'created'
      },
    })
  }
  for (const spec of specs) {
    steps.push({
      group: 'triggers',
      title: `function ${spec.name}: timer triggers ${spec.triggers.length ? spec.triggers.map((t) => `${t.name} "${t.config}"`).join(', ') : '(none declared)'}`,
      run: (app) => syncTriggers(app, spec),
    })
  }
  return steps
}

/** Functions whose open-API permissions must be applied from WeChat DevTools. */
export function openapiNeeds(options: PlanOptions = {}): Array<{ name: string; openapi: string[] }> {
  const dir = options.functionsDir ?? defaultFunctionsDir
  return (options.functions ?? listFunctions(dir)).map((name) => readFunctionSpec(dir, name)).filter((s) => s.openapi.length > 0).map((s) => ({ name: s.name, openapi: s.openapi }))
}

/**
 * Runs the steps in order (a group of consecutive steps at once); stops after the first failure — what ran stays
 * done, and every step is safe to repeat, so running the deploy again finishes it.
 */
export async function runPlan(app: Manager, steps: Step[], log: (line: string) => void = (l) => console.log(l)): Promise<void> {
  const state: DeployState = {}
  let i = 0
  while (i < steps.length) {
    const group = steps[i].group
    let j = i + 1
    while (group && j < steps.length && steps[j].group === group) j++
    const batch = steps.slice(i, j).map((s, k) => ({ s, n: i + k + 1 }))
    const results = await Promise.allSettled(batch.map(({ s }) => s.run(app, state)))
    const failures: string[] = []
    results.forEach((r, k) => {
      const { s, n } = batch[k]
      if (r.status === 'fulfilled') log(`${n}/${steps.length} ${s.title} … ${r.value}`)
      else failures.push(`第 ${n}/${steps.length} 步（${s.title}）：${r.reason instanceof Error ? r.reason.message : String(r.reason)}`)
    })
    if (failures.length) throw new Error(`${failures.join('\n')}\n已完成的步骤再运行也不会重复生效：修正后重新运行 npm run deploy 即可继续。`)
    i = j
  }
}

/** The manager for `envId`; in a dry run its HTTP transport is the recording stand-in. */
async function manager(dryRun: boolean, envId: string): Promise<{ app: Manager; printRequests?: () => void }> {
  if (!dryRun) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const CloudBase = require('@cloudbase/manager-node') as typeof CloudBaseManager
    return { app: new CloudBase({ secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY, envId }) }
  }
  const { installRecordingCloud } = await import('./deploy/install-recording-cloud')
  const { cloud, CloudBase } = installRecordingCloud({ envId, secretId: 'dry-run-secret-id', secretKey: 'dry-run-secret-key' })
  const { RecordingCloud } = await import('./deploy/recording-cloud')
  return {
    app: new CloudBase({ secretId: 'dry-run-secret-id', secretKey: 'dry-run-secret-key', envId }),
    printRequests: () => {
      const invalid = cloud.requests.filter((r) => r.problems.length > 0).length
      const notFound = cloud.requests.filter((r) => r.errorCode?.startsWith('ResourceNotFound')).length
      console.log(`\n[dry-run] ${cloud.requests.length} requests, ${cloud.requests.length - invalid} valid, ${invalid} invalid (${notFound} existence checks answered ResourceNotFound):`)
      for (const r of cloud.requests) console.log(`[dry-run]   ${RecordingCloud.describe(r)}${r.problems.length ? `  ✗ ${r.problems.join('；')}` : ''}`)
    },
  }
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run')
  const missing = REQUIRED.filter((k) => !process.env[k])
  if (!dryRun && missing.length) {
    console.error(`Cannot deploy: set ${missing.join(', ')} (see README「部署到微信云开发」). Nothing was changed.`)
    process.exit(1)
  }
  if (!dryRun) {
    try {
      JSON.parse(process.env.SUBSCRIBE_TEMPLATES ?? '')
    } catch {
      console.error('Cannot deploy: SUBSCRIBE_TEMPLATES is not JSON, e.g. {"claimReceived":"<template id>"} (README「部署到微信云开发」). Nothing was changed.')
      process.exit(1)
    }
  }
  await buildFunctions()
  const steps = plan()
  const envId = process.env.TCB_ENV_ID || 'dry-run-env'
  if (dryRun) {
    console.log(`[dry-run] environment ${process.env.TCB_ENV_ID || '<TCB_ENV_ID>'}: ${steps.length} steps, against a recording stand-in for CloudBase`)
    if (missing.length) console.log(`[dry-run] a real deployment also needs: ${missing.join(', ')}`)
  }
  const { app, printRequests } = await manager(dryRun, envId)
  try {
    await runPlan(app, steps, (line) => console.log(dryRun ? `[dry-run] ${line}` : line))
  } finally {
    printRequests?.()
  }
  const needs = openapiNeeds()
  if (needs.length) {
    console.log(`\nOpen-API permissions (config.json permissions.openapi) are applied only by WeChat DevTools: upload ${needs.map((n) => `${n.name} (${n.openapi.join(', ')})`).join(', ')} from DevTools once (README「部署到微信云开发」step 4).`)
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`\nDeployment stopped: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}
