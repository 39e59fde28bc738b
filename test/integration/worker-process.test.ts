import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SecretBox } from '../../src/crypto/secret-box';
import { createMerchantStore } from '../../src/db/merchants';
import { freePort } from '../../src/net/free-port';
import { startEasyPostSimulator } from '../../src/simulators/easypost';
import { DEMO_KEYS, seedEasyPostDemo } from '../../src/simulators/easypost/demo';
import { healthCheckWorkflow, inventoryPickupWorkflow } from '../../workflows';
import { healthCheckWorkflowId, inventoryPickupScheduleId } from '../../workflows/definitions';
import { testEnv } from '../setup/test-env-vars';
import { createTestPool } from '../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../helpers/temporal';
import { pollUntil } from '../helpers/poll';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

function startWorker(env: NodeJS.ProcessEnv): Run {
  const child = spawn(TSX, [join(ROOT, 'worker.ts')], { env: { PATH: process.env.PATH, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return {
    output: () => output,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
  };
}

const validEnv = () => ({
  DATABASE_URL: testEnv('databaseUrl'),
  TEMPORAL_ADDRESS: testEnv('devServerAddress'),
  EPF_SECRET_KEY: 'ab'.repeat(32),
  WORKFLOW_BUNDLE_PATH: testEnv('workflowBundlePath'),
});

describe('worker.ts as a process', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await connectDevServer();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('serves workflows, then drains and exits 0 on SIGTERM', async () => {
    const taskQueue = uniqueTaskQueue('worker-process');
    const worker = startWorker({ ...validEnv(), TEMPORAL_TASK_QUEUE: taskQueue });
    await pollUntil(() => worker.output().includes('Worker started'), { timeoutMs: 30_000, intervalMs: 100 });

    const result = await env.client.workflow.execute(healthCheckWorkflow, {
      taskQueue,
      workflowId: healthCheckWorkflowId(taskQueue),
    });
    expect(result.database.appliedMigrations).toBeGreaterThan(0);

    worker.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('Worker stopped');
  });

  it("exports the SDK's metrics and epf's: EasyPost requests by outcome and their latency", async () => {
    const sim = await startEasyPostSimulator({ rateLimitPerSecond: null });
    const pool = createTestPool();
    const taskQueue = uniqueTaskQueue('worker-metrics');
    const merchantId = `metrics-${Date.now()}`;
    const metricsAddress = `127.0.0.1:${await freePort()}`;
    const worker = startWorker({
      ...validEnv(),
      TEMPORAL_TASK_QUEUE: taskQueue,
      EASYPOST_BASE_URL: sim.apiBaseUrl,
      WORKER_METRICS_ADDRESS: metricsAddress,
    });
    try {
      seedEasyPostDemo(sim.control);
      await createMerchantStore(pool, new SecretBox(validEnv().EPF_SECRET_KEY)).upsert({
        id: merchantId,
        name: 'Metrics',
        mode: 'test',
        testKey: DEMO_KEYS.test_key,
      });
      await pollUntil(() => worker.output().includes('Worker started'), { timeoutMs: 30_000, intervalMs: 100 });
      await env.client.workflow.execute(inventoryPickupWorkflow, {
        taskQueue,
        workflowId: inventoryPickupScheduleId(merchantId),
        args: [{ merchantId }],
      });

      const metrics = await (await fetch(`http://${metricsAddress}/metrics`)).text();
      expect(metrics).toMatch(/^temporal_activity_execution_latency/m);
      expect(metrics).toMatch(/^epf_external_requests\{[^}]*outcome="2xx"[^}]*service="easypost"[^}]*\} \d+/m);
      expect(metrics).toMatch(/^epf_external_request_latency_bucket\{[^}]*service="easypost"/m);
    } finally {
      worker.kill('SIGTERM');
      await worker.exited;
      await Promise.all([pool.end(), sim.close()]);
    }
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: undefined }, 'Invalid configuration: DATABASE_URL is required'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }, 'Invalid configuration: DATABASE_URL must be a postgres:// URL'],
    [
      'TEMPORAL_ADDRESS',
      { TEMPORAL_ADDRESS: 'localhost' },
      'Invalid configuration: TEMPORAL_ADDRESS must be host:port',
    ],
    [
      'DATABASE_URL',
      { DATABASE_URL: 'postgres://127.0.0.1:1/epf' },
      'Cannot reach PostgreSQL at 127.0.0.1:1 (check DATABASE_URL)',
    ],
    [
      'TEMPORAL_ADDRESS',
      { TEMPORAL_ADDRESS: '127.0.0.1:1' },
      'Cannot reach Temporal at 127.0.0.1:1 (check TEMPORAL_ADDRESS)',
    ],
  ])('a bad %s stops it with one line naming it', async (_name, override, message) => {
    const worker = startWorker({ ...validEnv(), ...override });
    expect(await worker.exited).toBe(1);
    const lines = worker.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });
});
