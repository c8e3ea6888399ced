/**
 * `npm run check:weapp` — run after `npm run build:weapp`. Checks that the mini-program in dist/weapp is
 * complete and within WeChat's package limits:
 *  - every page listed in app.json (main package and subpackages) has its .js/.json/.wxml;
 *  - every `usingComponents` target (app, pages, and components, recursively) resolves to a component;
 *  - every relative `require()` in the output JS resolves to a file;
 *  - WeChat's compilers accept it: every WXML compiles with `wcc`, every WXSS with `wcsc` (scripts/weapp-check);
 *  - every JS file parses as ES2015 and every WXS as ES5 — what older WeChat runtimes run;
 *  - project.config.json points only at folders that exist beside it;
 *  - no WXSS loads a font from a host, and every icon name the build can show has a glyph in the embedded icon font
 *    (scripts/weapp-check/icon-font.ts);
 *  - WeChat conventions: lazyCodeLoading "requiredComponents", no globally declared components, preload rules that
 *    name real pages and subpackages;
 *  - prints the main package, each subpackage and the total size, and fails above 2 MB for any package.
 * Exit 1 on any problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { z } from 'zod'
import { checkIconFont } from './weapp-check/icon-font'
import { checkSyntax } from './weapp-check/js-syntax'
import { compileWxml, compileWxss } from './weapp-check/wechat-compilers'

const root = resolve(__dirname, '..')
const dist = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist', 'weapp')

/** WeChat limit per package (main and each subpackage), bytes. */
const PACKAGE_LIMIT = 2 * 1024 * 1024
/** WeChat limit for all packages together, bytes. */
const TOTAL_LIMIT = 20 * 1024 * 1024
/** Our own budget for the main package, bytes: leaves headroom under the limit. */
const MAIN_BUDGET = 1.2 * 1024 * 1024

const appJsonSchema = z.object({
  pages: z.array(z.string()),
  lazyCodeLoading: z.string().optional(),
  preloadRule: z.record(z.string(), z.object({ network: z.string().optional(), packages: z.array(z.string()) })).optional(),
  subPackages: z.array(z.object({ root: z.string(), pages: z.array(z.string()) })).optional(),
  subpackages: z.array(z.object({ root: z.string(), pages: z.array(z.string()) })).optional(),
  usingComponents: z.record(z.string(), z.string()).optional(),
})
const componentJsonSchema = z.object({ usingComponents: z.record(z.string(), z.string()).optional() }).passthrough()

const problems: string[] = []

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = join(dir, entry.name)
    return entry.isDirectory() ? walk(p) : [p]
  })
}

function rel(p: string): string {
  return relative(dist, p).split('\\').join('/')
}

/** Resolves a usingComponents value the way WeChat does: absolute from the package root, else relative. */
function componentBase(fromJson: string, target: string): string {
  if (target.startsWith('plugin://')) return ''
  return target.startsWith('/') ? join(dist, target) : join(dirname(fromJson), target)
}

function checkComponentTarget(fromJson: string, name: string, target: string, seen: Set<string>): void {
  const base = componentBase(fromJson, target)
  if (base === '') return
  // A component path may name the component file itself or a directory holding index.*
  const candidates = [base, join(base, 'index')]
  const found = candidates.find((c) => existsSync(`${c}.js`) && existsSync(`${c}.json`) && existsSync(`${c}.wxml`))
  if (!found) {
    problems.push(`${rel(fromJson)}: 组件 <${name}> 指向 ${target}，但找不到 .js/.json/.wxml`)
    return
  }
  checkJson(`${found}.json`, seen)
}

function checkJson(jsonPath: string, seen: Set<string>): void {
  if (seen.has(jsonPath)) return
  seen.add(jsonPath)
  if (!existsSync(jsonPath)) {
    problems.push(`缺少 ${rel(jsonPath)}`)
    return
  }
  const parsed = componentJsonSchema.safeParse(JSON.parse(readFileSync(jsonPath, 'utf8')))
  if (!parsed.success) {
    problems.push(`${rel(jsonPath)}: JSON 结构无法识别`)
    return
  }
  for (const [name, target] of Object.entries(parsed.data.usingComponents ?? {})) {
    checkComponentTarget(jsonPath, name, target, seen)
  }
}

function checkPage(page: string, seen: Set<string>): void {
  const base = join(dist, page)
  for (const ext of ['.js', '.wxml']) {
    if (!existsSync(base + ext)) problems.push(`页面 ${page} 缺少 ${page}${ext}`)
  }
  if (existsSync(`${base}.json`)) checkJson(`${base}.json`, seen)
  else problems.push(`页面 ${page} 缺少 ${page}.json`)
}

const REQUIRE = /\brequire\(\s*["']([^"']+)["']\s*\)/g

function checkRequires(jsFiles: string[]): void {
  for (const file of jsFiles) {
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(REQUIRE)) {
      const spec = match[1]
      // Only paths into the package: bare names are WeChat built-ins or runtime lookups we cannot check.
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue
      const target = spec.startsWith('/') ? join(dist, spec) : join(dirname(file), spec)
      const ok = [target, `${target}.js`, join(target, 'index.js')].some((c) => existsSync(c) && statSync(c).isFile())
      if (!ok) problems.push(`${rel(file)}: require("${spec}") 找不到文件`)
    }
  }
}

/** WeChat DevTools opens dist/weapp on its own too: a cloudfunctionRoot there must exist relative to it. */
function checkProjectConfig(): void {
  const path = join(dist, 'project.config.json')
  if (!existsSync(path)) return
  const config = JSON.parse(readFileSync(path, 'utf8')) as { cloudfunctionRoot?: string; miniprogramRoot?: string }
  for (const key of ['cloudfunctionRoot', 'miniprogramRoot'] as const) {
    const value = config[key]
    if (value !== undefined && !existsSync(join(dist, value))) problems.push(`project.config.json: ${key} 指向 ${value}，但 ${rel(join(dist, value))} 不存在`)
  }
}

/**
 * WeChat conventions the app keeps: only the components a page needs are injected (lazyCodeLoading, nothing declared
 * globally), and preload rules name real pages and subpackages.
 */
function checkConventions(app: z.infer<typeof appJsonSchema>, subRoots: string[], pages: string[]): void {
  if (app.lazyCodeLoading !== 'requiredComponents') problems.push('app.json: lazyCodeLoading 应为 "requiredComponents"（按需注入组件）')
  const globals = Object.keys(app.usingComponents ?? {})
  if (globals.length) problems.push(`app.json 全局声明了 ${globals.length} 个组件（${globals.join(', ')}）：按需注入时它们会注入每个页面，请改在用到的页面声明（usingKit）`)
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    if (!pages.includes(page)) problems.push(`app.json preloadRule: 页面 ${page} 不存在`)
    for (const pkg of rule.packages) if (!subRoots.includes(pkg)) problems.push(`app.json preloadRule: ${page} 预下载的分包 ${pkg} 不存在`)
  }
}

/** Runs WeChat's compilers and the syntax check; returns the counts for the summary. */
function checkWithWeChatTools(files: string[]): { wxml: number; wxss: number; js: number; wxs: number } {
  const wxml = files.filter((f) => f.endsWith('.wxml'))
  const wxss = files.filter((f) => f.endsWith('.wxss'))
  const wxs = files.filter((f) => f.endsWith('.wxs'))
  const js = files.filter((f) => f.endsWith('.js'))
  for (const p of compileWxml(dist, wxml, wxs)) problems.push(`wcc 拒绝 ${p.file}：${p.message}`)
  for (const p of compileWxss(dist, wxss)) problems.push(`wcsc 拒绝 ${p.file}：${p.message}`)
  for (const p of checkSyntax([...js, ...wxs].map((path) => ({ path, name: rel(path) })))) problems.push(`${p.file}: ${p.message}`)
  return { wxml: wxml.length, wxss: wxss.length, js: js.length, wxs: wxs.length }
}

function size(files: string[]): number {
  return files.reduce((sum, f) => sum + statSync(f).size, 0)
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

function main(): void {
  const appJsonPath = join(dist, 'app.json')
  if (!existsSync(appJsonPath)) {
    console.error(`✗ 找不到 ${appJsonPath}：请先运行 npm run build:weapp`)
    process.exit(1)
  }
  const app = appJsonSchema.parse(JSON.parse(readFileSync(appJsonPath, 'utf8')))
  const subPackages = app.subPackages ?? app.subpackages ?? []
  const seen = new Set<string>([appJsonPath])

  for (const [name, target] of Object.entries(app.usingComponents ?? {})) checkComponentTarget(appJsonPath, name, target, seen)
  for (const page of app.pages) checkPage(page, seen)
  for (const sub of subPackages) for (const page of sub.pages) checkPage(posix.join(sub.root, page), seen)

  // Source maps are not uploaded with the mini-program; leave them out of the sizes.
  const files = walk(dist).filter((f) => !f.endsWith('.map'))
  checkRequires(files.filter((f) => f.endsWith('.js')))
  checkProjectConfig()
  checkConventions(app, subPackages.map((sub) => sub.root), [...app.pages, ...subPackages.flatMap((sub) => sub.pages.map((p) => posix.join(sub.root, p)))])
  const counts = checkWithWeChatTools(files)
  const icons = checkIconFont(root, dist, files.filter((f) => f.endsWith('.wxss')))
  problems.push(...icons.problems)

  const inSub = (f: string, subRoot: string) => rel(f).startsWith(subRoot.replace(/\/?$/, '/'))
  const subSizes = subPackages.map((sub) => ({ root: sub.root, bytes: size(files.filter((f) => inSub(f, sub.root))) }))
  const mainFiles = files.filter((f) => !subPackages.some((sub) => inSub(f, sub.root)))
  const mainBytes = size(mainFiles)
  const totalBytes = size(files)

  console.log(`页面：主包 ${app.pages.length} 个，分包 ${subPackages.map((s) => `${s.root} ${s.pages.length} 个`).join('，') || '无'}`)
  console.log(`组件配置检查：${seen.size} 个 json`)
  console.log(`微信编译器：wcc 编译 ${counts.wxml} 个 WXML（含 ${counts.wxs} 个 WXS 模块），wcsc 编译 ${counts.wxss} 个 WXSS`)
  if (icons.summary) console.log(icons.summary)
  console.log(`语法检查：${counts.js} 个 JS 按 ES2015、${counts.wxs} 个 WXS 按 ES5 解析`)
  console.log(`main package: ${formatKb(mainBytes)}${mainBytes > MAIN_BUDGET ? '  (超出 1.2 MB 预算)' : ''}`)
  for (const sub of subSizes) {
    console.log(`subpackage ${sub.root}: ${formatKb(sub.bytes)}`)
    if (sub.bytes > PACKAGE_LIMIT) problems.push(`分包 ${sub.root} 为 ${formatKb(sub.bytes)}，超过 2 MB 上限`)
  }
  console.log(`total: ${formatKb(totalBytes)}`)
  if (mainBytes > PACKAGE_LIMIT) problems.push(`主包 ${formatKb(mainBytes)}，超过 2 MB 上限`)
  if (totalBytes > TOTAL_LIMIT) problems.push(`整个小程序 ${formatKb(totalBytes)}，超过 20 MB 上限`)

  if (problems.length > 0) {
    console.error(`\n✗ ${problems.length} 个问题：`)
    for (const p of problems) console.error(`  - ${p}`)
    process.exit(1)
  }
  console.log('\n✓ weapp 输出完整')
}

main()
