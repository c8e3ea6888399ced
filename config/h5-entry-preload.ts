/**
 * Taro's H5 router loads every page with `import()`, the entry page too: its chunks are asked for only after app.js
 * has downloaded and run — on a phone network one more round trip (0.56 s on Fast 3G) plus their own download, after
 * the app's. This plugin puts a small script at the top of index.html's <head> that preloads the entry page's scripts
 * and styles alongside app.js when the address is the entry page's, so they arrive together; the router's later
 * `import()` finds them in the memory cache. Any other address (a link into a feature page) preloads nothing.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Chunk, Compilation, Compiler } from 'webpack'

/** The entry page: app.config.ts `pages[0]`. */
const ENTRY_PAGE = 'pages/index/index'

/** The request Taro's H5 loader writes for a page's `import()`: the page path, without extension. */
export function isEntryPageRequest(request: string | undefined): boolean {
  return typeof request === 'string' && request.replace(/\\/g, '/').replace(/\.[jt]sx?$/, '').endsWith(`/${ENTRY_PAGE}`)
}

/** The files of the entry page's async chunks (not those index.html already loads), in load order. */
export function entryPageFiles(compilation: Compilation): string[] {
  const initial = new Set<Chunk>()
  for (const entry of compilation.entrypoints.values()) for (const chunk of entry.chunks) initial.add(chunk)
  const files: string[] = []
  for (const group of compilation.chunkGroups) {
    if (!group.origins.some((origin) => isEntryPageRequest(origin.request))) continue
    for (const chunk of group.chunks) {
      if (initial.has(chunk)) continue
      for (const file of chunk.files) if (/\.(js|css)$/.test(file) && !files.includes(file)) files.push(file)
    }
  }
  return files
}

/** The inline script: preload links for `files` when the page's path is the entry page's (`/` is the entry page). */
export function preloadScript(files: readonly string[], publicPath: string): string {
  const links = files.map((file) => [`${publicPath}${file}`, file.endsWith('.css') ? 'style' : 'script'])
  const entryPath = new RegExp(`^/(${ENTRY_PAGE.replace(/\//g, '\\/')}/?)?$`)
  return (
    `(function(p){if(!${entryPath.toString()}.test(p))return;` +
    `${JSON.stringify(links)}.forEach(function(f){var l=document.createElement("link");` +
    `l.rel="preload";l.href=f[0];l.as=f[1];document.head.appendChild(l)})})(location.pathname)`
  )
}

export class H5EntryPreloadPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('H5EntryPreloadPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('H5EntryPreloadPlugin', (data) => {
        const files = entryPageFiles(compilation)
        if (files.length === 0) {
          compilation.warnings.push(new compiler.webpack.WebpackError(`H5EntryPreloadPlugin: no chunk found for ${ENTRY_PAGE}`))
          return data
        }
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/'
        const script = HtmlWebpackPlugin.createHtmlTagObject('script', {}, preloadScript(files, publicPath === 'auto' ? '/' : publicPath))
        data.headTags.unshift(script)
        return data
      })
    })
  }
}
