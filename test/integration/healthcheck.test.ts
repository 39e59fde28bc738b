import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { createActivities } from '../../activities';
import { readMigrations } from '../../src/db/migrate';
import { customSearchAttributes } from '../../src/temporal/search-attributes';
import { healthCheckWorkflow } from '../../workflows';
import { healthCheckWorkflowId } from '../../workflows/definitions';
import { createTestPool, TEST_SECRET_KEY } from '../helpers/database';
import { connectDevServer, createTestWorker, uniqueTaskQueue } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let pool: Pool;

beforeAll(async () => {
  env = await connectDevServer();
  pool = createTestPool();
});

afterAll(async () => {
  await pool?.end();
  await env?.teardown();
});

describe('the dev server, the worker and PostgreSQL together', () => {
  it('runs the health check through real activities on the migrated database', async () => {
    const taskQueue = uniqueTaskQueue('healthcheck');
    const worker = await createTestWorker(
      env,
      taskQueue,
      createActivities({ pool, secretKey: TEST_SECRET_KEY, easyPostBaseUrl: 'http://127.0.0.1:1/' }),
    );

    const result = await worker.runUntil(
      env.client.workflow.execute(healthCheckWorkflow, { taskQueue, workflowId: healthCheckWorkflowId(taskQueue) }),
    );

    expect(result.database.appliedMigrations).toBe(readMigrations().length);
    expect(result.database.serverVersion).toMatch(/^\d+/);
  });

  it('has every custom search attribute registered', async () => {
    const { customAttributes } = await env.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    for (const { name } of customSearchAttributes) {
      expect(customAttributes).toHaveProperty(name);
    }
  });
});
