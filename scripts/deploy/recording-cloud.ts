/**
 * A stand-in for Tencent Cloud's API endpoints (tcb, scf, flexdb) behind @cloudbase/manager-node's HTTP transport —
 * its one `node-fetch` call in lib/utils/http-request.js. Every request is recorded and checked the way the cloud
 * checks it before doing anything:
 *  - TC3-HMAC-SHA256 signing: the Authorization header is recomputed from the request with the secret key;
 *  - the service's API version and the action's parameters (types, allowed values, the environment's namespace);
 *  - what the action needs to exist (a collection before its index, the bucket for the storage rule);
 * and answered from a simulated environment (collections, functions with their code and triggers), so a deploy can run
 * twice and show what it creates the first time and leaves alone the second. `--dry-run` and the deploy test use it;
 * it never talks to the network.
 */
import { createHash, createHmac } from 'node:crypto'
import JSZip from 'jszip'

export interface RecordedRequest {
  service: string
  action: string
  params: Record<string, unknown>
  /** Problems the cloud would answer with an error (empty = valid). */
  problems: string[]
  /** The error code answered, if any (validation problems answer InvalidParameter). */
  errorCode?: string
}

export interface SimulatedFunction {
  runtime: string
  timeout: number
  memorySize: number
  handler: string
  environment: Record<string, string>
  installDependency: string
  /** File name → contents of the uploaded zip. */
  files: Map<string, Buffer>
  zipBytes: number
  triggers: Map<string, string>
  creates: number
  codeUpdates: number
}

/** CloudBase's Node.js runtimes (its documentation, 2026); the SCF API names them NodejsMAJOR.MINOR. */
export const CLOUDBASE_NODE_RUNTIMES = ['Nodejs26.x', 'Nodejs24.11', 'Nodejs22.21', 'Nodejs20.19', 'Nodejs18.15', 'Nodejs16.13']

const VERSIONS: Record<string, string> = { tcb: '2018-06-08', scf: '2018-04-16', flexdb: '2018-11-27' }
const MEMORY_SIZES = [64, 128, 256, 512, 1024, 2048, 3072]
const ACLS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY']

class CloudApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

export interface RecordingCloudOptions {
  envId: string
  secretId: string
  secretKey: string
  /** Fail the n-th request (1-based) whose action is `action`, once, with an internal error (fault injection). */
  failOnce?: { action: string; nth: number }
}

export class RecordingCloud {
  readonly requests: RecordedRequest[] = []
  readonly collections = new Map<string, { indexes: Map<string, { unique: boolean; keys: Array<{ Name: string; Direction: string }> }>; acl: string | null }>()
  readonly functions = new Map<string, SimulatedFunction>()
  storageRule: { permission: string; rule: string | null } | null = null
  readonly bucket: string
  readonly databaseInstance: string
  private actionCounts = new Map<string, number>()

  constructor(readonly options: RecordingCloudOptions) {
    this.bucket = `6d75-${options.envId}-1300000000`
    this.databaseInstance = `tnt-${options.envId}`
  }

  /** The `fetch(url, init)` manager-node calls (node-fetch's interface: an object with `text()`). */
  readonly fetch = async (url: string, init: { method?: string; headers?: Record<string, string | number>; body?: string }) => {
    const answer = await this.handle(url, init)
    const text = JSON.stringify({ Response: answer })
    return { ok: true, status: 200, text: async () => text, json: async () => JSON.parse(text) }
  }

  private async handle(url: string, init: { method?: string; headers?: Record<string, string | number>; body?: string }): Promise<Record<string, unknown>> {
    const requestId = `rec-${this.requests.length + 1}`
    const host = new URL(url).host
    const service = host.split('.')[0]
    const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]))
    const action = headers['x-tc-action'] ?? ''
    let params: Record<string, unknown> = {}
    const record: RecordedRequest = { service, action, params, problems: [] }
    this.requests.push(record)
    try {
      params = JSON.parse(init.body ?? '{}') as Record<string, unknown>
      record.params = params
    } catch {
      record.problems.push('请求体不是 JSON')
    }
    this.checkSignature(url, init, headers, service, record)
    if (!VERSIONS[service]) record.problems.push(`未知服务 ${host}`)
    else if (headers['x-tc-version'] !== VERSIONS[service]) record.problems.push(`${service} 的 API 版本应为 ${VERSIONS[service]}，请求是 ${headers['x-tc-version']}`)
    const count = (this.actionCounts.get(action) ?? 0) + 1
    this.actionCounts.set(action, count)
    try {
      if (record.problems.length) throw new CloudApiError('AuthFailure.SignatureFailure', record.problems.join('；'))
      const fault = this.options.failOnce
      if (fault && fault.action === action && fault.nth === count) {
        this.options.failOnce = undefined
        throw new CloudApiError('InternalError', `模拟故障：第 ${count} 次 ${action} 失败`)
      }
      const data = await this.dispatch(service, action, params, record)
      if (record.problems.length) throw new CloudApiError('InvalidParameter', record.problems.join('；'))
      return { RequestId: requestId, ...data }
    } catch (err) {
      const e = err instanceof CloudApiError ? err : new CloudApiError('InternalError', err instanceof Error ? err.message : String(err))
      record.errorCode = e.code
      return { RequestId: requestId, Error: { Code: e.code, Message: e.message } }
    }
  }

  /** TC3-HMAC-SHA256, as Tencent Cloud verifies it (signed headers: content-type;host). */
  private checkSignature(url: string, init: { method?: string; body?: string }, headers: Record<string, string>, service: string, record: RecordedRequest): void {
    const auth = headers.authorization ?? ''
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(auth)
    if (!m) {
      record.problems.push('Authorization 不是 TC3-HMAC-SHA256 签名')
      return
    }
    const [, secretId, date, signedService, signedHeaders, signature] = m
    if (secretId !== this.options.secretId) record.problems.push('SecretId 不对')
    if (signedService !== service) record.problems.push(`签名的服务是 ${signedService}，请求发往 ${service}`)
    const timestamp = Number(headers['x-tc-timestamp'])
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) record.problems.push('X-TC-Timestamp 与当前时间相差超过 5 分钟')
    const u = new URL(url)
    const canonicalHeaders = `content-type:${headers['content-type']}\nhost:${u.hostname}\n`
    const payloadHash = createHash('sha256').update(init.body ?? '').digest('hex')
    const canonical = `${init.method ?? 'POST'}\n${u.pathname}\n${u.search.slice(1)}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${createHash('sha256').update(canonical).digest('hex')}`
    const hmac = (key: Buffer | string, msg: string) => createHmac('sha256', key).update(msg).digest()
    const kSigning = hmac(hmac(hmac(`TC3${this.options.secretKey}`, date), service), 'tc3_request')
    const expected = createHmac('sha256', kSigning).update(stringToSign).digest('hex')
    if (expected !== signature) record.problems.push('签名校验失败')
  }

  private need(record: RecordedRequest, condition: boolean, problem: string): void {
    if (!condition) record.problems.push(problem)
  }

  private checkEnv(record: RecordedRequest, value: unknown, field: string): void {
    this.need(record, value === this.options.envId, `${field} 应为环境 ${this.options.envId}，请求是 ${String(value)}`)
  }

  private checkConnector(record: RecordedRequest, p: Record<string, unknown>): void {
    const c = p.MongoConnector as { DatabaseName?: string; InstanceId?: string } | undefined
    this.need(record, c?.DatabaseName === this.databaseInstance && c?.InstanceId === 'flexdb', `MongoConnector 应指向数据库 ${this.databaseInstance}`)
  }

  private fn(name: unknown): SimulatedFunction {
    const f = this.functions.get(String(name))
    if (!f) throw new CloudApiError('ResourceNotFound.Function', `函数 ${String(name)} 不存在`)
    return f
  }

  private async readZip(record: RecordedRequest, code: unknown): Promise<{ files: Map<string, Buffer>; bytes: number } | null> {
    const zipFile = (code as { ZipFile?: string } | undefined)?.ZipFile
    if (typeof zipFile !== 'string' || zipFile.length === 0) {
      record.problems.push('Code.ZipFile 缺失（本部署以 base64 zip 上传代码）')
      return null
    }
    const bytes = Buffer.from(zipFile, 'base64')
    // SCF: ZipFile upload is limited to 1.5 MB (larger code goes through COS).
    this.need(record, bytes.length <= 1.5 * 1024 * 1024, `ZipFile ${(bytes.length / 1024 / 1024).toFixed(2)} MB，超过 1.5 MB`)
    const zip = await JSZip.loadAsync(bytes)
    const files = new Map<string, Buffer>()
    for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, Buffer.from(await entry.async('uint8array')))
    this.need(record, files.has('index.js'), `代码包里没有 index.js（有：${[...files.keys()].slice(0, 5).join(', ')}）`)
    return { files, bytes: bytes.length }
  }

  private checkFunctionConfig(record: RecordedRequest, p: Record<string, unknown>, creating: boolean): void {
    if (creating || p.Runtime !== undefined) this.need(record, CLOUDBASE_NODE_RUNTIMES.includes(String(p.Runtime)), `Runtime ${String(p.Runtime)} 不是 CloudBase 提供的 Node.js 运行时`)
    if (creating || p.Timeout !== undefined) this.need(record, Number.isInteger(p.Timeout) && Number(p.Timeout) >= 1 && Number(p.Timeout) <= 900, `Timeout ${String(p.Timeout)} 不在 1–900 秒`)
    if (creating || p.MemorySize !== undefined) this.need(record, MEMORY_SIZES.includes(Number(p.MemorySize)), `MemorySize ${String(p.MemorySize)} 无效`)
    if (p.Environment !== undefined) {
      const vars = (p.Environment as { Variables?: Array<{ Key?: unknown; Value?: unknown }> }).Variables
      this.need(record, Array.isArray(vars) && vars.every((v) => typeof v.Key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v.Key) && typeof v.Value === 'string'), 'Environment.Variables 应为 [{Key, Value}]，Key 为合法变量名')
    }
  }

  private async dispatch(service: string, action: string, p: Record<string, unknown>, record: RecordedRequest): Promise<Record<string, unknown>> {
    const key = `${service}:${action}`
    switch (key) {
      case 'tcb:DescribeEnvInfo':
        this.checkEnv(record, p.EnvId, 'EnvId')
        return {
          EnvInfo: {
            EnvBaseInfo: {
              EnvId: this.options.envId,
              Alias: 'mutual-aid',
              Status: 'NORMAL',
              Region: 'ap-shanghai',
              Databases: [{ InstanceId: this.databaseInstance, Region: 'ap-shanghai', Status: 'RUNNING' }],
              Storages: [{ Bucket: this.bucket, Region: 'ap-shanghai', CdnDomain: `${this.bucket}.tcb.qcloud.la`, AppId: '1300000000' }],
              Functions: [{ Namespace: this.options.envId, Region: 'ap-shanghai' }],
            },
            UserInfo: { AppId: '1300000000' },
          },
        }
      case 'tcb:DescribeTable': {
        this.checkEnv(record, p.EnvId, 'EnvId')
        this.checkConnector(record, p)
        const c = this.collections.get(String(p.TableName))
        if (!c) throw new CloudApiError('ResourceNotFound', `集合 ${String(p.TableName)} 不存在`)
        return { Indexes: [...c.indexes].map(([Name, i]) => ({ Name, Unique: i.unique, Key: i.keys.map((k) => ({ Name: k.Name, Direction: k.Direction })) })), IndexNum: c.indexes.size }
      }
      case 'tcb:CreateTable': {
        this.checkEnv(record, p.EnvId, 'EnvId')
        this.checkConnector(record, p)
        const name = String(p.TableName ?? '')
        this.need(record, /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(name), `集合名 ${name} 不合法`)
        if (this.collections.has(name)) throw new CloudApiError('ResourceInUse', `集合 ${name} 已存在`)
        if (!record.problems.length) this.collections.set(name, { indexes: new Map([['_id_', { unique: true, keys: [{ Name: '_id', Direction: '1' }] }]]), acl: null })
        return {}
      }
      case 'tcb:UpdateTable': {
        this.checkEnv(record, p.EnvId, 'EnvId')
        this.checkConnector(record, p)
        const c = this.collections.get(String(p.TableName))
        if (!c) throw new CloudApiError('ResourceNotFound', `集合 ${String(p.TableName)} 不存在`)
        const creates = (p.CreateIndexes ?? []) as Array<{ IndexName?: string; MgoKeySchema?: { MgoIsUnique?: unknown; MgoIndexKeys?: Array<{ Name?: unknown; Direction?: unknown }> } }>
        this.need(record, Array.isArray(creates) && creates.length > 0, 'UpdateTable 没有 CreateIndexes')
        for (const idx of creates) {
          const keys = idx.MgoKeySchema?.MgoIndexKeys ?? []
          this.need(record, typeof idx.IndexName === 'string' && /^[A-Za-z0-9_]+$/.test(idx.IndexName), `索引名 ${String(idx.IndexName)} 不合法`)
          this.need(record, typeof idx.MgoKeySchema?.MgoIsUnique === 'boolean', '索引的 MgoIsUnique 应为布尔值')
          this.need(record, keys.length > 0 && keys.every((k) => typeof k.Name === 'string' && (k.Direction === '1' || k.Direction === '-1')), '索引键应为 [{Name, Direction: "1"|"-1"}]')
          if (c.indexes.has(String(idx.IndexName))) throw new CloudApiError('ResourceInUse', `索引 ${String(idx.IndexName)} 已存在`)
          if (!record.problems.length) c.indexes.set(String(idx.IndexName), { unique: Boolean(idx.MgoKeySchema?.MgoIsUnique), keys: keys.map((k) => ({ Name: String(k.Name), Direction: String(k.Direction) })) })
        }
        return {}
      }
      case 'tcb:ModifyResourcePermission': {
        this.checkEnv(record, p.EnvId, 'EnvId')
        if (p.ResourceType === 'collection') {
          const c = this.collections.get(String(p.Resource))
          if (!c) throw new CloudApiError('ResourceNotFound', `集合 ${String(p.Resource)} 不存在`)
          this.need(record, ACLS.includes(String(p.Permission)), `集合权限 ${String(p.Permission)} 无效`)
          if (!record.problems.length) c.acl = String(p.Permission)
        } else if (p.ResourceType === 'storage') {
          this.need(record, p.Resource === this.bucket, `存储的 Resource 应为存储桶 ${this.bucket}，请求是 ${String(p.Resource)}`)
          this.need(record, [...ACLS, 'CUSTOM'].includes(String(p.Permission)), `存储权限 ${String(p.Permission)} 无效`)
          if (p.Permission === 'CUSTOM') {
            let rule: Record<string, unknown> | null = null
            try {
              rule = JSON.parse(String(p.SecurityRule)) as Record<string, unknown>
            } catch {
              record.problems.push('SecurityRule 不是 JSON')
            }
            this.need(record, Boolean(rule) && ['read', 'write'].every((k) => typeof rule?.[k] === 'boolean' || typeof rule?.[k] === 'string'), '存储安全规则须有 read 和 write（布尔值或表达式）')
          }
          if (!record.problems.length) this.storageRule = { permission: String(p.Permission), rule: p.SecurityRule === undefined ? null : String(p.SecurityRule) }
        } else record.problems.push(`ResourceType ${String(p.ResourceType)} 不在本部署的范围内`)
        return {}
      }
      case 'scf:GetFunction': {
        this.checkEnv(record, p.Namespace, 'Namespace')
        const f = this.fn(p.FunctionName)
        return {
          FunctionName: p.FunctionName,
          Namespace: p.Namespace,
          Status: 'Active',
          Runtime: f.runtime,
          Timeout: f.timeout,
          MemorySize: f.memorySize,
          Handler: f.handler,
          Environment: { Variables: Object.entries(f.environment).map(([Key, Value]) => ({ Key, Value })) },
          Triggers: [...f.triggers].map(([TriggerName, cron]) => ({ TriggerName, Type: 'timer', TriggerDesc: JSON.stringify({ cron }), Enable: 1 })),
        }
      }
      case 'scf:CreateFunction': {
        this.checkEnv(record, p.Namespace, 'Namespace')
        const name = String(p.FunctionName ?? '')
        this.need(record, /^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(name), `函数名 ${name} 不合法`)
        if (this.functions.has(name)) throw new CloudApiError('ResourceInUse.Function', `函数 ${name} 已存在`)
        this.checkFunctionConfig(record, p, true)
        this.need(record, p.Handler === 'index.main', `Handler 应为 index.main，请求是 ${String(p.Handler)}`)
        this.need(record, p.InstallDependency === 'FALSE', '代码已打包依赖，InstallDependency 应为 FALSE')
        const zip = await this.readZip(record, p.Code)
        if (record.problems.length || !zip) return {}
        const env = Object.fromEntries(((p.Environment as { Variables?: Array<{ Key: string; Value: string }> } | undefined)?.Variables ?? []).map((v) => [v.Key, v.Value]))
        this.functions.set(name, {
          runtime: String(p.Runtime),
          timeout: Number(p.Timeout),
          memorySize: Number(p.MemorySize),
          handler: String(p.Handler),
          environment: env,
          installDependency: String(p.InstallDependency),
          files: zip.files,
          zipBytes: zip.bytes,
          triggers: new Map(),
          creates: 1,
          codeUpdates: 0,
        })
        return {}
      }
      case 'scf:UpdateFunctionCode': {
        this.checkEnv(record, p.Namespace, 'Namespace')
        const f = this.fn(p.FunctionName)
        const zip = await this.readZip(record, { ZipFile: p.ZipFile ?? (p.Code as { ZipFile?: string } | undefined)?.ZipFile })
        if (!record.problems.length && zip) {
          f.files = zip.files
          f.zipBytes = zip.bytes
          f.codeUpdates += 1
        }
        return {}
      }
      case 'scf:UpdateFunctionConfiguration': {
        this.checkEnv(record, p.Namespace, 'Namespace')
        const f = this.fn(p.FunctionName)
        this.checkFunctionConfig(record, p, false)
        if (!record.problems.length) {
          if (p.Runtime !== undefined) f.runtime = String(p.Runtime)
          if (p.Timeout !== undefined) f.timeout = Number(p.Timeout)
          if (p.MemorySize !== undefined) f.memorySize = Number(p.MemorySize)
          if (p.Environment !== undefined) f.environment = Object.fromEntries(((p.Environment as { Variables: Array<{ Key: string; Value: string }> }).Variables ?? []).map((v) => [v.Key, v.Value]))
        }
        return {}
      }
      case 'scf:BatchCreateTrigger': {
        this.checkEnv(record, p.Namespace, 'Namespace')
        const f = this.fn(p.FunctionName)
        let triggers: Array<{ TriggerName?: string; Type?: string; TriggerDesc?: string }> = []
        try {
          triggers = JSON.parse(String(p.Triggers)) as typeof triggers
        } catch {
          record.problems.push('Triggers 应为 JSON 字符串')
        }
        this.need(record, p.Count === triggers.length, `Count ${String(p.Count)} 与触发器个数 ${triggers.length} 不符`)
        for (const t of triggers) {
          this.need(record, t.Type === 'timer', `触发器类型 ${String(t.Type)} 不支持`)
          this.need(record, typeof t.TriggerDesc === 'string' && t.TriggerDesc.trim().split(/\s+/).length === 7, `定时触发器须是 7 段 cron：${String(t.TriggerDesc)}`)
          if (f.triggers.has(String(t.TriggerName))) throw new CloudApiError('ResourceInUse.Trigger', `触发器 ${String(t.TriggerName)} 已存在`)
        }
        if (!record.problems.length) for (const t of triggers) f.triggers.set(String(t.TriggerName), String(t.TriggerDesc))
        return {}
      }
      case 'scf:DeleteTrigger': {
        this.checkEnv(record, p.Namespace, 'Namespace')
        const f = this.fn(p.FunctionName)
        if (!f.triggers.has(String(p.TriggerName))) throw new CloudApiError('ResourceNotFound.Trigger', `触发器 ${String(p.TriggerName)} 不存在`)
        f.triggers.delete(String(p.TriggerName))
        return {}
      }
      default:
        throw new CloudApiError('InvalidAction', `本部署不应调用 ${service}:${action}`)
    }
  }

  /** One line per request, for the dry run: action, the resource, and the parameters that matter. */
  static describe(r: RecordedRequest): string {
    const p = r.params
    const brief: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(p)) {
      if (k === 'Code' || k === 'ZipFile') {
        const zip = k === 'Code' ? (v as { ZipFile?: string }).ZipFile : (v as string)
        brief[k] = `<zip ${zip ? (Buffer.from(zip, 'base64').length / 1024).toFixed(0) : 0} KB>`
      } else if (k === 'Environment') {
        brief[k] = ((v as { Variables?: Array<{ Key: string }> }).Variables ?? []).map((x) => `${x.Key}=…`)
      } else if (['MongoConnector', 'ClsTopicId', 'ClsLogsetId', 'Stamp', 'Role'].includes(k)) continue
      else brief[k] = v
    }
    return `${r.service}.${r.action} ${JSON.stringify(brief)}${r.errorCode ? `  → ${r.errorCode}` : ''}`
  }
}
