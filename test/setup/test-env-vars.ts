/** How the global setup hands its servers to test files (Jest workers inherit the parent's environment). */
export const TEST_ENV = {
  databaseUrl: 'EPF_TEST_DATABASE_URL',
  adminDatabaseUrl: 'EPF_TEST_ADMIN_DATABASE_URL',
  devServerAddress: 'EPF_TEST_TEMPORAL_ADDRESS',
  devServerUiUrl: 'EPF_TEST_TEMPORAL_UI_URL',
  timeSkippingAddress: 'EPF_TEST_TIME_SKIPPING_ADDRESS',
  workflowBundlePath: 'EPF_TEST_WORKFLOW_BUNDLE',
} as const;

/** Reads a value the global setup exported, failing loudly when a test runs without it. */
export function testEnv(key: keyof typeof TEST_ENV): string {
  const value = process.env[TEST_ENV[key]];
  if (!value) throw new Error(`${TEST_ENV[key]} is not set: run the tests through jest's global setup (npm test)`);
  return value;
}
