import { createCartStore } from '../../../src/db/carts';
import { createOrderIndex } from '../../../src/db/orders';
import type { CartOrder } from '../../../src/domain/order';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { startApi, type RunningApi } from './harness';
import { orderWorkflowId } from '../../../workflows/definitions';

let stack: OrderStack;
let api: RunningApi;

beforeAll(async () => {
  stack = await startOrderStack('api-bulk');
  await stack.startWorker();
  api = await startApi({ pool: stack.pool, temporal: stack.env.client, taskQueue: stack.taskQueue });
});

afterAll(async () => {
  await api?.app.close();
  await stack?.close();
});

/** Polls the orders index until `orders` all have `status` there (the workflow records each transition). */
async function waitForIndexStatus(orders: CartOrder[], status: string): Promise<void> {
  const ids = new Set(orders.map((order) => order.cartOrderId));
  await pollUntil(
    async () => {
      const { body } = await api.call('GET', `/orders?cart=${stack.cartId}&status=${status}`);
      return body.orders.filter((row: { cartOrderId: string }) => ids.has(row.cartOrderId)).length === ids.size;
    },
    { timeoutMs: 30_000, intervalMs: 250, describe: () => `${ids.size} orders ${status} in the index` },
  );
}

describe('bulk order actions over the API', () => {
  it('retries, then cancels, every held order of a cart; a dry run only counts', async () => {
    // No stock of TEE-S: both wait on hold. SOCK-M is in stock: at_wms, which neither action applies to.
    const held = [1, 2].map(() => stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] }));
    const sent = stack.orderFor();
    for (const order of [...held, sent]) expect((await api.call('POST', '/orders', { body: order })).status).toBe(201);
    await waitForIndexStatus(held, 'on_hold');
    await waitForIndexStatus([sent], 'at_wms');

    const dryRun = await api.call('POST', '/orders/bulk/retry', { body: { cart: stack.cartId, dryRun: true } });
    expect(dryRun).toEqual({
      status: 200,
      body: { dryRun: true, matched: 3, planned: 2, done: 0, skipped: 1, failed: [] },
    });

    const holds = async () => {
      const rows = (await createOrderIndex(stack.pool).list({ cartId: stack.cartId, status: 'on_hold' })).filter(
        (row) => held.some((order) => order.cartOrderId === row.cart_order_id),
      );
      return rows.reduce((sum, row) => sum + row.hold_count, 0);
    };
    const before = await holds();
    const retried = await api.call('POST', '/orders/bulk/retry', { body: { cart: stack.cartId, status: 'on_hold' } });
    expect(retried.body).toEqual({ dryRun: false, matched: 2, planned: 2, done: 2, skipped: 0, failed: [] });
    // Still no stock: each resend holds its order once more.
    await pollUntil(async () => (await holds()) >= before + 2, {
      timeoutMs: 30_000,
      describe: () => 'both held again',
    });

    const cancelled = await api.call('POST', '/orders/bulk/cancel', {
      body: { merchant: stack.merchantId, status: 'on_hold', reason: 'stock will not come' },
    });
    expect(cancelled.body).toMatchObject({ matched: 2, planned: 2, done: 2, failed: [] });
    await waitForIndexStatus(held, 'cancelled');
  });

  it('refuses a bulk action without a filter, and a cancel without a reason, naming the field', async () => {
    const unfiltered = await api.call('POST', '/orders/bulk/retry', { body: {} });
    expect(unfiltered).toEqual({
      status: 400,
      body: { error: 'give at least one filter: status, merchant, cart or since' },
    });
    const noReason = await api.call('POST', '/orders/bulk/cancel', { body: { status: 'on_hold' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toEqual([{ field: 'reason', message: expect.any(String) }]);
  });
});

describe('GET /orders a page at a time', () => {
  it('reads every order once through nextCursor, rows updated in the same instant too', async () => {
    const cartId = `${stack.cartId}-paged`;
    await createCartStore(stack.pool).upsert({
      id: cartId,
      merchantId: stack.merchantId,
      type: 'manual',
      name: 'Paged',
    });
    // One transaction: all five rows share updated_at to the microsecond, so only the key orders them.
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    await createOrderIndex(stack.pool).recordTransitions(
      ids.map((id) => ({
        cartId,
        cartOrderId: id,
        cartOrderNumber: `#${id}`,
        merchantId: stack.merchantId,
        workflowId: orderWorkflowId(cartId, id),
        status: 'received',
        holdCount: 0,
        summary: 'paged',
        actor: 'workflow',
      })),
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `/orders?cart=${cartId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await api.call('GET', query);
      expect(status).toBe(200);
      seen.push(...body.orders.map((row: { cartOrderId: string }) => row.cartOrderId));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('refuses a cursor it did not answer, naming it', async () => {
    const answer = await api.call('GET', '/orders?cursor=not-a-cursor');
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([{ field: 'cursor', message: expect.stringContaining('nextCursor') }]);
  });
});
