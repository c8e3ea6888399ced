/**
 * tdesign-miniprogram's icon component loads its font `t` from TDesign's CDN, so on a flaky or filtered network
 * 返回/关闭/✓ show as empty boxes. Before Taro writes dist/weapp, this swaps that WXSS for one with a subset font
 * embedded as a data URI (scripts/build-icon-font.ts; the names are in scripts/weapp-icon-font/icon-names.ts).
 * The font is built in a child process: its tools are ES modules and a wasm geometry library, which Taro's plugin
 * loader does not need to know about. `npm run check:weapp` fails if a font URL or a missing glyph remains.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { IPluginContext } from '@tarojs/service'
import { sources } from 'webpack'

/** Where Taro puts the icon component's style (the same constant as scripts/weapp-icon-font/icon-wxss.ts). */
const ICON_WXSS = 'npm/tdesign-miniprogram/miniprogram_dist/icon/icon.wxss'
const SCRIPT = resolve(__dirname, '..', '..', 'scripts', 'build-icon-font.ts')

/** Watch rebuilds hand in the same WXSS again: build its font once. */
const built = new Map<string, string>()

async function withEmbeddedFont(css: string): Promise<string> {
  const key = createHash('sha256').update(css).digest('hex')
  const cached = built.get(key)
  if (cached !== undefined) return cached
  const dir = mkdtempSync(join(tmpdir(), 'icon-font-'))
  try {
    const file = join(dir, 'icon.wxss')
    writeFileSync(file, css)
    const { stdout } = await promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), SCRIPT, file])
    process.stdout.write(stdout)
    const out = readFileSync(file, 'utf8')
    built.set(key, out)
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export default (ctx: IPluginContext) => {
  ctx.modifyBuildAssets(async ({ assets }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    const asset = assets[ICON_WXSS]
    if (!asset) {
      // A watch rebuild that did not touch the component leaves dist's embedded copy as it is.
      const watching = Boolean((ctx.runOpts as { options?: { isWatch?: boolean } } | undefined)?.options?.isWatch)
      if (watching) return
      throw new Error(`构建产物里没有 ${ICON_WXSS}：无法内嵌图标字体`)
    }
    assets[ICON_WXSS] = new sources.RawSource(await withEmbeddedFont(String(asset.source())))
  })
}
