/**
 * `npm run emulator -- --port <p> --data <dir> [--functions <dir>] [--static <dir>] [--schema <file>] [--templates <file>] [--storage-rule <file>]
 *   [--timeout <ms>] [--instances <n>] [--timers on|manual] [--fault-injection]`
 * Prints a line containing `ready` once it accepts requests.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DEFAULT_INSTANCES, startEmulator } from './server'

const REPO_ROOT = path.resolve(__dirname, '..', '..')

const collectionsSchema = z.array(
  z.object({
    name: z.string().min(1),
    indexes: z.array(z.object({ name: z.string(), keys: z.record(z.string(), z.union([z.literal(1), z.literal(-1)])), unique: z.boolean().optional() })),
  }),
)

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      functions: { type: 'string', default: path.join(REPO_ROOT, 'cloudfunctions') },
      static: { type: 'string' },
      schema: { type: 'string', default: path.join(REPO_ROOT, 'cloudfunctions', '_shared', 'src', 'collections.ts') },
      templates: { type: 'string', default: path.join(REPO_ROOT, 'contracts', 'src', 'templates.ts') },
      'storage-rule': { type: 'string', default: path.join(REPO_ROOT, 'cloudfunctions', '_shared', 'src', 'storage-rule.ts') },
      timeout: { type: 'string' },
      instances: { type: 'string', default: String(DEFAULT_INSTANCES) },
      timers: { type: 'string', default: 'on' },
      'fault-injection': { type: 'boolean', default: false },
    },
  })
  if (!values.data) throw new Error('缺少 --data <目录>（本地数据保存位置）')
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port 无效：${values.port}`)
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout)
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 100)) throw new Error(`--timeout 无效：${values.timeout}`)
  const instances = Number(values.instances)
  if (!Number.isInteger(instances) || instances < 1 || instances > 256) throw new Error(`--instances 无效：${values.instances}（1–256）`)

  if (values.timers !== 'on' && values.timers !== 'manual') throw new Error(`--timers 无效：${values.timers}（on：按 cron 触发；manual：只在 POST /local/timers/fire 时触发）`)

  const schemaModule = (await import(pathToFileURL(path.resolve(values.schema)).href)) as { COLLECTIONS?: unknown; default?: { COLLECTIONS?: unknown } }
  const collections = collectionsSchema.parse(schemaModule.COLLECTIONS ?? schemaModule.default?.COLLECTIONS)

  const emulator = await startEmulator({
    port,
    dataDir: path.resolve(values.data),
    functionsDir: path.resolve(values.functions),
    staticDir: values.static ? path.resolve(values.static) : undefined,
    collections,
    templatesFile: path.resolve(values.templates),
    storageRuleFile: path.resolve(values['storage-rule']),
    functionTimeoutMs: timeout,
    instancesPerFunction: instances,
    timers: values.timers,
    faultInjection: values['fault-injection'],
  })
  console.log(
    `[local-cloud] ready on ${emulator.url} (data: ${path.resolve(values.data)}, ${collections.length} declared collections, ` +
      `${instances} instances per function, timers ${values.timers}${values['fault-injection'] ? ', fault injection ON (tests only)' : ''}, Node ${process.versions.node}; ` +
      `${emulator.load.documents} documents loaded in ${((emulator.load.readMs + emulator.load.indexMs) / 1000).toFixed(1)} s, of which indexes ${(emulator.load.indexMs / 1000).toFixed(1)} s)`,
  )

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.log(`[local-cloud] ${signal}: shutting down`)
    emulator.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error) => {
  console.error(`[local-cloud] failed to start: ${(error as Error).message}`)
  process.exit(1)
})
