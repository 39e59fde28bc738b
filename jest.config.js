// Four projects (unit, workflows, integration, fuzz) in one `jest` run, sharing one Temporal server of each kind, the
// dev server and the time-skipping one, and one fresh database (all started in test/setup/global-setup.ts).
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const common = { transform, testEnvironment: 'node', setupFiles: ['<rootDir>/test/setup/quiet-runtime.ts'] };

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // The global setup bundles workflow code and starts servers; cold runs on 2 cores need the headroom.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'workflows',
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts'],
      // Time skipping is global to the test server: files sharing it must not skip each other's clocks.
      runner: '<rootDir>/test/setup/serial-runner.js',
    },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    // Property-based fuzzing of the boundaries taking outside data: 200 cases each here, FUZZ_RUNS in npm run fuzz.
    {
      ...common,
      displayName: 'fuzz',
      testMatch: ['<rootDir>/test/fuzz/**/*.test.ts'],
      setupFiles: [...common.setupFiles, '<rootDir>/test/fuzz/quiet-logs.ts'],
    },
  ],
};
