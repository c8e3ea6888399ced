/**
 * Finds the icon names the mini-program can show, from the sources of what dist/weapp ships (see icon-names.ts for
 * the method): the app's `IconName` union and literal icon attributes on TDesign elements in the weapp sources, and,
 * for each TDesign component Taro copied into dist/weapp, the names its WXML and JS give t-icon. Expressions that
 * build a name at run time cannot be read off; each must be acknowledged in DYNAMIC_ICONS with the names it makes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { DYNAMIC_ICONS } from './icon-names'

export interface ShippedIcons {
  /** name → where it was found (first place). */
  names: Map<string, string>
  /** Expressions that make names the scan cannot read and DYNAMIC_ICONS does not acknowledge. */
  unresolved: string[]
}

const TDESIGN_DIST = join('npm', 'tdesign-miniprogram', 'miniprogram_dist')
const squash = (s: string) => s.replace(/\s+/g, '')

export function findShippedIcons(root: string, dist: string): ShippedIcons {
  const names = new Map<string, string>()
  const unresolved: string[] = []
  const add = (name: string, where: string) => {
    if (name && !names.has(name)) names.set(name, where)
  }
  const acknowledged = (component: string, expression: string) => {
    const entry = DYNAMIC_ICONS.find((d) => d.component === component && squash(d.expression) === squash(expression))
    if (entry) for (const name of entry.names) add(name, `${component}: ${expression}`)
    else unresolved.push(`${component}: 运行时拼出的图标名「${expression}」不在 icon-names.ts 的 DYNAMIC_ICONS 里`)
  }
  scanApp(root, add, unresolved)
  scanTdesign(root, dist, add, acknowledged)
  return { names, unresolved }
}

/** The `IconName` union, and literal icon attributes on t-* elements in the sources the weapp build compiles. */
function scanApp(root: string, add: (name: string, where: string) => void, unresolved: string[]): void {
  const typesFile = join(root, 'src', 'components', 'ui', 'display.types.ts')
  const types = ts.createSourceFile(typesFile, readFileSync(typesFile, 'utf8'), ts.ScriptTarget.Latest, true)
  let found = false
  types.forEachChild((node) => {
    if (!ts.isTypeAliasDeclaration(node) || node.name.text !== 'IconName' || !ts.isUnionTypeNode(node.type)) return
    found = true
    for (const member of node.type.types) {
      if (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)) add(member.literal.text, 'IconName')
    }
  })
  if (!found) unresolved.push('src/components/ui/display.types.ts 里找不到 IconName 联合类型')

  for (const file of walk(join(root, 'src')).filter((f) => /\.tsx$/.test(f) && !/\.h5\.tsx$/.test(f))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
    const visit = (node: ts.Node) => {
      if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText().startsWith('t-')) {
        const tag = node.tagName.getText()
        for (const attr of node.attributes.properties) {
          if (!ts.isJsxAttribute(attr)) continue
          const name = attr.name.getText()
          const isIcon = tag === 't-icon' ? name === 'name' : /icon$/i.test(name.replace(/-/g, ''))
          if (!isIcon || !attr.initializer) continue
          const where = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(attr.getStart()).line + 1}`
          if (ts.isStringLiteral(attr.initializer)) add(attr.initializer.text, where)
          // <t-icon name={…}> is the kit's <Icon>, whose prop is an IconName (read above); anything else is unknown.
          else if (tag !== 't-icon') unresolved.push(`${where}: <${tag} ${name}={…}> 的图标名不是字面量，无法确认字体里有它`)
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
}

/** For each TDesign component in dist/weapp: its t-icon names in WXML, and icon defaults in JS. */
function scanTdesign(
  root: string,
  dist: string,
  add: (name: string, where: string) => void,
  acknowledged: (component: string, expression: string) => void,
): void {
  const shipped = join(dist, TDESIGN_DIST)
  if (!existsSync(shipped)) return
  const sourceRoot = join(root, 'node_modules', 'tdesign-miniprogram', 'miniprogram_dist')
  for (const component of readdirSync(shipped)) {
    const dir = join(sourceRoot, component)
    if (component === 'common' || !existsSync(dir) || !statSync(dir).isDirectory()) continue
    for (const file of readdirSync(dir).map((f) => join(dir, f))) {
      const text = readFileSync(file, 'utf8')
      const where = `tdesign ${relative(sourceRoot, file)}`
      if (file.endsWith('.wxml')) {
        for (const m of text.matchAll(/<t-icon\b[^>]*?\sname="([^"]*)"/g)) {
          const value = m[1]
          const expression = /^\{\{(.*)\}\}$/s.exec(value.trim())?.[1]
          if (expression === undefined) add(value, where)
          else if (expression.includes('+')) acknowledged(component, expression.trim())
          // A literal compared with (`icon == 'circle'`) is a property value, not a name the icon shows.
          else for (const lit of expression.replace(/[!=]==?\s*'[^']*'/g, '').matchAll(/'([a-z0-9-]+)'/g)) add(lit[1], where)
        }
        for (const m of text.matchAll(/<template is="icon" data="\{\{([^"]*)\}\}"/g)) {
          for (const lit of m[1].matchAll(/\bname:\s*'([a-z0-9-]+)'/g)) add(lit[1], where)
        }
      }
      if (file.endsWith('.js')) {
        for (const m of text.matchAll(/calcIcon\(([^()]*(?:\([^()]*\))?[^()]*)\)/g)) {
          const args = m[1].split(',')
          if (args.length < 2) continue // no default: the value comes from a property
          const fallback = args.slice(1).join(',').trim()
          const literal = /^["']([a-z0-9-]*)["']$/.exec(fallback)
          if (literal) add(literal[1], where)
          else acknowledged(component, m[0])
        }
        for (const m of text.matchAll(/setIcon\(\s*["'][^"']*["']\s*,\s*[\w$.]+\s*,\s*["']([a-z0-9-]+)["']\s*\)/g)) add(m[1], where)
        for (const m of text.matchAll(/\b\w+Icon:\{type:\w+,value:["']([a-z0-9-]+)["']\}/g)) add(m[1], where)
      }
    }
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = join(dir, entry.name)
    return entry.isDirectory() ? walk(p) : [p]
  })
}
