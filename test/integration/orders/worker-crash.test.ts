import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../../src/net/free-port';
import { statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { TEST_SECRET_KEY } from '../../helpers/database';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { testEnv } from '../../setup/test-env-vars';
import { pollUntil } from '../../helpers/poll';

const ROOT = join(__dirname, '..', '..', '..');
let stack: OrderStack;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  stack = await startOrderStack('crash');
});

afterAll(async () => {
  for (const worker of workers) killGroup(worker);
  await stack?.close();
});

/** worker.ts as production runs it, on this file's task queue and simulator. */
async function startWorkerProcess(): Promise<ChildProcess> {
  const worker = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'worker.ts')], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: testEnv('databaseUrl'),
      TEMPORAL_ADDRESS: testEnv('devServerAddress'),
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      EPF_SECRET_KEY: TEST_SECRET_KEY,
      EASYPOST_BASE_URL: stack.sim.apiBaseUrl,
      WORKFLOW_BUNDLE_PATH: testEnv('workflowBundlePath'),
      WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    // Its own process group: tsx runs the worker in a child node process, and a SIGKILL must reach that one too.
    detached: true,
  });
  workers.push(worker);
  return worker;
}

/** SIGKILL to the worker and the node process under it: a crash, not a shutdown. */
function killGroup(worker: ChildProcess): void {
  try {
    process.kill(-worker.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('a worker killed while EasyPost commits an order but never answers', () => {
  it('leaves exactly one EasyPost order, adopted by the next worker', async () => {
    const order = stack.orderFor();
    const ours = () => stack.easyPostOrdersOf(order);
    stack.sim.control.addFault({ route: 'POST /orders', kind: 'commit_then_timeout', times: 1 });

    const first = await startWorkerProcess();
    await stack.submit(order);
    await pollUntil(() => ours().length === 1, { timeoutMs: 30_000, intervalMs: 100 }); // EasyPost has the order; the worker still waits for an answer
    killGroup(first);

    await startWorkerProcess();
    // The dead attempt times out (1 min), the retry finds the order by its marker instead of creating another.
    await waitForStatus(stack.handleOf(order), 'at_wms', 100_000);
    expect(ours()).toHaveLength(1);
    expect((await stack.handleOf(order).query(statusQuery)).easyPostOrderId).toBe(ours()[0]!.id);
  }, 150_000);
});
