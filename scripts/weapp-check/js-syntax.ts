/**
 * The syntax level older WeChat runtimes accept. The build targets ES2015 (config/index.ts explains why); this parses
 * every output file at exactly that level, so `?.`, `??`, `??=`, async functions, object spread, `**`, class fields
 * or optional catch bindings anywhere in dist/weapp fail the check with a file and position.
 * WXS (WeChat's template script) is ES5 only.
 */
import { readFileSync } from 'node:fs'
import { parse, type Options } from 'acorn'

/** The ECMAScript edition the mini-program's JavaScript must parse as. */
export const WEAPP_JS_LEVEL = 2015 as const
/** WXS is its own ES5 subset. */
export const WXS_LEVEL = 5 as const

export interface SyntaxProblem {
  file: string
  message: string
}

/** The first syntax error at `ecmaVersion`, or null. Output files are scripts (WeChat wraps each in a function). */
export function syntaxError(source: string, ecmaVersion: 5 | 2015): string | null {
  const options: Options = { ecmaVersion, sourceType: 'script', allowReturnOutsideFunction: true, locations: true }
  try {
    parse(source, options)
    return null
  } catch (err) {
    const pos = (err as { pos?: number }).pos
    const near = typeof pos === 'number' ? ` 附近：${JSON.stringify(source.slice(Math.max(0, pos - 30), pos + 30))}` : ''
    return `${err instanceof Error ? err.message : String(err)}${near}`
  }
}

/** The newest edition that parses `source` (for the message: "needs ES2020"), or null if none up to 2022 does. */
function neededLevel(source: string): number | null {
  for (const level of [2016, 2017, 2018, 2019, 2020, 2021, 2022] as const) {
    try {
      parse(source, { ecmaVersion: level, sourceType: 'script', allowReturnOutsideFunction: true })
      return level
    } catch {
      // try the next edition
    }
  }
  return null
}

export function checkSyntax(files: Array<{ path: string; name: string }>): SyntaxProblem[] {
  const problems: SyntaxProblem[] = []
  for (const { path, name } of files) {
    const source = readFileSync(path, 'utf8')
    const level = name.endsWith('.wxs') ? WXS_LEVEL : WEAPP_JS_LEVEL
    const error = syntaxError(source, level)
    if (!error) continue
    const needs = neededLevel(source)
    problems.push({ file: name, message: `${error}${needs ? `：用到了 ES${needs} 的语法` : ''}，超出 ${level === WXS_LEVEL ? 'WXS 的 ES5' : 'ES2015'}` })
  }
  return problems
}
