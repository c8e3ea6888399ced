/**
 * Bundle the rules package: `shared-rules/src/cli.ts` → `shared-rules/dist/cli.js` (node, cjs,
 * executable) and `shared-rules/src/index.ts` → `shared-rules/dist/index.js` (cjs library).
 * First regenerates the index of the built-in scheme versions (scripts/scheme-index.ts).
 * Usage: `npm run build:rules` (runs as `pretest`). Takes well under a second.
 */
import { build, type BuildOptions } from 'esbuild'
import { chmodSync } from 'node:fs'
import path from 'node:path'
import { writeSchemeIndex } from './scheme-index'

const root = path.resolve(__dirname, '..')
const dist = path.join(root, 'shared-rules', 'dist')

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
}

export async function buildRules(): Promise<void> {
  const started = Date.now()
  const index = writeSchemeIndex()
  if (index.changed) process.stdout.write(`build:rules: ${path.relative(root, index.path)} regenerated (commit it)\n`)
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'shared-rules/src/cli.ts')], outfile: path.join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' }, minifySyntax: true }),
    build({ ...common, entryPoints: [path.join(root, 'shared-rules/src/index.ts')], outfile: path.join(dist, 'index.js') }),
  ])
  chmodSync(path.join(dist, 'cli.js'), 0o755)
  process.stdout.write(`build:rules ok (${Date.now() - started} ms) → shared-rules/dist/{cli,index}.js\n`)
}

if (require.main === module) {
  buildRules().catch((error: unknown) => {
    process.stderr.write(`build:rules failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
