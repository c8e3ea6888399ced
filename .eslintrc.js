// ESLint 8 (eslintrc format) for the whole repo: TypeScript everywhere, React + hooks rules for the Taro app, and
// the direction of imports (README, Architecture): app and functions → contracts → shared-rules, never back.
const fs = require('node:fs')
const path = require('node:path')

const root = __dirname
const dirs = (dir) =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)

const functions = dirs('cloudfunctions').filter((name) => !name.startsWith('_'))
const features = dirs('src/features')

const BACK_TO_FRONT = '云函数不能依赖小程序代码：把共用的 schema、类型和标签放进 contracts/（@mutual-aid/contracts），规则放进 shared-rules/。'
const FUNCTION_TO_FUNCTION = '云函数之间不能互相引用源码：共用的服务端代码放进 cloudfunctions/_shared（@cloud-shared/*）。'

/** Zones of import/no-restricted-paths: who may not import from where (paths resolved, aliases included). */
const zones = [
  // (a) back end → front end, and between functions.
  ...functions.map((fn) => ({
    target: `./cloudfunctions/${fn}/src`,
    from: './cloudfunctions',
    except: [`./${fn}/src`, './_shared/src'],
    message: FUNCTION_TO_FUNCTION,
  })),
  { target: './cloudfunctions', from: './src', message: BACK_TO_FRONT },
  // … nor the app on the functions' code: what both sides need is the contract.
  { target: './src', from: './cloudfunctions', message: '小程序不能依赖云函数代码：两端共用的定义放进 contracts/（@mutual-aid/contracts）。' },
  { target: './cloudfunctions/_shared/src', from: './cloudfunctions', except: ['./_shared/src'], message: FUNCTION_TO_FUNCTION },
  // (b) a feature uses another feature only through that feature's public index.
  ...features.flatMap((feature) =>
    features
      .filter((other) => other !== feature)
      .map((other) => ({
        target: `./src/features/${feature}`,
        from: `./src/features/${other}`,
        except: ['./index.ts'],
        message: `功能模块 ${feature} 只能通过 src/features/${other}/index.ts 使用 ${other}，不能引用其内部文件。`,
      })),
  ),
  // (c) the rules depend on nothing of the project.
  ...['./src', './cloudfunctions', './contracts', './local-cloud', './scripts', './test'].map((from) => ({
    target: './shared-rules/src',
    from,
    message: 'shared-rules 是纯规则包：只能依赖它 package.json 声明的依赖，不能引用项目的其他部分。',
  })),
  // (d) the contract is shared by app and functions, so it depends on neither (nor on the emulator).
  ...['./src', './cloudfunctions', './local-cloud', './scripts', './test'].map((from) => ({
    target: './contracts/src',
    from,
    message: 'contracts 只能依赖 zod 和 @mutual-aid/shared-rules，不能引用小程序、云函数或本地模拟器。',
  })),
]

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: {
    ecmaVersion: 2022,
    sourceType: 'module',
    ecmaFeatures: { jsx: true },
  },
  env: { es2022: true, node: true },
  plugins: ['@typescript-eslint', 'import'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  settings: {
    react: { version: '18.3' },
    // Imports resolve through tsconfig.json (its `paths` aliases), so lint sees exactly the files tsc does; `.h5`
    // first, as tsconfig's moduleSuffixes, so a platform file (cloud.h5.ts beside cloud.weapp.ts) resolves too.
    'import/resolver': {
      typescript: { project: path.join(root, 'tsconfig.json'), extensions: ['.h5.ts', '.h5.tsx', '.ts', '.tsx', '.d.ts', '.js', '.json'] },
    },
  },
  ignorePatterns: ['node_modules/', 'dist/', '**/dist/', 'cloudfunctions/*/index.js', 'cloudfunctions/*/lib-*.js', 'test-results/', 'coverage/'],
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    // `require` only where it is deliberate (lazy-loading wx-server-sdk after pointing it at an endpoint).
    '@typescript-eslint/no-var-requires': 'off',
    '@typescript-eslint/no-require-imports': 'error',
    // Validators of paths and names match control characters on purpose.
    'no-control-regex': 'off',
    'no-console': 'off',
    eqeqeq: ['error', 'smart'],
    'import/no-restricted-paths': ['error', { zones }],
  },
  overrides: [
    {
      // (a) Literal `@/` never appears in the back end, even where it would not resolve.
      files: ['cloudfunctions/*/src/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: [{ group: ['@/*', '@/**'], message: BACK_TO_FRONT }] }],
      },
    },
    {
      // (c) shared-rules imports only what its own package.json declares.
      files: ['shared-rules/src/**/*.ts'],
      rules: { 'import/no-extraneous-dependencies': ['error', { packageDir: [path.join(root, 'shared-rules')], devDependencies: false }] },
    },
    {
      // (d) contracts imports only what its own package.json declares (zod; the rules package by alias).
      files: ['contracts/src/**/*.ts'],
      rules: { 'import/no-extraneous-dependencies': ['error', { packageDir: [path.join(root, 'contracts')], devDependencies: false }] },
    },
    {
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      env: { browser: true, node: false },
      plugins: ['react', 'react-hooks'],
      extends: ['plugin:react/recommended', 'plugin:react/jsx-runtime', 'plugin:react-hooks/recommended'],
      globals: {
        // Taro build-time globals (see types/global.d.ts)
        defineAppConfig: 'readonly',
        definePageConfig: 'readonly',
        process: 'readonly',
      },
      rules: {
        // Native mini-program components take WXML attribute names (class, current-status, …).
        'react/no-unknown-property': 'off',
        'react/prop-types': 'off',
      },
    },
    {
      files: ['test/**/*.ts'],
      env: { jest: true },
      // Tests load wx-server-sdk with require() after pointing process.env at an emulator, and read its untyped
      // answers.
      rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
    },
  ],
}
