/** Jest: rules, functions (against a per-suite emulator) and emulator contract tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: {
    '^@mutual-aid/shared-rules$': '<rootDir>/shared-rules/src/index.ts',
    '^@mutual-aid/shared-rules/(.*)$': '<rootDir>/shared-rules/src/$1',
    '^@mutual-aid/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@mutual-aid/contracts/(.*)$': '<rootDir>/contracts/src/$1',
    '^@cloud-shared/(.*)$': '<rootDir>/cloudfunctions/_shared/src/$1',
    // The app's alias, for tests of its hooks (platform files are mocked there: jest does not pick .h5/.weapp).
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  testTimeout: 60000,
  // Each run names its emulator data folders and removes them at the end (test/helpers/temp-dirs.ts).
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  // Deep property runs: FC_RUNS_SCALE and FC_SEED (test/helpers/fast-check-runs.ts); unset, today's counts.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/fast-check-setup.ts'],
}
