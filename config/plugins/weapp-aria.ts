/**
 * Lets `aria-role` / `aria-label` reach the mini-program's WXML, so `buttonA11y` and `Photo`'s name work on weapp as
 * they do on H5 (WeChat's screen reader reads them; see src/components/a11y-attributes.ts for why Taro dropped them).
 * Taro's own way to extend a component (what @tarojs/plugin-inject does, which has no release for Taro 4.2): when the
 * platform is set up, merge the attributes into its templates and add a runtime module that merges the same table
 * into the runtime. `npm run check:weapp` compiles the resulting base.wxml with WeChat's wcc.
 */
import { join } from 'node:path'
import type { IPluginContext } from '@tarojs/service'
import { WEAPP_ARIA_ATTRIBUTES } from '../../src/components/a11y-attributes'

/** The parts of Taro's mini-program platform (TaroPlatformBase) this plugin changes. */
interface MiniPlatform {
  template?: { mergeComponents(ctx: IPluginContext, patch: Record<string, Record<string, string>>): void }
  runtimePath: string | string[]
}

const RUNTIME = join(__dirname, '..', '..', 'src', 'components', 'a11y-runtime.weapp.ts')

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: MiniPlatform) {
      if (process.env.TARO_ENV !== 'weapp' || !platform.template) return
      platform.template.mergeComponents(ctx, WEAPP_ARIA_ATTRIBUTES)
      platform.runtimePath = [...[platform.runtimePath].flat(), RUNTIME]
    },
  })
}
