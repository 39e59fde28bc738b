import { TestWorkflowEnvironment, type ClientOptionsForTestEnv } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { createActivities } from '../../activities';
import { encryptingDataConverter } from '../../src/temporal/codec/data-converter';
import { createWorker } from '../../src/worker/create-worker';
import { testEnv } from '../setup/test-env-vars';
import { TEST_SECRET_KEY } from './database';

/**
 * What the worker and every client of the tests encode payloads with: the key derived from TEST_SECRET_KEY, as
 * production derives it from EPF_SECRET_KEY, so every test runs with encrypted history and agrees with the worker
 * and CLI processes the integration tests start with that key.
 */
export const testDataConverter = encryptingDataConverter({ EPF_SECRET_KEY: TEST_SECRET_KEY });
const client: ClientOptionsForTestEnv = { dataConverter: testDataConverter };

interface ExistingServerOptions {
  address: string;
  namespace: string;
  supportsTimeSkipping: boolean;
  server: { type: 'existing' };
  client: ClientOptionsForTestEnv;
}
// The SDK connects to an existing server only without time skipping (`createFromExistingServer`); its private
// `create` takes the flag. We start the time-skipping server once per run in the global setup and share it.
const createEnvironment = (
  TestWorkflowEnvironment as unknown as { create(o: ExistingServerOptions): Promise<TestWorkflowEnvironment> }
).create.bind(TestWorkflowEnvironment);

/** Connects to the run's time-skipping test server (workflow tests, `env.sleep('1 day')`). */
export function connectTimeSkipping(): Promise<TestWorkflowEnvironment> {
  return createEnvironment({
    address: testEnv('timeSkippingAddress'),
    namespace: 'default',
    supportsTimeSkipping: true,
    server: { type: 'existing' },
    client,
  });
}

/** Connects to the run's dev server (integration tests). */
export function connectDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: testEnv('devServerAddress'), client });
}

/** A task queue no other test file uses, so files can share one server. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** A worker on the run's prebuilt workflow bundle, with the activities the test chooses. */
export function createTestWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  activities: Partial<ReturnType<typeof createActivities>>,
): Promise<Worker> {
  return createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    dataConverter: testDataConverter,
    activities,
    workflowBundlePath: testEnv('workflowBundlePath'),
  });
}
