/**
 * `tsx scripts/render-icon-font.ts [out.png] [name …]` — draws the outlined icon glyphs next to TDesign's SVGs so a
 * person can see that the font matches (not part of CI). Each row: the glyph from a font built now by the same
 * pipeline as `npm run build:weapp`, the glyph from the font embedded in dist/weapp (when built), and the SVG drawn
 * by the browser. Names default to the mini-program's subset plus a few the subset may lack (chevron-left,
 * error-circle-filled, loading). Runs Debian's Chromium through playwright-core on a page with no network.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { icons as tdesignIcons } from '@iconify-json/tdesign/icons.json'
import { chromium } from 'playwright-core'
import { iconFontNames } from './weapp-icon-font/icon-names'
import { ICON_WXSS, iconCodePoints } from './weapp-icon-font/icon-wxss'
import { makeFont, outlineIcons } from './weapp-icon-font/make-font'

const root = resolve(__dirname, '..')
const EXTRA = ['chevron-left', 'error-circle-filled', 'loading']

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? '/tmp/icon-font.png')
  const names = process.argv.length > 3 ? process.argv.slice(3) : [...new Set([...EXTRA, ...iconFontNames()])]
  const tdesignCss = readFileSync(join(root, 'node_modules', 'tdesign-miniprogram', 'miniprogram_dist', 'icon', 'icon.wxss'), 'utf8')
  const codePoints = iconCodePoints(tdesignCss)
  const built = await makeFont(await outlineIcons(names, codePoints))

  const distCss = join(root, 'dist', 'weapp', ICON_WXSS)
  const shipped = existsSync(distCss) ? /url\("?(data:font\/ttf;base64,[^")]+)"?\)/.exec(readFileSync(distCss, 'utf8'))?.[1] : undefined
  const set = tdesignIcons as Record<string, { body: string }>
  const cell = (name: string) => {
    const ch = `&#x${codePoints.get(name)?.toString(16)};`
    return `<div class="row"><span class="name">${name}</span><span class="g built">${ch}</span>${
      shipped ? `<span class="g shipped">${ch}</span>` : ''
    }<svg viewBox="0 0 24 24" width="64" height="64">${set[name].body}</svg></div>`
  }
  const html = `<!doctype html><meta charset="utf-8"><style>
    @font-face { font-family: built; src: url("data:font/ttf;base64,${built.toString('base64')}") format("truetype") }
    ${shipped ? `@font-face { font-family: shipped; src: url("${shipped}") format("truetype") }` : ''}
    body { margin: 12px; font: 14px sans-serif; color: #000; background: #fff; display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px 24px }
    .row { display: flex; align-items: center; gap: 8px } .name { width: 170px }
    .g { font-size: 64px; line-height: 1; width: 64px; height: 64px; display: block; outline: 1px solid #ddd }
    .built { font-family: built } .shipped { font-family: shipped; color: #0052d9 }
    svg { outline: 1px solid #ddd; color: #c00 }
  </style><div style="grid-column: 1 / -1">黑：现建字体 · ${shipped ? '蓝：dist/weapp 内嵌字体 · ' : ''}红：TDesign SVG</div>${names.map(cell).join('')}`

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 400 } })
    await page.route('**/*', (route) => route.abort()) // everything is inline: nothing may be fetched
    await page.setContent(html)
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    await page.screenshot({ path: out, fullPage: true })
  } finally {
    await browser.close()
  }
  console.log(`${names.length} 个图标 → ${out}${shipped ? '（含 dist/weapp 内嵌字体）' : '（dist/weapp 未构建，只画现建字体）'}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
