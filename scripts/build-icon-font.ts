/**
 * `tsx scripts/build-icon-font.ts [icon.wxss]` — makes tdesign-miniprogram's icon component independent of TDesign's
 * CDN: builds the subset icon font (the names in scripts/weapp-icon-font/icon-names.ts, strokes outlined) and writes
 * it into the given icon WXSS as a data URI, keeping only those icons' classes. Without an argument it rewrites
 * dist/weapp's copy. `npm run build:weapp` runs it on the build's asset (config/plugins/weapp-icon-font.ts).
 * To look at the glyphs: `tsx scripts/render-icon-font.ts /tmp/icon-font.png` draws them beside TDesign's SVGs.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { iconFontNames } from './weapp-icon-font/icon-names'
import { embedIconFont, ICON_WXSS, iconCodePoints } from './weapp-icon-font/icon-wxss'
import { makeFont, outlineIcons } from './weapp-icon-font/make-font'

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? join(__dirname, '..', 'dist', 'weapp', ICON_WXSS))
  const css = readFileSync(file, 'utf8')
  const names = iconFontNames()
  const glyphs = await outlineIcons(names, iconCodePoints(css))
  const ttf = await makeFont(glyphs)
  const out = embedIconFont(css, names, ttf)
  writeFileSync(file, out)
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  console.log(`图标字体：${glyphs.length} 个图标，TTF ${kb(ttf.length)}，图标样式 ${kb(Buffer.byteLength(css))} → ${kb(Buffer.byteLength(out))}`)
}

main().catch((error: unknown) => {
  console.error(`✗ 图标字体生成失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
