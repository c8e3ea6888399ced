/**
 * Assembles the emulator: database (memory + write-ahead log), storage, outbox, function runner, and one
 * HTTP server on 127.0.0.1 carrying the SDK wire protocol (`/admin`) and the browser surface.
 */
import { promises as fsp } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import type { CollectionDeclaration } from './db/database'
import { openDatabase, type LoadReport } from './db/persistence'
import { QueryLog } from './db/query-log'
import { TransactionManager } from './db/transactions'
import { FunctionRunner } from './functions/function-runner'
import { noteCallEnded } from './http/call-scope'
import { HttpError, sendJson } from './http/io'
import { queryStatsRoute } from './http/query-stats-route'
import { IDENTITIES_COLLECTION, localRoutes } from './http/local-routes'
import { staticFiles } from './http/static-files'
import { OUTBOX_COLLECTION, Outbox } from './outbox'
import { Signer } from './signing'
import { FileLinks } from './storage/file-links'
import { FILES_COLLECTION, FileStore } from './storage/file-store'
import { adminEndpoint } from './wire/admin-endpoint'
import { databaseActions } from './wire/database-actions'
import { functionActions } from './wire/function-actions'
import { openApiActions } from './wire/openapi-actions'
import { storageActions } from './wire/storage-actions'
import { SUBSCRIPTIONS_COLLECTION, Subscriptions } from './wechat/subscriptions'
import { loadTemplates } from './wechat/templates'
import { compileStorageRule } from './storage/security-rule'
import { Checkpoints } from './faults/checkpoints'
import { FaultInjector } from './faults/fault-injector'
import { faultRoutes } from './http/fault-routes'
import { timerRoutes } from './http/timer-routes'
import { businessClock } from './timers/business-clock'
import { TimerScheduler } from './timers/timer-scheduler'

/** Instances per function unless configured: enough that races between concurrent calls really happen. */
export const DEFAULT_INSTANCES = 16

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number
  dataDir: string
  functionsDir: string
  staticDir?: string
  collections: CollectionDeclaration[]
  /**
   * The storage security rule for client requests (a preset name or `{ read, write }`), or a module exporting it as
   * `STORAGE_RULE`; default ADMINONLY (clients can neither read nor upload), CloudBase's strictest.
   */
  storageRule?: unknown
  storageRuleFile?: string
  /** The subscribe-message template definitions module (`TEMPLATES`); without it every template id is unknown. */
  templatesFile?: string
  /** Overrides every function's time limit, ms (default: each function's `config.json` `timeout`, else 3 s). */
  functionTimeoutMs?: number
  /** Concurrent instances per function (default 16). */
  instancesPerFunction?: number
  /**
   * `on` (default): timer triggers fire on their cron, by the business clock (`MUTUAL_AID_TODAY`); `manual`: only
   * when fired through `POST /local/timers/fire` (tests, so nothing fires in the middle of one).
   */
  timers?: 'on' | 'manual'
  /** Tests only: the `/local/faults/*` routes (stop an operation at its N-th write, checkpoints). Never in `npm start`. */
  faultInjection?: boolean
}

export interface RunningEmulator {
  port: number
  url: string
  /** What the start loaded from disk and how long it took. */
  load: LoadReport
  close(): Promise<void>
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  await fsp.mkdir(options.dataDir, { recursive: true })
  // The emulator's own collections exist from the start, like the declared ones.
  const internal = [IDENTITIES_COLLECTION, FILES_COLLECTION, OUTBOX_COLLECTION, SUBSCRIPTIONS_COLLECTION]
    .filter((name) => !options.collections.some((c) => c.name === name))
    .map((name) => ({ name, indexes: [] }))
  const { db, wal, load } = await openDatabase(options.dataDir, [...options.collections, ...internal])
  const queryLog = new QueryLog()
  const signer = await Signer.load(options.dataDir)
  const transactions = new TransactionManager(db)
  let baseUrl = ''

  const runner = new FunctionRunner({
    functionsDir: options.functionsDir,
    adminUrl: '', // set below, once the port is known
    timeoutMs: options.functionTimeoutMs,
    instancesPerFunction: options.instancesPerFunction ?? DEFAULT_INSTANCES,
    onCallEnd: (callId) => {
      transactions.abortOwnedBy(callId)
      noteCallEnded(callId)
    },
  })
  const files = new FileStore(options.dataDir, db, wal)
  const links = new FileLinks(signer, () => baseUrl)
  const outbox = new Outbox(db, wal)
  const templates = await loadTemplates(options.templatesFile)
  const subscriptions = new Subscriptions(db, wal)
  const storageRule = compileStorageRule(options.storageRuleFile ? await loadStorageRule(options.storageRuleFile) : options.storageRule ?? 'ADMINONLY')

  const now = businessClock(process.env.MUTUAL_AID_TODAY)
  const timers = new TimerScheduler({ functionsDir: options.functionsDir, runner, now, auto: (options.timers ?? 'on') === 'on' })
  const faults = options.faultInjection ? new FaultInjector(runner) : undefined

  const admin = adminEndpoint(
    {
      ...databaseActions({ db, wal, transactions, queryLog, functionOf: (callId) => runner.functionOf(callId)?.name }),
      ...storageActions(files, links, runner),
      ...functionActions(runner),
      ...openApiActions({ outbox, runner, templates, subscriptions }),
    },
    (callId) => runner.identityOf(callId) !== undefined,
    faults,
  )
  const local = localRoutes({ db, signer, runner, files, links, outbox, templates, subscriptions, storageRule })
  const timerLocal = timerRoutes(timers, now)
  const faultLocal = faultRoutes(options.faultInjection ? { db, runner, transactions, checkpoints: new Checkpoints(db, wal), timers } : null)
  const serveStatic = options.staticDir ? staticFiles(options.staticDir) : null
  const queryStats = queryStatsRoute(queryLog)

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      try {
        if (req.method === 'POST' && url.pathname === '/admin') return await admin(req, res)
        if (await local(req, res, url)) return
        if (await timerLocal(req, res, url)) return
        if (await faultLocal(req, res, url)) return
        if (queryStats(req, res, url)) return
        if (serveStatic && (req.method === 'GET' || req.method === 'HEAD')) return await serveStatic(req, res, url.pathname)
        throw new HttpError(404, 'NOT_FOUND', `没有这个接口：${req.method} ${url.pathname}`)
      } catch (error) {
        if (res.headersSent) {
          res.destroy()
          return
        }
        if (error instanceof HttpError) {
          sendJson(res, error.status, { ok: false, code: error.code, message: error.message })
        } else {
          console.error(`[local-cloud] ${req.method} ${url.pathname} failed:`, error)
          sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '本地模拟器内部错误，请查看终端日志' })
        }
      }
    })()
  })
  // An idle keep-alive connection stays open longer than any client keeps one (Node's fetch: 4 s), as a gateway's
  // does (typically 60 s or more): with Node's 5 s here, a loaded machine let the server close a socket the client was
  // just reusing, and a call failed with ECONNRESET that production would not give.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`
  runner.setAdminUrl(`${baseUrl}/admin`)
  timers.start()

  return {
    port,
    url: baseUrl,
    load,
    async close() {
      timers.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await runner.close()
      await wal.close()
    },
  }
}

/** A module's `STORAGE_RULE` export (the project keeps it in cloudfunctions/_shared/src/storage-rule.ts). */
async function loadStorageRule(file: string): Promise<unknown> {
  const mod = (await import(pathToFileURL(file).href)) as { STORAGE_RULE?: unknown; default?: { STORAGE_RULE?: unknown } }
  const rule = mod.STORAGE_RULE ?? mod.default?.STORAGE_RULE
  if (rule === undefined) throw new Error(`${file} 没有导出 STORAGE_RULE`)
  return rule
}
