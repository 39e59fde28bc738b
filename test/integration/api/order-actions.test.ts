import type { CartOrder } from '../../../src/domain/order';
import type { OrderStatus } from '../../../src/domain/order-status';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { startApi, type RunningApi } from './harness';
import { orderWorkflowId } from '../../../workflows/definitions';

let stack: OrderStack;
let api: RunningApi;

beforeAll(async () => {
  stack = await startOrderStack('api-orders');
  await stack.startWorker();
  api = await startApi({ pool: stack.pool, temporal: stack.env.client, taskQueue: stack.taskQueue });
});

afterAll(async () => {
  await api?.app.close();
  await stack?.close();
});

const orderUrl = (order: CartOrder, action = '') =>
  `/orders/${encodeURIComponent(order.cartOrderNumber)}${action}?cart=${stack.cartId}`;

/** Polls GET /orders/:ref until the workflow's live status is `status`. */
async function waitForLiveStatus(order: CartOrder, status: OrderStatus): Promise<void> {
  let seen: unknown;
  await pollUntil(
    async () => {
      const answer = await api.call('GET', orderUrl(order));
      seen = answer.body?.live?.status ?? answer.body;
      return seen === status;
    },
    { timeoutMs: 20_000, intervalMs: 200, describe: () => `live status ${JSON.stringify(seen)}, expected ${status}` },
  );
}

describe('orders over the API', () => {
  it('submits an order once, then names the existing workflow', async () => {
    const order = stack.orderFor();
    const first = await api.call('POST', '/orders', { body: order });
    expect(first).toEqual({ status: 201, body: { workflowId: orderWorkflowId(stack.cartId, order.cartOrderId) } });
    const again = await api.call('POST', '/orders', { body: order });
    expect(again).toEqual({ status: 200, body: { workflowId: first.body.workflowId, duplicate: expect.any(String) } });

    await waitForLiveStatus(order, 'at_wms');
    const shown = await api.call('GET', orderUrl(order));
    expect(shown.body).toMatchObject({
      order: { cartOrderId: order.cartOrderId, workflowId: first.body.workflowId },
      live: { status: 'at_wms', easyPostOrderId: expect.any(String) },
      trackingPushes: [],
    });
  });

  it('refuses an order for a cart that does not exist, naming the field', async () => {
    const answer = await api.call('POST', '/orders', { body: stack.orderFor({ cartId: 'no-such-cart' }) });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([{ field: 'cartId', message: expect.stringContaining('unknown cart') }]);
  });

  it('retries a held order and cancels it', async () => {
    const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] });
    expect((await api.call('POST', '/orders', { body: order })).status).toBe(201);
    await waitForLiveStatus(order, 'on_hold');
    const holds = (await api.call('GET', orderUrl(order))).body.live.holdCount;

    const retry = await api.call('POST', orderUrl(order, '/retry'));
    expect(retry).toEqual({ status: 202, body: { workflowId: expect.any(String), requested: 'retry' } });
    // Still no stock: the resend puts it on hold once more.
    await pollUntil(async () => (await api.call('GET', orderUrl(order))).body.live.holdCount > holds, {
      timeoutMs: 20_000,
    });

    const cancel = await api.call('POST', orderUrl(order, '/cancel'), { body: { reason: 'customer asked' } });
    expect(cancel.status).toBe(202);
    await waitForLiveStatus(order, 'cancelled');
    expect((await api.call('GET', orderUrl(order))).body.live.cancelReason).toBe('customer asked');
  });

  it('fixes an order in error, and the workflow refuses a fix in another state', async () => {
    const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'NO-SUCH-SKU', quantity: 1 }] });
    expect((await api.call('POST', '/orders', { body: order })).status).toBe(201);
    await waitForLiveStatus(order, 'error');
    const fixed = await api.call('POST', orderUrl(order, '/fix'), { body: { skus: { l1: 'SOCK-M' } } });
    expect(fixed).toEqual({ status: 200, body: { workflowId: expect.any(String), status: expect.any(String) } });
    await waitForLiveStatus(order, 'at_wms');

    const refused = await api.call('POST', orderUrl(order, '/fix'), { body: { note: 'too late' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain('refused');
  });

  it('answers 404 for an unknown ref', async () => {
    const answer = await api.call('GET', '/orders/no-such-order');
    expect(answer).toEqual({ status: 404, body: { error: 'no order matches no-such-order' } });
  });
});
