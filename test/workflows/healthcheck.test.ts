import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { createActivities } from '../../activities';
import { healthCheckWorkflow } from '../../workflows';
import { healthCheckWorkflowId } from '../../workflows/definitions';
import { connectTimeSkipping, createTestWorker, uniqueTaskQueue } from '../helpers/temporal';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectTimeSkipping();
});

afterAll(async () => {
  await env?.teardown();
});

describe('healthCheckWorkflow (time-skipping server)', () => {
  it('returns what the database activity reports', async () => {
    const taskQueue = uniqueTaskQueue('healthcheck');
    const activities = {
      checkDatabase: jest.fn(async () => ({ serverVersion: '18.0', appliedMigrations: 1 })),
    } satisfies Partial<ReturnType<typeof createActivities>>;
    const worker = await createTestWorker(env, taskQueue, activities);

    const result = await worker.runUntil(
      env.client.workflow.execute(healthCheckWorkflow, { taskQueue, workflowId: healthCheckWorkflowId(taskQueue) }),
    );

    expect(result).toEqual({ database: { serverVersion: '18.0', appliedMigrations: 1 } });
    expect(activities.checkDatabase).toHaveBeenCalledTimes(1);
  });

  it('retries a failing activity with backoff, then succeeds', async () => {
    const taskQueue = uniqueTaskQueue('healthcheck');
    let calls = 0;
    const activities = {
      checkDatabase: async () => {
        calls += 1;
        if (calls < 3) throw new Error('connection refused');
        return { serverVersion: '18.0', appliedMigrations: 1 };
      },
    };
    const worker = await createTestWorker(env, taskQueue, activities);

    await worker.runUntil(
      env.client.workflow.execute(healthCheckWorkflow, { taskQueue, workflowId: healthCheckWorkflowId(taskQueue) }),
    );

    expect(calls).toBe(3);
  });
});
