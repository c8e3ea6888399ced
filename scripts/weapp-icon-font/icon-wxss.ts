/**
 * Reads and rewrites tdesign-miniprogram's icon component WXSS (`.t-icon-<name>:before { content: '\e0xx' }` per icon,
 * and an `@font-face { font-family: t }` whose sources are on TDesign's CDN).
 */
import postcss, { type Root } from 'postcss'

/** Where Taro puts the icon component's style in dist/weapp. */
export const ICON_WXSS = 'npm/tdesign-miniprogram/miniprogram_dist/icon/icon.wxss'

const ICON_RULE = /^\.t-icon-([a-z0-9-]+):{1,2}before$/

/** The code point of every icon class in the WXSS. */
export function iconCodePoints(css: string): Map<string, number> {
  const out = new Map<string, number>()
  postcss.parse(css).walkRules((rule) => {
    const name = ICON_RULE.exec(rule.selector)?.[1]
    if (!name) return
    rule.walkDecls('content', (decl) => {
      const hex = /^['"]\\([0-9a-fA-F]{1,6})['"]$/.exec(decl.value.trim())?.[1]
      if (hex) out.set(name, parseInt(hex, 16))
    })
  })
  return out
}

/** The `src` values of every @font-face in a style sheet. */
export function fontFaceSources(root: Root): string[] {
  const out: string[] = []
  root.walkAtRules('font-face', (at) => at.walkDecls('src', (decl) => void out.push(decl.value)))
  return out
}

/** The font-face sources that are fetched from a host: anything but a data: URI. */
export function remoteFontUrls(css: string): string[] {
  return fontFaceSources(postcss.parse(css)).flatMap((src) =>
    [...src.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]).filter((url) => !url.startsWith('data:')),
  )
}

/**
 * The icon WXSS with the `t` font embedded as a data URI (WXSS cannot load a font file from the package; a data URI
 * or an https URL are what it accepts) and only the classes of the icons the font has.
 */
export function embedIconFont(css: string, names: readonly string[], ttf: Buffer): string {
  const root = postcss.parse(css)
  const keep = new Set(names)
  let faces = 0
  root.walkAtRules('font-face', (at) => {
    let family = ''
    at.walkDecls('font-family', (decl) => void (family = decl.value.replace(/['"]/g, '').trim()))
    if (family !== 't') return
    faces += 1
    at.walkDecls('src', (decl) => void decl.remove())
    at.append({ prop: 'src', value: `url("data:font/ttf;base64,${ttf.toString('base64')}") format("truetype")` })
  })
  if (faces !== 1) throw new Error(`图标样式里应有 1 个 font-family: t 的 @font-face，实际 ${faces} 个`)
  root.walkRules((rule) => {
    const name = ICON_RULE.exec(rule.selector)?.[1]
    if (name && !keep.has(name)) rule.remove()
  })
  return root.toString()
}
