/**
 * One phone running the unmodified dist/weapp: WeChat's logic layer in a Node `vm` context — the module system
 * (`define`/`require` per file), `App`/`Page`/`Component`/`getApp`/`getCurrentPages`, the page stack and its
 * lifecycles, `setData` with WeChat's path keys — plus the `wx` of wx-api.ts talking to the local emulator as this
 * phone's WeChat user. The view layer is not drawn: the page's data is read with the build's own templates
 * (view-tree.ts), and a user's taps and typing become the events the view layer would send to the page's `eh`.
 *
 * Strict where WeChat is: no `eval`/`new Function` (the context refuses code generation), no `window`/`document`/
 * `process`; console.error, exceptions in lifecycles, handlers, timers and callbacks, and unhandled rejections are
 * errors. See README.md beside this folder for what still differs from a phone.
 */
import { existsSync, readFileSync } from 'node:fs'
import { posix, join } from 'node:path'
import vm from 'node:vm'
import { TempFiles } from './media'
import { loadTemplates, type TemplateSet } from './templates'
import { buildTree, walk, visibleText, type RenderProblem, type ViewNode } from './view-tree'
import type { CanvasNodeStub } from './canvas'
import { createWx, type ModalRecord, type PrivacyState, type SubscribeRequest, type Toast, type WxHost } from './wx-api'

export interface HostProblem {
  kind: string
  page: string
  message: string
}

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  usingComponents?: Record<string, string>
}

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }

interface PageRecord {
  route: string
  query: Record<string, string>
  instance: Record<string, unknown> & { data: Record<string, unknown> }
  options: PageOptions
  declared: Set<string>
}

/** Deletes the built-ins of ES2017 and later (what iOS 10 / Chrome 53 lack). */
const NEWER_BUILTINS_REMOVAL = `
  delete Object.values; delete Object.entries; delete Object.getOwnPropertyDescriptors; delete Object.fromEntries;
  delete Object.hasOwn;
  delete String.prototype.padStart; delete String.prototype.padEnd; delete String.prototype.trimStart;
  delete String.prototype.trimEnd; delete String.prototype.matchAll; delete String.prototype.replaceAll;
  delete String.prototype.at;
  delete Array.prototype.flat; delete Array.prototype.flatMap; delete Array.prototype.at;
  delete Array.prototype.findLast; delete Array.prototype.findLastIndex;
  delete Promise.prototype.finally; delete Promise.allSettled; delete Promise.any;
`

/** WeChat's page stack limit. */
const MAX_STACK = 10
/** WeChat warns above 256 KB and fails a single setData above 1 MB (serialized). */
const SET_DATA_LIMIT = 1024 * 1024
/** Timers longer than this are not waited for when settling (none in this app). */
const SHORT_TIMER_MS = 5000
/**
 * How long a wait for a page lasts before it fails (ms): for it to go quiet (`settle`) and for what a flow waits for
 * (`waitFor`). 60 s, three times a cloud function's 20 s limit: one slow call on a loaded machine (its own limit plus
 * the queue before it), or a chain of them such as an import's, is not a page that never goes quiet. Waits end as soon
 * as the page is quiet or shows what is waited for; this is only where a flow gives up. One limit, as the e2e has
 * (WAIT_LIMIT_MS in test/e2e/context.ts); the host does not throttle a CPU, so there is no slowdown to scale it by.
 */
export const WAIT_LIMIT_MS = 60_000

const BROWSER_GLOBALS = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore']

/** Sets `data` at a setData key path such as `root.cn.[0].cn.[2].v` or `list[3].name`. */
function setAtPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const segments: Array<string | number> = []
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) throw new Error(`setData 的键无法解析：${path}`)
    if (m[1]) segments.push(m[1])
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(idx[1]))
  }
  let cursor: Record<string | number, unknown> = data
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]
    const next = cursor[key]
    if (next === null || typeof next !== 'object') cursor[key] = typeof segments[i + 1] === 'number' ? [] : {}
    cursor = cursor[key] as Record<string | number, unknown>
  }
  cursor[segments[segments.length - 1]] = value
}

/**
 * Unhandled rejections: Node reports them per process, so one listener attributes each to the phone whose realm made
 * the promise (every phone's context has its own Promise constructor); a host-made promise goes to the phone that
 * acted last.
 */
const phonesByPromise = new Map<unknown, MiniProgram>()
let lastActive: MiniProgram | null = null
let listening = false
function markActive(phone: MiniProgram): void {
  lastActive = phone
}
function watchRejections(): void {
  if (listening) return
  listening = true
  process.on('unhandledRejection', (reason, promise) => {
    const phone = phonesByPromise.get(Object.getPrototypeOf(promise)?.constructor) ?? lastActive
    const text = errorText(reason)
    if (phone) phone.report('unhandledrejection', `未处理的 Promise 拒绝：${text}`)
    else console.error(`weapp host: unhandled rejection outside any phone: ${text}`)
  })
}

export interface MiniProgramOptions {
  dist: string
  emulatorUrl: string
  openid: string
  /** Shared across phones: one sign-in token per openid. */
  tokens?: Map<string, string>
}

export class MiniProgram {
  /** Canvas nodes the pages asked for (charts), with the drawing calls made on them. */
  readonly canvases = new Map<string, CanvasNodeStub>()
  readonly problems: HostProblem[] = []
  readonly warnings: HostProblem[] = []
  readonly logs: string[] = []
  readonly subscribeRequests: SubscribeRequest[] = []
  readonly toasts: Toast[] = []
  readonly modals: ModalRecord[] = []
  readonly modalAnswers: boolean[] = []
  readonly actionSheetAnswers: number[] = []
  readonly album: WxHost['album'] = []
  readonly chatFiles: WxHost['chatFiles'] = []
  readonly privacy: PrivacyState = { agreed: false, agreedByButton: null, listener: null }
  readonly files = new TempFiles()
  readonly uploads: WxHost['uploads'] = []
  /** Native components seen rendered, per page route (for the report and the declaration check). */
  readonly renderedComponents = new Map<string, Set<string>>()
  openPicker: ViewNode | null = null

  private readonly dist: string
  private readonly app: AppJson
  private readonly templates: TemplateSet
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly pageOptions = new Map<string, PageOptions>()
  private readonly stack: PageRecord[] = []
  private readonly tokens: Map<string, string>
  private readonly host: WxHost
  private appInstance: Record<string, unknown> | null = null
  private registering: string | null = null
  private pending = 0
  private tapDepth = 0
  private webviewId = 0
  private readonly globalComponents: Set<string>
  private readonly loadedComponents = new Set<string>()
  private readonly compComponents: Set<string>

  constructor(private readonly options: MiniProgramOptions) {
    this.dist = options.dist
    this.app = JSON.parse(readFileSync(join(this.dist, 'app.json'), 'utf8')) as AppJson
    this.templates = loadTemplates(this.dist)
    this.tokens = options.tokens ?? new Map()
    this.globalComponents = new Set(Object.keys(this.app.usingComponents ?? {}))
    const compJson = join(this.dist, 'comp.json')
    this.compComponents = new Set(existsSync(compJson) ? Object.keys((JSON.parse(readFileSync(compJson, 'utf8')) as AppJson).usingComponents ?? {}) : [])
    this.host = {
      emulatorUrl: options.emulatorUrl,
      openid: options.openid,
      files: this.files,
      privacy: this.privacy,
      album: this.album,
      chatFiles: this.chatFiles,
      subscribeRequests: this.subscribeRequests,
      toasts: this.toasts,
      modals: this.modals,
      modalAnswers: this.modalAnswers,
      actionSheetAnswers: this.actionSheetAnswers,
      clipboard: null,
      openedDocuments: [],
      previews: [],
      uploads: this.uploads,
      storage: new Map(),
      inTap: () => this.tapDepth > 0,
      currentRoute: () => this.route,
      track: (work) => this.track(work),
      waitForUser: (wait) => {
        this.pending--
        return wait.finally(() => {
          this.pending++
        })
      },
      navigate: (kind, url, delta) => this.navigate(kind, url, delta),
      report: (kind, message) => this.report(kind, message),
      warn: (message) => this.warnings.push({ kind: 'warn', page: this.route, message }),
      tokenFor: (openid) => this.tokenFor(openid),
      findCanvas: (id) => [...walk(this.view())].find((n) => n.tag === 'canvas' && n.uid === id) ?? null,
      canvases: this.canvases,
      // Binary data handed to the app is made in the app's own realm, as a phone's runtime makes it: code there checks
      // `x.constructor === ArrayBuffer` (js-sha256 does), which an ArrayBuffer of this realm fails.
      arrayBuffer: (bytes) => {
        const buffer = (vm.runInContext('(n) => new ArrayBuffer(n)', this.context) as (n: number) => ArrayBuffer)(bytes.length)
        new Uint8Array(buffer).set(bytes)
        return buffer
      },
    }
    this.context = this.createContext()
    phonesByPromise.set(vm.runInContext('Promise', this.context), this)
    watchRejections()
  }

  get route(): string {
    return this.stack[this.stack.length - 1]?.route ?? ''
  }

  get pageStack(): string[] {
    return this.stack.map((p) => p.route)
  }

  get clipboard(): string | null {
    return this.host.clipboard
  }

  get openedDocuments(): string[] {
    return this.host.openedDocuments
  }

  get previews(): string[][] {
    return this.host.previews
  }

  report(kind: string, message: string): void {
    this.problems.push({ kind, page: this.route, message })
  }

  // ── the logic layer ───────────────────────────────────────────────────────────────────────────────────────────

  private createContext(): vm.Context {
    const capture = (level: 'log' | 'warn' | 'error') => (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error ? a.stack ?? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ')
      if (level === 'error') this.report('console.error', text)
      else if (level === 'warn') this.warnings.push({ kind: 'console.warn', page: this.route, message: text })
      else this.logs.push(text)
    }
    const timers = new Map<unknown, boolean>()
    const wrapTimer = (kind: 'timeout' | 'interval') => (fn: unknown, ms?: number, ...args: unknown[]) => {
      if (typeof fn !== 'function') throw new TypeError('setTimeout 需要一个函数（小程序不支持字符串代码）')
      const short = (ms ?? 0) < SHORT_TIMER_MS && kind === 'timeout'
      if (short) this.pending++
      const run = () => {
        if (short && timers.get(handle)) {
          timers.delete(handle)
          this.pending--
        }
        try {
          (fn as (...a: unknown[]) => void)(...args)
        } catch (err) {
          this.report('script', `定时器回调出错：${errorText(err)}`)
        }
      }
      const handle = kind === 'timeout' ? setTimeout(run, ms) : setInterval(run, ms)
      if (short) timers.set(handle, true)
      return handle
    }
    const clear = (handle: unknown) => {
      if (timers.get(handle)) {
        timers.delete(handle)
        this.pending--
      }
      clearTimeout(handle as NodeJS.Timeout)
    }
    const sandbox: Record<string, unknown> = {
      console: { log: capture('log'), info: capture('log'), debug: capture('log'), warn: capture('warn'), error: capture('error'), group: () => undefined, groupEnd: () => undefined, time: () => undefined, timeEnd: () => undefined },
      setTimeout: wrapTimer('timeout'),
      setInterval: wrapTimer('interval'),
      clearTimeout: clear,
      clearInterval: clear,
      App: (options: Record<string, unknown>) => this.registerApp(options),
      Page: (options: PageOptions) => this.registerPage(options),
      // Custom components register their definition; the host records nothing more (no view layer to instantiate them).
      Component: () => undefined,
      Behavior: (options: unknown) => options,
      getApp: () => this.appInstance,
      getCurrentPages: () => this.stack.map((p) => p.instance),
      requirePlugin: (name: string) => {
        throw new Error(`未声明插件 ${name}`)
      },
    }
    const context = vm.createContext(sandbox, { name: `weapp ${this.options.openid}`, codeGeneration: { strings: false, wasm: false } })
    // The oldest runtimes the build targets (iOS 10 JavaScriptCore, Chrome 53 — config/index.ts) have the ES2016
    // built-ins and nothing newer: take the newer ones away, so code that relies on one without a polyfill fails here.
    vm.runInContext(NEWER_BUILTINS_REMOVAL, context)
    // `wx` is created inside the context's realm-independent host functions; Taro reads its keys.
    sandbox.wx = createWx(this.host)
    sandbox.global = vm.runInContext('globalThis', context)
    return context
  }

  /** WeChat's `require` for one file of the package: relative to the requiring file, `.js` optional. */
  private require(file: string): unknown {
    const key = file.endsWith('.js') ? file : `${file}.js`
    const cached = this.modules.get(key)
    if (cached) return cached.exports
    const abs = join(this.dist, key)
    if (!existsSync(abs)) throw new Error(`module "${key}" is not defined`)
    const module = { exports: {} as unknown }
    this.modules.set(key, module)
    const wrapper = `(function (require, module, exports, ${BROWSER_GLOBALS.join(', ')}) {${readFileSync(abs, 'utf8')}\n})`
    const fn = new vm.Script(wrapper, { filename: key }).runInContext(this.context) as (...args: unknown[]) => void
    const localRequire = (spec: string) => {
      const target = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(key), spec))
      return this.require(target)
    }
    fn(localRequire, module, module.exports)
    return module.exports
  }

  private registerApp(options: Record<string, unknown>): void {
    if (this.appInstance) throw new Error('App() 只能调用一次')
    this.appInstance = options
  }

  private registerPage(options: PageOptions): void {
    if (!this.registering) throw new Error('Page() 只能在页面文件中调用')
    this.pageOptions.set(this.registering, options)
  }

  private allPages(): string[] {
    return [...this.app.pages, ...(this.app.subPackages ?? []).flatMap((s) => s.pages.map((p) => posix.join(s.root, p)))]
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending++
    return work.finally(() => {
      this.pending--
    })
  }

  private async tokenFor(openid: string): Promise<string> {
    const known = this.tokens.get(openid)
    if (known) return known
    const res = await fetch(`${this.options.emulatorUrl}/local/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
    const answer = (await res.json()) as { token?: string }
    if (!answer.token) throw new Error(`本地会话失败：${JSON.stringify(answer)}`)
    this.tokens.set(openid, answer.token)
    return answer.token
  }

  /** Runs `fn` as WeChat runs app code: an exception is the app's error, not the host's. */
  private guard(what: string, fn: () => void): void {
    try {
      fn()
    } catch (err) {
      this.report('script', `${what}：${errorText(err)}`)
    }
  }

  // ── launch and navigation ─────────────────────────────────────────────────────────────────────────────────────

  /** Starts the mini-program at `url` (e.g. `/pages/index/index` or `/packages/claims/detail/index?id=…`). */
  async launch(url = '/pages/index/index'): Promise<void> {
    markActive(this)
    const { route, query } = this.parseUrl(url)
    // The entry's name through a constant: a bare `require('app.js')` reads to the dependency check as a package.
    const entry = 'app.js'
    this.guard(entry, () => void this.require(entry))
    const app = this.appInstance
    if (!app) throw new Error('app.js 没有调用 App()')
    const launchOptions = { path: route, query, scene: 1001, referrerInfo: {} }
    this.guard('App.onLaunch', () => (app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, launchOptions))
    this.guard('App.onShow', () => (app.onShow as ((o: unknown) => void) | undefined)?.call(app, launchOptions))
    await this.openPage(route, query)
    await this.settle()
  }

  private parseUrl(url: string): { route: string; query: Record<string, string> } {
    const [path, search = ''] = url.split('?')
    const route = path.replace(/^\//, '')
    if (!this.allPages().includes(route)) throw new Error(`页面 ${route} 不在 app.json 中`)
    const query: Record<string, string> = {}
    for (const [k, v] of new URLSearchParams(search)) query[k] = v
    return { route, query }
  }

  private loadPageOptions(route: string): PageOptions {
    const known = this.pageOptions.get(route)
    if (known) return known
    this.registering = route
    try {
      this.require(`${route}.js`)
    } finally {
      this.registering = null
    }
    const options = this.pageOptions.get(route)
    if (!options) throw new Error(`${route}.js 没有调用 Page()`)
    return options
  }

  /**
   * Injects the code of the custom components a page declares, and theirs, as WeChat does with lazy code loading:
   * each file runs once and registers with `Component()`; an error there is the page's error. (Their templates and
   * instances are not run: see README「Still different from a phone」.)
   */
  private loadComponents(from: string, using: Record<string, string>): void {
    for (const [name, target] of Object.entries(using)) {
      if (target.startsWith('plugin://')) continue
      const path = (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(from), target))).replace(/\.js$/, '')
      const base = existsSync(join(this.dist, `${path}.js`)) ? path : posix.join(path, 'index')
      if (this.loadedComponents.has(base)) continue
      this.loadedComponents.add(base)
      if (!existsSync(join(this.dist, `${base}.js`))) {
        this.report('component', `<${name}> 指向 ${target}，但 ${base}.js 不存在`)
        continue
      }
      this.guard(`组件 ${base}`, () => void this.require(`${base}.js`))
      const json = join(this.dist, `${base}.json`)
      if (existsSync(json)) this.loadComponents(base, (JSON.parse(readFileSync(json, 'utf8')) as AppJson).usingComponents ?? {})
    }
  }

  private async openPage(route: string, query: Record<string, string>): Promise<void> {
    const options = this.loadPageOptions(route)
    const pageJson = JSON.parse(readFileSync(join(this.dist, `${route}.json`), 'utf8')) as AppJson
    const instance: PageRecord['instance'] = Object.assign(Object.create(null) as Record<string, unknown>, {
      data: structuredClone(options.data ?? {}),
    })
    for (const [key, value] of Object.entries(options)) {
      if (key === 'data') continue
      instance[key] = typeof value === 'function' ? value.bind(instance) : value
    }
    const webviewId = ++this.webviewId
    Object.assign(instance, {
      route,
      __route__: route,
      is: route,
      options: { ...query },
      __wxWebviewId__: webviewId,
      getPageId: () => `pageId:${webviewId}`,
      setData: (data: Record<string, unknown>, cb?: () => void) => this.setData(record, data, cb),
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => {
        throw new Error('weapp host: createSelectorQuery 需要视图层，本宿主不提供')
      },
      getOpenerEventChannel: () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined }),
    })
    this.loadComponents(route, pageJson.usingComponents ?? {})
    const record: PageRecord = { route, query, instance, options, declared: new Set(Object.keys(pageJson.usingComponents ?? {})) }
    this.stack.push(record)
    this.guard(`${route} onLoad`, () => (instance.onLoad as ((q: unknown) => void) | undefined)?.(query))
    this.guard(`${route} onShow`, () => (instance.onShow as (() => void) | undefined)?.())
    await this.track(new Promise((r) => setTimeout(r, 0)))
    this.guard(`${route} onReady`, () => (instance.onReady as (() => void) | undefined)?.())
  }

  private unloadPage(record: PageRecord): void {
    this.guard(`${record.route} onUnload`, () => (record.instance.onUnload as (() => void) | undefined)?.())
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', url: string | null, delta: number): Promise<void> {
    if (kind === 'navigateBack') {
      if (this.stack.length <= 1) return
      const n = Math.min(Math.max(1, delta), this.stack.length - 1)
      for (let i = 0; i < n; i++) this.unloadPage(this.stack.pop() as PageRecord)
      const top = this.stack[this.stack.length - 1]
      this.guard(`${top.route} onShow`, () => (top.instance.onShow as (() => void) | undefined)?.())
      return
    }
    const { route, query } = this.parseUrl(url ?? '')
    if (kind === 'navigateTo') {
      if (this.stack.length >= MAX_STACK) throw new Error('webview count limit exceed')
      const top = this.stack[this.stack.length - 1]
      if (top) this.guard(`${top.route} onHide`, () => (top.instance.onHide as (() => void) | undefined)?.())
    } else if (kind === 'redirectTo') {
      const top = this.stack.pop()
      if (top) this.unloadPage(top)
    } else {
      while (this.stack.length) this.unloadPage(this.stack.pop() as PageRecord)
    }
    await this.openPage(route, query)
  }

  private setData(record: PageRecord, data: Record<string, unknown>, cb?: () => void): void {
    let size = 0
    try {
      size = JSON.stringify(data).length
    } catch (err) {
      this.report('setData', `setData 的数据无法序列化：${errorText(err)}`)
      return
    }
    if (size > SET_DATA_LIMIT) this.report('setData', `一次 setData ${Math.round(size / 1024)} KB，超过微信 1 MB 上限`)
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) {
        this.warnings.push({ kind: 'setData', page: record.route, message: `Setting data field "${key}" to undefined is invalid.` })
        continue
      }
      setAtPath(record.instance.data, key, JSON.parse(JSON.stringify(value)))
    }
    if (typeof cb === 'function') void this.track(new Promise<void>((r) => setTimeout(() => (this.guard('setData 回调', cb), r()), 0)))
  }

  // ── waiting ───────────────────────────────────────────────────────────────────────────────────────────────────

  /** Waits until nothing is in flight (network, short timers, setData callbacks) for a few turns. */
  async settle(timeoutMs = WAIT_LIMIT_MS): Promise<void> {
    const started = Date.now()
    let quiet = 0
    while (Date.now() - started < timeoutMs) {
      await new Promise((r) => setTimeout(r, 5))
      if (this.pending === 0) {
        quiet++
        if (quiet >= 4) return
      } else quiet = 0
    }
    this.report('settle', `页面 ${timeoutMs / 1000} 秒内没有安静下来（仍有 ${this.pending} 个请求或定时器）`)
  }

  /**
   * Settles, then waits until `predicate` holds on the current page (e.g. a text appears). It looks once more after the
   * limit: a settle that ran up to it may have brought what was waited for.
   */
  async waitFor(what: string, predicate: () => boolean, timeoutMs = WAIT_LIMIT_MS): Promise<void> {
    const started = Date.now()
    for (;;) {
      await this.settle()
      if (predicate()) return
      if (Date.now() - started >= timeoutMs) break
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`等待「${what}」超时（${timeoutMs / 1000} 秒）。当前页面 ${this.route}：\n${this.outlineText()}`)
  }

  // ── what is on screen ─────────────────────────────────────────────────────────────────────────────────────────

  private current(): PageRecord {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('没有打开的页面')
    return top
  }

  /** The current page's view tree; also checks that every custom component it renders is declared where it renders. */
  view(): ViewNode {
    const record = this.current()
    const problems: RenderProblem[] = []
    const tree = buildTree(record.instance.data.root as { cn?: [] } | undefined, this.templates, problems)
    for (const p of problems) this.reportOnce('render', p.message)
    const seen = this.renderedComponents.get(record.route) ?? new Set<string>()
    for (const node of walk(tree)) {
      if (!node.tag.includes('-') || node.tag === 'scroll-view' || node.tag === 'page') continue
      seen.add(node.tag)
      const declared = node.owner === 'page' ? record.declared.has(node.tag) || this.globalComponents.has(node.tag) : this.compComponents.has(node.tag) || this.globalComponents.has(node.tag)
      if (!declared) {
        this.reportOnce(
          'component',
          node.owner === 'page'
            ? `<${node.tag}> 在 ${record.route} 中渲染，但页面 json 和 app.json 都没有声明它（真机上显示为空）`
            : `<${node.tag}> 层级过深，由 comp 组件渲染，但 comp.json 和 app.json 都没有声明它（真机上显示为空）`,
        )
      }
    }
    this.renderedComponents.set(record.route, seen)
    return tree
  }

  private readonly reported = new Set<string>()

  private reportOnce(kind: string, message: string): void {
    const key = `${this.route}|${kind}|${message}`
    if (this.reported.has(key)) return
    this.reported.add(key)
    this.report(kind, message)
  }

  outlineText(): string {
    const lines: string[] = []
    const visit = (n: ViewNode, d: number) => {
      if (lines.length > 300) return
      if (n.text !== undefined) {
        if (n.text.trim()) lines.push(`${'  '.repeat(d)}"${n.text.trim()}"`)
        return
      }
      const label = ['label', 'title', 'note', 'description', 'content'].map((a) => n.attrs[a]).filter((v) => typeof v === 'string' && v).join(' | ')
      lines.push(`${'  '.repeat(d)}<${n.tag}${n.className ? `.${n.className.trim().split(/\s+/).join('.')}` : ''}${label ? ` ${label}` : ''}${n.attrs.disabled === true ? ' disabled' : ''}>`)
      for (const c of n.children) visit(c, d + 1)
    }
    visit(this.view(), 0)
    return lines.join('\n')
  }

  /** All visible text of the current page. */
  text(): string {
    return visibleText(this.view())
  }

  /**
   * Nodes whose visible text contains `text` (a RegExp such as /^是$/ for an exact text), innermost first; `tag`
   * narrows to one element type, `within` to one part of the page (e.g. one checklist item).
   */
  findAll(text: string | RegExp, tag?: string, within?: ViewNode): ViewNode[] {
    const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s))
    const all = [...walk(within ?? this.view())].filter((n) => (!tag || n.tag === tag) && matches(visibleText(n)))
    // Innermost: drop a node when one of its descendants also matches.
    return all.filter((n) => !all.some((m) => m !== n && isAncestor(n, m)))
  }

  find(text: string | RegExp, tag?: string, within?: ViewNode): ViewNode {
    const found = this.findAll(text, tag, within)
    if (found.length === 0) throw new Error(`页面 ${this.route} 上找不到「${String(text)}」${tag ? `（<${tag}>）` : ''}：\n${this.outlineText()}`)
    return found[0]
  }

  has(text: string | RegExp): boolean {
    return this.findAll(text).length > 0
  }

  /** Nodes with a class, e.g. `claim-photos` (one per checklist item). */
  byClass(name: string, within?: ViewNode): ViewNode[] {
    return [...walk(within ?? this.view())].filter((n) => n.className.split(/\s+/).includes(name))
  }

  /** A copy of the current page's data (what setData has sent to the view layer). */
  data(): Record<string, unknown> {
    return structuredClone(this.current().instance.data)
  }

  /** The query of the current page (e.g. the `id` a redirect carried). */
  get query(): Record<string, string> {
    return { ...(this.stack[this.stack.length - 1]?.query ?? {}) }
  }

  // ── what a user does ──────────────────────────────────────────────────────────────────────────────────────────

  private dispatch(node: ViewNode, type: string, detail: Record<string, unknown>, isTap: boolean, target: ViewNode = node): void {
    const record = this.current()
    const handler = record.instance.eh as ((e: unknown) => unknown) | undefined
    if (typeof handler !== 'function') throw new Error(`${record.route} 没有事件处理函数 eh`)
    const at = (n: ViewNode) => ({ id: n.uid ?? n.sid, dataset: { sid: n.sid }, offsetLeft: 0, offsetTop: 0 })
    const event = { type, timeStamp: Date.now(), detail, target: at(target), currentTarget: at(node), touches: [], changedTouches: [], mark: {}, mut: false }
    if (isTap) this.tapDepth++
    try {
      handler(event)
    } catch (err) {
      this.report('script', `${type} 事件处理出错：${errorText(err)}`)
    } finally {
      if (isTap) this.tapDepth--
    }
  }

  /** A bubbling native event from `node` up through every ancestor whose template binds it (stops at `catch`). */
  private bubble(from: ViewNode, type: string, detail: Record<string, unknown>, isTap: boolean): void {
    for (let n: ViewNode | null = from; n && n.tag !== 'page'; n = n.parent) {
      const binding = n.template.events.get(type)
      if (binding) this.dispatch(n, type, detail, isTap, from)
      if (binding === 'catch') return
    }
  }

  /**
   * A finger tap on `target` (a node, or the text on it). TDesign components answer the way their own code does:
   * t-button catches the tap and emits `tap` unless disabled or loading; t-cell emits `click` and lets the tap bubble;
   * t-checkbox / t-radio emit `change`; a tab label makes t-tabs emit `change`; a native picker opens (`pick`).
   */
  async tap(target: ViewNode | string | RegExp, tag?: string, within?: ViewNode): Promise<void> {
    markActive(this)
    const node = typeof target === 'string' || target instanceof RegExp ? this.find(target, tag, within) : target
    for (let n: ViewNode | null = node; n && n.tag !== 'page'; n = n.parent) {
      const disabled = n.attrs.disabled === true || n.attrs.disabled === 'true'
      if (n.tag === 't-button') {
        if (disabled || n.attrs.loading === true) throw new Error(`按钮「${visibleText(n).trim()}」不可点击（${disabled ? '已禁用' : '加载中'}）`)
        this.dispatch(n, 'tap', {}, true)
        return this.settle()
      }
      if (n.tag === 't-checkbox') {
        if (disabled) throw new Error(`勾选框「${visibleText(n).trim()}」已禁用`)
        this.dispatch(n, 'change', { checked: !(n.attrs.checked === true) }, true)
        return this.settle()
      }
      if (n.tag === 't-radio') {
        if (disabled) throw new Error(`选项「${visibleText(n).trim()}」已禁用`)
        if (n.attrs.checked !== true) this.dispatch(n, 'change', { checked: true }, true)
        return this.settle()
      }
      if (n.tag === 't-tab-panel') {
        const tabs = n.parent
        if (!tabs || tabs.tag !== 't-tabs') throw new Error('t-tab-panel 不在 t-tabs 中')
        this.dispatch(tabs, 'change', { value: n.attrs.value, label: n.attrs.label }, true)
        return this.settle()
      }
      if (n.tag === 'picker') {
        if (disabled) throw new Error('选择器已禁用')
        this.openPicker = n
        return this.settle()
      }
      if (n.tag === 'button') {
        if (disabled) throw new Error(`按钮「${visibleText(n).trim()}」已禁用`)
        if (n.attrs['open-type'] === 'agreePrivacyAuthorization') {
          this.privacy.agreed = true
          this.privacy.agreedByButton = n.uid ?? null
          this.dispatch(n, 'agreeprivacyauthorization', {}, true)
        }
        this.bubble(n, 'tap', { x: 10, y: 10 }, true)
        return this.settle()
      }
      if (n.tag === 't-cell') {
        this.dispatch(n, 'click', {}, true)
        // The native tap inside the cell goes on bubbling (e.g. to a picker around it).
        for (let up: ViewNode | null = n.parent; up && up.tag !== 'page'; up = up.parent) {
          if (up.tag === 'picker') {
            this.openPicker = up
            break
          }
        }
        this.bubble(n, 'tap', { x: 10, y: 10 }, true)
        return this.settle()
      }
    }
    this.bubble(node, 'tap', { x: 10, y: 10 }, true)
    await this.settle()
  }

  /** Chooses an option in the picker the last tap opened: a label (selector) or a date `YYYY-MM-DD`. */
  async pick(choice: string): Promise<void> {
    const picker = this.openPicker
    if (!picker) throw new Error('没有打开的选择器：先点击它')
    this.openPicker = null
    const mode = String(picker.attrs.mode ?? 'selector')
    if (mode === 'selector') {
      const range = Array.isArray(picker.attrs.range) ? picker.attrs.range.map(String) : []
      const index = range.indexOf(choice)
      if (index < 0) throw new Error(`选择器里没有「${choice}」：${range.join('、')}`)
      this.dispatch(picker, 'change', { value: index }, false)
    } else {
      // As WeChat's date picker: a day outside start/end is not on the wheels.
      if (mode === 'date') {
        const start = typeof picker.attrs.start === 'string' ? picker.attrs.start : ''
        const end = typeof picker.attrs.end === 'string' ? picker.attrs.end : ''
        if ((start && choice < start) || (end && choice > end)) throw new Error(`日期选择器只能选 ${start || '…'} 至 ${end || '…'}，没有「${choice}」`)
      }
      this.dispatch(picker, 'change', { value: choice }, false)
    }
    await this.settle()
  }

  /** Types into the t-input / t-textarea / t-search whose label (or placeholder) contains `label`. */
  async type(label: string, value: string): Promise<void> {
    const field = [...walk(this.view())].find(
      (n) => ['t-input', 't-textarea', 't-search'].includes(n.tag) && [n.attrs.label, n.attrs.placeholder].some((v) => typeof v === 'string' && v.includes(label)),
    )
    if (!field) throw new Error(`页面 ${this.route} 上找不到输入框「${label}」：\n${this.outlineText()}`)
    if (field.attrs.disabled === true) throw new Error(`输入框「${label}」已禁用`)
    this.dispatch(field, 'change', { value, cursor: value.length }, false)
    await this.settle()
  }

  /** Presses the keyboard's search/confirm key in a t-search. */
  async submitSearch(label: string, value: string): Promise<void> {
    await this.type(label, value)
    const field = [...walk(this.view())].find((n) => n.tag === 't-search' && [n.attrs.placeholder].some((v) => typeof v === 'string' && v.includes(label)))
    if (!field) throw new Error(`找不到搜索框「${label}」`)
    this.dispatch(field, 'submit', { value }, false)
    await this.settle()
  }

}

function isAncestor(ancestor: ViewNode, node: ViewNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n === ancestor) return true
  return false
}

/** An error's stack or message — also for errors from the app's own realm, which are not this realm's `Error`s. */
function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) {
    const e = err as { stack?: unknown; message?: unknown }
    return typeof e.stack === 'string' && e.stack ? e.stack : String(e.message)
  }
  return typeof err === 'object' ? safeJson(err) : String(err)
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}
