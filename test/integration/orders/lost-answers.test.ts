import { statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';

// EasyPost takes no idempotency key: a create whose answer is lost may commit late, or show in listings late. A retry
// that looks for it too soon finds nothing and creates it again. The send waits for the create to settle first.

const SETTLE_MS = 30_000;
let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('lost-answers', { createSettleMs: SETTLE_MS });
  await stack.startWorker();
});

afterEach(() => {
  stack.sim.control.clearFaults();
  stack.sim.control.configure({ visibility_delay_ms: 0 });
});

afterAll(async () => {
  await stack?.close();
});

/** Sends an order and checks EasyPost holds it once, counting after `quietUntilMs` has passed (a late commit). */
async function sendOnce(quietUntilMs: number): Promise<void> {
  const started = Date.now();
  const order = stack.orderFor();
  await stack.submit(order);
  const handle = stack.handleOf(order);
  await waitForStatus(handle, 'at_wms', SETTLE_MS + 45_000);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + quietUntilMs - Date.now())));
  const ours = stack.easyPostOrdersOf(order);
  expect(ours.map((o) => o.id)).toEqual([(await handle.query(statusQuery)).easyPostOrderId]);
}

describe('a create whose answer is lost', () => {
  it('commits after the client gave up (a slow commit): adopted once settled, one order at EasyPost', async () => {
    // Commits 25 s after the request, 5 s after the client's 20 s timeout: a retry 2 s later would find nothing.
    stack.sim.control.addFault({ route: 'POST /orders', kind: 'slow_commit', latency_ms: 25_000, times: 1 });
    await sendOnce(30_000);
  }, 120_000);

  it('shows in listings only later (delayed visibility): adopted once settled, one order at EasyPost', async () => {
    stack.sim.control.configure({ visibility_delay_ms: 26_000 });
    stack.sim.control.addFault({ route: 'POST /orders', kind: 'commit_then_timeout', times: 1 });
    await sendOnce(0);
  }, 120_000);
});
