// ESLint 8 (eslintrc format) for the whole repo: TypeScript everywhere, React + hooks rules for the Taro app.
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: {
    ecmaVersion: 2022,
    sourceType: 'module',
    ecmaFeatures: { jsx: true },
  },
  env: { es2022: true, node: true },
  plugins: ['@typescript-eslint'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  settings: { react: { version: '18.3' } },
  ignorePatterns: ['node_modules/', 'dist/', '**/dist/', 'cloudfunctions/*/index.js', 'test-results/', 'coverage/'],
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
  },
  overrides: [
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
