/**
 * Puts src/polyfills.weapp.ts in front of everything else in the mini-program: it is bundled on its own (esbuild, ES2015,
 * minified) into dist/weapp/polyfills.js, and app.js starts with `require("./polyfills")`.
 *
 * Why not an import in app.tsx: app.js requires common.js and vendors.js before the app's own code runs, and the
 * helpers esbuild adds when it lowers object spread to ES2015 read `Object.getOwnPropertyDescriptors` (ES2017) as
 * those files load — on a runtime without it the app stops before anything could polyfill it.
 */
import path from 'node:path'
import { buildSync } from 'esbuild'
import type { Compiler } from 'webpack'

const ENTRY = path.resolve(__dirname, '..', 'src', 'polyfills.weapp.ts')
const NAME = 'polyfills.js'

export class WeappPolyfillsPlugin {
  constructor(private readonly target: string) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('WeappPolyfillsPlugin', (compilation) => {
      // After minification: the require must stay the first statement of app.js.
      compilation.hooks.processAssets.tap({ name: 'WeappPolyfillsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const app = compilation.getAsset('app.js')
        if (!app) return
        const built = buildSync({ entryPoints: [ENTRY], bundle: true, format: 'iife', target: this.target, minify: true, write: false, legalComments: 'none', platform: 'neutral', mainFields: ['main'] })
        compilation.emitAsset(NAME, new sources.RawSource(built.outputFiles[0].text))
        compilation.updateAsset('app.js', (source) => new sources.ConcatSource(`require("./${NAME.replace(/\.js$/, '')}");\n`, source))
        compilation.fileDependencies.add(ENTRY)
      })
    })
  }
}
