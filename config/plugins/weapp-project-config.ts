/**
 * Taro copies the repository's project.config.json into dist/weapp (with `miniprogramRoot: './'`) so WeChat DevTools
 * can open the build folder on its own. The copy keeps `cloudfunctionRoot: 'cloudfunctions/'`, a folder that does not
 * exist under dist/weapp; DevTools then shows an empty cloud-functions tree. Functions are deployed by
 * `npm run deploy` (or from DevTools with the repository root opened, whose project.config.json names both roots), so
 * the build folder's copy drops the key.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IPluginContext } from '@tarojs/service'

export default (ctx: IPluginContext) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const file = join(ctx.paths.outputPath, 'project.config.json')
    if (!existsSync(file)) return
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    if (!('cloudfunctionRoot' in config)) return
    delete config.cloudfunctionRoot
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`)
  })
}
