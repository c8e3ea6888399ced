/**
 * Every `var(--ma-…)` the app's styles use is one app.scss declares. A misspelt one (`--ma-text-sm`) silently took its
 * fallback: the settlements page's column list came out at 14 design px, 7 px on a phone.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '../../src')

function declared(): Set<string> {
  const scss = readFileSync(path.join(SRC, 'app.scss'), 'utf8')
  return new Set([...scss.matchAll(/^\s*(--ma-[a-z-]+)\s*:/gm)].map((m) => m[1]))
}

function uses(): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = []
  for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(scss|tsx|ts)$/.test(file)) continue
    const text = readFileSync(path.join(SRC, file), 'utf8')
    for (const m of text.matchAll(/var\((--ma-[a-z-]+)/g)) found.push({ file, name: m[1] })
  }
  return found
}

describe('the app’s style variables', () => {
  it('are all declared in app.scss', () => {
    const names = declared()
    const used = uses()
    expect(used.length).toBeGreaterThan(50)
    expect(used.filter((u) => !names.has(u.name))).toEqual([])
  })
})
