/**
 * Bundles every cloud function (`cloudfunctions/<name>/src/index.ts`) into one `cloudfunctions/<name>/index.js`
 * with esbuild: shared-rules, the `_shared` server code and wx-server-sdk included, so the same file runs on
 * CloudBase and on the local emulator. Folders whose name starts with `_` are libraries, not functions.
 *
 * Usage: tsx scripts/build-functions.ts [name ...]
 */
import { build } from 'esbuild'
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
export const functionsDir = join(root, 'cloudfunctions')

/** Names of the deployable functions: folders with `src/index.ts`, not starting with `_`. */
export function listFunctions(dir = functionsDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(dir, d.name, 'src', 'index.ts')))
    .map((d) => d.name)
    .sort()
}

export async function buildFunctions(names = listFunctions()): Promise<void> {
  const started = Date.now()
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [join(functionsDir, name, 'src', 'index.ts')],
        outfile: join(functionsDir, name, 'index.js'),
        bundle: true,
        platform: 'node',
        // The runtime the deploy picks (scripts/deploy.ts RUNTIME: CloudBase's Node.js 24); the local cloud runs the
        // bundles on Node 24 too.
        target: 'node24',
        format: 'cjs',
        tsconfig: join(root, 'tsconfig.json'),
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  )
  console.log(`built ${names.length} cloud functions (${names.join(', ')}) in ${Date.now() - started} ms`)
}

if (require.main === module) {
  const names = process.argv.slice(2)
  buildFunctions(names.length ? names : undefined).catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
