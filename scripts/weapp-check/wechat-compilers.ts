/**
 * WeChat's own template and style compilers, `wcc` (WXML) and `wcsc` (WXSS), as shipped for Linux in the npm package
 * `miniprogram-compiler` — the same compilers WeChat DevTools runs before it packs a mini-program. A file they reject
 * is a file WeChat rejects (e.g. wcsc refuses the universal selector `*` and `> :first-child`).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'

const BIN = join(dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux')
/** The compilers print the whole compiled program on stdout: base.wxml alone compiles to several MB. */
const MAX_OUTPUT = 256 * 1024 * 1024

export interface CompileProblem {
  file: string
  message: string
}

function binary(name: 'wcc' | 'wcsc'): string {
  if (process.platform !== 'linux') throw new Error(`${name}: this check runs WeChat's Linux compilers (platform is ${process.platform})`)
  const path = join(BIN, name)
  // npm unpacks the binaries without the executable bit.
  chmodSync(path, 0o755)
  return path
}

function toPosix(root: string, file: string): string {
  return relative(root, file).split('\\').join('/')
}

/** The custom components each WXML file may use (`usingComponents` of its JSON, plus app.json's global ones). */
function componentArgs(root: string, wxmlFiles: string[]): string {
  const appJson = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { usingComponents?: Record<string, string> }
  const global = Object.keys(appJson.usingComponents ?? {})
  const entries: string[][] = []
  for (const file of wxmlFiles) {
    const jsonPath = join(root, file.replace(/\.wxml$/, '.json'))
    if (!existsSync(jsonPath)) continue
    const own = Object.keys((JSON.parse(readFileSync(jsonPath, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {})
    const names = [...new Set([...own, ...global])]
    entries.push([file, String(names.length), ...names])
  }
  return [String(entries.length), ...entries.flat()].join(' ')
}

/**
 * Compiles every WXML (with the WXS modules they import) in one wcc run, as DevTools does: templates import each
 * other (pages import base.wxml), so wcc needs the whole set. Returns the problems (empty when wcc accepts all).
 */
export function compileWxml(root: string, wxmlFiles: string[], wxsFiles: string[]): CompileProblem[] {
  const files = wxmlFiles.map((f) => toPosix(root, f))
  const wxs = wxsFiles.map((f) => toPosix(root, f))
  const res = spawnSync(binary('wcc'), ['-d', '-cc', componentArgs(root, files), ...files, ...wxs, '-gn', '$gwx'], {
    cwd: root,
    maxBuffer: MAX_OUTPUT,
  })
  if (res.error) throw res.error
  if (res.status === 0) return []
  const stderr = res.stderr.toString().trim()
  return [{ file: /^(?:ERR: )?([^\s:(]+\.wxml)/m.exec(stderr)?.[1] ?? '(wcc)', message: stderr }]
}

const IMPORT = /@import\s+(?:url\()?\s*["']([^"']+)["']/g

/** A stylesheet and every stylesheet it imports, transitively (wcsc resolves imports only among the files it is given). */
function importClosure(root: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const source = readFileSync(join(root, file), 'utf8')
  for (const match of source.matchAll(IMPORT)) {
    const target = match[1].startsWith('/') ? match[1].slice(1) : posix.join(posix.dirname(file), match[1])
    if (existsSync(join(root, target))) importClosure(root, target, seen)
  }
  return [...seen]
}

/** Compiles each WXSS on its own (with its imports), so every rejected file is named, not just the first. */
export function compileWxss(root: string, wxssFiles: string[]): CompileProblem[] {
  const wcsc = binary('wcsc')
  const problems: CompileProblem[] = []
  const listed = new Set(wxssFiles.map((f) => toPosix(root, f)))
  for (const abs of wxssFiles) {
    const file = toPosix(root, abs)
    const res = spawnSync(wcsc, ['-db', ...importClosure(root, file)], { cwd: root, maxBuffer: MAX_OUTPUT })
    if (res.error) throw res.error
    if (res.status === 0) continue
    const message = res.stderr.toString().replace(/\n*error file count: \d+\s*$/, '').trim()
    // An error inside an imported stylesheet is reported once, by that stylesheet's own run.
    const culprit = /^ERR: ([^\s(]+\.wxss)\(/m.exec(message)?.[1]
    if (culprit && culprit !== file && listed.has(culprit)) continue
    problems.push({ file, message })
  }
  return problems
}
