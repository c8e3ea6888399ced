/**
 * check:weapp's icon font checks: no WXSS in dist/weapp loads a font from a host (a phone on a flaky or filtered
 * network would show empty boxes), and every icon name the mini-program can show (scripts/weapp-icon-font/
 * shipped-icons.ts) has a class in the icon component's WXSS and a drawn glyph at that code point in the embedded font.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseFont, type Font } from 'opentype.js'
import { iconFontNames } from '../weapp-icon-font/icon-names'
import { ICON_WXSS, iconCodePoints, remoteFontUrls } from '../weapp-icon-font/icon-wxss'
import { findShippedIcons } from '../weapp-icon-font/shipped-icons'

export interface IconFontReport {
  problems: string[]
  /** Glyph count and font size, for the summary line; empty when no icon component is shipped. */
  summary: string
}

export function checkIconFont(root: string, dist: string, wxssFiles: readonly string[]): IconFontReport {
  const problems: string[] = []
  for (const file of wxssFiles) {
    for (const url of remoteFontUrls(readFileSync(file, 'utf8'))) problems.push(`${relative(dist, file)}: @font-face 从外部地址加载字体 ${url.slice(0, 80)}（小程序应内嵌字体）`)
  }
  const iconWxss = join(dist, ICON_WXSS)
  if (!existsSync(iconWxss)) return { problems, summary: '' }

  const css = readFileSync(iconWxss, 'utf8')
  const dataUri = /url\(\s*["']?data:font\/ttf;base64,([A-Za-z0-9+/=]+)["']?\s*\)/.exec(css)?.[1]
  if (!dataUri) return { problems: [...problems, `${ICON_WXSS}: 没有内嵌的 TrueType 图标字体（data:font/ttf;base64）`], summary: '' }
  const ttf = Buffer.from(dataUri, 'base64')
  let font: Font
  try {
    font = parseFont(ttf.buffer.slice(ttf.byteOffset, ttf.byteOffset + ttf.byteLength))
  } catch (error) {
    return { problems: [...problems, `${ICON_WXSS}: 内嵌图标字体无法解析：${String(error)}`], summary: '' }
  }
  const codePoints = iconCodePoints(css)
  const listed = new Set(iconFontNames())
  const shipped = findShippedIcons(root, dist)
  problems.push(...shipped.unresolved)
  const wanted = new Map<string, string>([...listed].map((name) => [name, 'icon-names.ts']))
  for (const [name, where] of shipped.names) {
    if (!listed.has(name)) problems.push(`图标 ${name}（${where}）不在 scripts/weapp-icon-font/icon-names.ts 的清单里，图标字体没有它`)
    if (!wanted.has(name)) wanted.set(name, where)
  }
  for (const [name, where] of wanted) {
    const codePoint = codePoints.get(name)
    if (codePoint === undefined) {
      problems.push(`图标 ${name}（${where}）在 ${ICON_WXSS} 里没有 .t-icon-${name} 样式`)
      continue
    }
    const glyph = font.charToGlyph(String.fromCodePoint(codePoint))
    if (glyph.index === 0 || glyph.path.commands.length === 0) problems.push(`图标 ${name}（${where}）在内嵌字体的 U+${codePoint.toString(16).toUpperCase()} 没有字形`)
  }
  return { problems, summary: `图标字体：内嵌 ${(ttf.length / 1024).toFixed(1)} KB，清单 ${listed.size} 个图标，构建里用到 ${shipped.names.size} 个` }
}
