import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { createActivities } from '../../activities';
import { createWorker } from '../../src/worker/create-worker';
import { testEnv } from '../setup/test-env-vars';

interface ExistingServerOptions {
  address: string;
  namespace: string;
  supportsTimeSkipping: boolean;
  server: { type: 'existing' };
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
  });
}

/** Connects to the run's dev server (integration tests). */
export function connectDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: testEnv('devServerAddress') });
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
    activities,
    workflowBundlePath: testEnv('workflowBundlePath'),
  });
}
