import { createOrderIndex } from '../../../src/db/orders';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { runEpf } from './run-epf';

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('cli-bulk');
  await stack.startWorker();
});

afterAll(() => stack?.close());

/** Polls the orders index until the stack's cart has `count` orders in `status`. */
async function waitForIndex(status: 'on_hold' | 'cancelled', count: number): Promise<void> {
  const index = createOrderIndex(stack.pool);
  await pollUntil(async () => (await index.list({ cartId: stack.cartId, status })).length === count, {
    timeoutMs: 30_000,
    intervalMs: 250,
    describe: () => `${count} orders ${status}`,
  });
}

describe('epf orders cancel|retry without a ref', () => {
  it('counts in a dry run, then cancels every held order of a merchant, with a JSON summary', async () => {
    // No stock of TEE-S: both wait on hold.
    for (const n of [1, 2]) {
      const order = stack.orderFor({ lines: [{ lineId: `l${n}`, sku: 'TEE-S', quantity: 1 }] });
      expect((await stack.submit(order)).outcome).toBe('started');
    }
    await waitForIndex('on_hold', 2);
    const filter = ['--merchant', stack.merchantId, '--status', 'on_hold', '--since', '1h'];

    const dryRun = await runEpf(stack.taskQueue, ['orders', 'retry', ...filter, '--dry-run', '--json']);
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toEqual({
      dryRun: true,
      matched: 2,
      planned: 2,
      done: 0,
      skipped: 0,
      failed: [],
    });

    const cancelled = await runEpf(stack.taskQueue, ['orders', 'cancel', ...filter, '--reason', 'no stock', '--json']);
    expect(cancelled.code).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ matched: 2, done: 2, failed: [] });
    // The progress bar is on stderr, so stdout stays JSON.
    expect(cancelled.stderr).toContain('cancel orders: 2/2');
    await waitForIndex('cancelled', 2);
  });

  it('refuses a filter option beside a ref, which names one order', async () => {
    const run = await runEpf(stack.taskQueue, ['orders', 'retry', '#1001', '--status', 'error']);
    expect(run).toMatchObject({ code: 1, stderr: 'error: --status chooses orders by filter: leave out the ref\n' });
  });
});
