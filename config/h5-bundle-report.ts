/**
 * `H5_BUNDLE_REPORT=1 npm run build:h5`: what the H5 sign-in page downloads before it can show anything — the
 * initial chunks (index.html's scripts and styles) and the async chunks of the entry page — with each chunk's
 * largest packages and modules, written to dist/h5-bundle-report.txt. The first-paint bench measures the time;
 * this says where the bytes come from.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Chunk, Compilation, Compiler, Module } from 'webpack'
import { isEntryPageRequest } from './h5-entry-preload'

const TOP = 25

/** `node_modules/<pkg>` (scoped too), or the project folder a module comes from. */
function ownerOf(resource: string, root: string): string {
  const nm = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(resource)
  if (nm) return nm[1].replace(/\\/g, '/')
  return path.relative(root, resource).split(path.sep).slice(0, 3).join('/')
}

function resourceOf(module: Module): string {
  const m = module as Module & { resource?: string; rootModule?: Module; modules?: Module[] }
  return m.resource ?? m.rootModule?.nameForCondition() ?? module.identifier()
}

function describeChunk(compilation: Compilation, chunk: Chunk, root: string): string[] {
  const byOwner = new Map<string, number>()
  const byModule: [string, number][] = []
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
    // A concatenated module holds several source modules: count each under its own package.
    const inner = (module as Module & { modules?: Module[] }).modules ?? [module]
    for (const m of inner) {
      const size = m.size()
      const resource = resourceOf(m)
      byOwner.set(ownerOf(resource, root), (byOwner.get(ownerOf(resource, root)) ?? 0) + size)
      byModule.push([path.relative(root, resource), size])
    }
  }
  const files = [...chunk.files].map((file) => {
    const asset = compilation.getAsset(file)
    return `${file} ${asset ? Math.round(asset.source.size() / 1024) : '?'} KB`
  })
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  return [
    `chunk ${chunk.name ?? chunk.id}: ${files.join(', ')}`,
    '  by package (source size before minifying):',
    ...[...byOwner].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([owner, size]) => `    ${kb(size).padStart(10)}  ${owner}`),
    '  largest modules:',
    ...byModule.sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([name, size]) => `    ${kb(size).padStart(10)}  ${name}`),
  ]
}

export class H5BundleReportPlugin {
  apply(compiler: Compiler): void {
    const root = compiler.context
    compiler.hooks.afterEmit.tap('H5BundleReportPlugin', (compilation) => {
      const lines: string[] = ['# What the H5 sign-in page loads', '', '## Initial chunks (index.html)']
      const initial = new Set<Chunk>()
      for (const entry of compilation.entrypoints.values()) for (const chunk of entry.chunks) initial.add(chunk)
      for (const chunk of initial) lines.push(...describeChunk(compilation, chunk, root))
      lines.push('', '## Async chunks of the entry page (pages/index/index)')
      for (const group of compilation.chunkGroups) {
        if (!group.origins.some((o) => isEntryPageRequest(o.request))) continue
        for (const chunk of group.chunks) if (!initial.has(chunk)) lines.push(...describeChunk(compilation, chunk, root))
      }
      const out = path.join(compilation.outputOptions.path ?? root, '..', 'h5-bundle-report.txt')
      writeFileSync(out, `${lines.join('\n')}\n`)
      console.log(`H5 bundle report: ${out}`)
    })
  }
}
