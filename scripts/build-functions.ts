/**
 * Bundles every cloud function (`cloudfunctions/<name>/src/index.ts`) into one `cloudfunctions/<name>/index.js`
 * with esbuild: shared-rules, the `_shared` server code and wx-server-sdk included, so the same file runs on
 * CloudBase and on the local emulator. Folders whose name starts with `_` are libraries, not functions.
 *
 * Usage: tsx scripts/build-functions.ts [name ...]
 */
import { build, type Plugin } from 'esbuild'
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

/**
 * Libraries a function loads only in some actions (`await import(pkg)` or a `require` inside a function), built as
 * their own file beside the bundle — `<name>/lib-<pkg>.js`, uploaded with it — so that starting the function does not
 * parse them. The roster and settlements functions read and write spreadsheets with exceljs only when importing a file
 * or building the template; a plain list must start as fast as any other function (issue 12: cold start no worse than
 * wx-server-sdk alone). pinyin-pro (a third of a megabyte of dictionary) is needed only where a name's sort key is
 * computed (`_shared/src/name-key.ts`: adding people, declaring them, searching a list by name).
 */
export const SPLIT_LIBRARIES: Record<string, string[]> = {
  roster: ['exceljs', 'pinyin-pro'],
  settlements: ['exceljs'],
  enrolment: ['pinyin-pro'],
  claims: ['pinyin-pro'],
}

const splitFile = (pkg: string) => `lib-${pkg.replace(/[^a-z0-9]+/gi, '-')}.js`

/** Resolves each split library to its file beside the bundle, left for Node to load at run time. */
function splitPlugin(libraries: string[]): Plugin {
  return {
    name: 'split-libraries',
    setup(b) {
      for (const pkg of libraries) {
        b.onResolve({ filter: new RegExp(`^${pkg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }, () => ({ path: `./${splitFile(pkg)}`, external: true }))
      }
    },
  }
}

export async function buildFunctions(names = listFunctions()): Promise<void> {
  const started = Date.now()
  const libraries = names.flatMap((name) => (SPLIT_LIBRARIES[name] ?? []).map((pkg) => ({ name, pkg })))
  await Promise.all([
    ...libraries.map(({ name, pkg }) =>
      build({
        stdin: { contents: `module.exports = require(${JSON.stringify(pkg)})`, resolveDir: root, loader: 'js' },
        outfile: join(functionsDir, name, splitFile(pkg)),
        bundle: true,
        platform: 'node',
        target: 'node24',
        format: 'cjs',
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
    ...names.map((name) =>
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
        plugins: SPLIT_LIBRARIES[name] ? [splitPlugin(SPLIT_LIBRARIES[name])] : [],
      }),
    ),
  ])
  console.log(`built ${names.length} cloud functions (${names.join(', ')}) in ${Date.now() - started} ms`)
}

if (require.main === module) {
  const names = process.argv.slice(2)
  buildFunctions(names.length ? names : undefined).catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
