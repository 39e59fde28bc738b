import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../src/api/app';
import { databaseLimits } from '../../../src/config/database';
import { createPool } from '../../../src/db/pool';
import type { CartOrder } from '../../../src/domain/order';
import { webhookSignature, type Order } from '../../../src/simulators/easypost';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { statusQuery } from '../../../workflows/definitions';
import { createMarkedOrder } from '../../helpers/marked-order';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { testEnv } from '../../setup/test-env-vars';
import { waitForStatus } from '../../workflows/order-fakes';

// The ligature "ﬁ" becomes "fi" under NFKD: signing with either spelling must verify (docs/easypost-api.md §9).
const SECRET = 'whsec-ﬁ-0123456789abcdef';
const TOKEN = 'test-token-'.padEnd(40, 'x');
let stack: OrderStack;
let app: FastifyInstance;
let unconfigured: FastifyInstance;
let webhookUrl: string;
let unconfiguredUrl: string;

beforeAll(async () => {
  stack = await startOrderStack('webhooks');
  const { pool, sim, env, taskQueue } = stack;
  await stack.startWorker();
  app = buildApi({ pool, temporal: env.client, apiToken: TOKEN, taskQueue, easyPostWebhookSecret: SECRET });
  unconfigured = buildApi({ pool, temporal: env.client, apiToken: TOKEN, taskQueue });
  webhookUrl = `${await app.listen({ host: '127.0.0.1', port: 0 })}/webhooks/easypost`;
  unconfiguredUrl = `${await unconfigured.listen({ host: '127.0.0.1', port: 0 })}/webhooks/easypost`;
  // The simulator's own sender: every order event of this file's orders reaches the route, signed.
  sim.control.configure({ webhook: { url: webhookUrl, secret: SECRET } });
});

afterAll(async () => {
  await Promise.all([app?.close(), unconfigured?.close()]);
  await stack?.close();
});

const simOrder = (id: string): Order => stack.sim.control.orders(DEMO_KEYS.test_key).find((order) => order.id === id)!;

function orderEvent(result: unknown, description = 'fulfillment.order.updated'): string {
  const now = new Date().toISOString();
  return JSON.stringify({ id: 'evt_test', object: 'Event', mode: 'test', description, created_at: now, result });
}

async function post(body: string, signature: string | null = webhookSignature(SECRET, body), url = webhookUrl) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hmac-signature'] = signature;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** An order of this stack sent to the simulator and waiting there, with its EasyPost order ID. */
async function orderAtWms(): Promise<{ order: CartOrder; easyPostOrderId: string }> {
  const order = stack.orderFor();
  await stack.submit(order);
  await waitForStatus(stack.handleOf(order), 'at_wms');
  return { order, easyPostOrderId: (await stack.handleOf(order).query(statusQuery)).easyPostOrderId! };
}

/** Ships the order at the simulator without its own webhook delivery: the test posts the event itself. */
function shipQuietly(easyPostOrderId: string): Order {
  stack.sim.control.configure({ webhook: null });
  try {
    return stack.sim.control.advanceOrder(easyPostOrderId, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
  } finally {
    stack.sim.control.configure({ webhook: { url: webhookUrl, secret: SECRET } });
  }
}

async function trackingPushes(order: CartOrder): Promise<number> {
  const { rowCount } = await stack.pool.query('SELECT 1 FROM tracking_pushes WHERE cart_order_id = $1', [
    order.cartOrderId,
  ]);
  return rowCount ?? 0;
}

describe('POST /webhooks/easypost', () => {
  it("confirms an order from the simulator's signed webhooks alone", async () => {
    const { order, easyPostOrderId } = await orderAtWms();
    stack.sim.control.advanceOrder(easyPostOrderId, { api_key: DEMO_KEYS.test_key, to: 'shipped' });

    expect((await stack.handleOf(order).result()).status).toBe('confirmed');
    expect(await trackingPushes(order)).toBe(1);
    const deliveries = stack.sim.control.webhookDeliveries().filter((d) => d.order_id === easyPostOrderId);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((delivery) => delivery.delivered && delivery.attempts === 1)).toBe(true);
  });

  it('pushes tracking once when the same event arrives twice', async () => {
    const { order, easyPostOrderId } = await orderAtWms();
    stack.sim.control.configure({ webhook: null });
    try {
      stack.sim.control.advanceOrder(easyPostOrderId, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
    } finally {
      stack.sim.control.configure({ webhook: { url: webhookUrl, secret: SECRET } });
    }
    const body = orderEvent(simOrder(easyPostOrderId));
    const [first, second] = await Promise.all([post(body), post(body)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toEqual({ signalled: 1 });

    expect((await stack.handleOf(order).result()).status).toBe('confirmed');
    expect(await trackingPushes(order)).toBe(1);
    // Once the workflow has finished, a late copy is acknowledged and ignored.
    expect(await post(body)).toEqual({ status: 200, body: { ignored: 'workflow closed' } });
  });

  it('accepts a signature made with the NFKD form of the secret', async () => {
    const body = orderEvent({}, 'fulfillment.order.refunded');
    const response = await post(body, webhookSignature(SECRET.replace('ﬁ', 'fi'), body));
    expect(response).toEqual({ status: 200, body: { ignored: 'event fulfillment.order.refunded' } });
  });

  it('acknowledges and ignores an order epf does not know', async () => {
    const { easyPostOrderId } = await orderAtWms();
    const shipped = stack.sim.control.advanceOrder(easyPostOrderId, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
    const stranger = { ...shipped, id: 'order_0123456789abcdef0123456789abcdef', description: 'another integration' };
    expect(await post(orderEvent(stranger))).toEqual({ status: 200, body: { ignored: 'unknown order' } });
  });

  // Issue 15, item 5: the order reached EasyPost before its workflow recorded the EasyPost ID (a send that timed out
  // after EasyPost committed). The route answered 200 and dropped the shipment.
  it('signals the workflow its marker names when the index does not know the EasyPost ID', async () => {
    const { order, easyPostOrderId } = await orderAtWms();
    await stack.pool.query('UPDATE orders SET easypost_order_id = NULL WHERE cart_id = $1 AND cart_order_id = $2', [
      order.cartId,
      order.cartOrderId,
    ]);
    const shipped = shipQuietly(easyPostOrderId);
    expect(await post(orderEvent(shipped))).toEqual({ status: 200, body: { signalled: 1 } });
    expect((await stack.handleOf(order).result()).status).toBe('confirmed');
  });

  it('keeps a shipment no running workflow takes before answering 200, and never signals another order', async () => {
    const marked = await createMarkedOrder(stack.easyPost(), stack.orderFor());
    const answer = await post(orderEvent(shipQuietly(marked.id)));
    expect(answer).toEqual({ status: 200, body: { kept: expect.stringMatching(/not running/) } });

    // A second EasyPost order carrying a marker whose order already has its own: a duplicate, kept, not signalled.
    const { order, easyPostOrderId } = await orderAtWms();
    const duplicate = { ...shipQuietly(easyPostOrderId), id: 'order_fedcba9876543210fedcba9876543210' };
    expect(await post(orderEvent(duplicate))).toEqual({
      status: 200,
      body: { kept: expect.stringMatching(/duplicate at the warehouse/) },
    });
    const { rows } = await stack.pool.query<{ easypost_order_id: string; merchant_id: string }>(
      'SELECT easypost_order_id, merchant_id FROM kept_shipments WHERE easypost_order_id = ANY($1) ORDER BY first_kept_at',
      [[marked.id, duplicate.id]],
    );
    expect(rows).toEqual([
      { easypost_order_id: marked.id, merchant_id: stack.merchantId },
      { easypost_order_id: duplicate.id, merchant_id: stack.merchantId },
    ]);
    expect((await stack.handleOf(order).query(statusQuery)).status).toBe('at_wms');
  });

  it('answers 500 when it can neither signal nor keep the shipment, so EasyPost retries', async () => {
    const marked = await createMarkedOrder(stack.easyPost(), stack.orderFor());
    const body = orderEvent(shipQuietly(marked.id));
    expect((await post(body)).status).toBe(200);
    // An API whose database waits are short, and a lock on the kept row: keeping it again cannot finish in time.
    const quickPool = createPool(testEnv('databaseUrl'), 2, { ...databaseLimits({}), statementTimeoutMs: 300 });
    const quick = buildApi({
      pool: quickPool,
      temporal: stack.env.client,
      apiToken: TOKEN,
      taskQueue: stack.taskQueue,
      easyPostWebhookSecret: SECRET,
    });
    const quickUrl = `${await quick.listen({ host: '127.0.0.1', port: 0 })}/webhooks/easypost`;
    const locker = await stack.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM kept_shipments WHERE easypost_order_id = $1 FOR UPDATE', [marked.id]);
      expect((await post(body, webhookSignature(SECRET, body), quickUrl)).status).toBe(500);
      await locker.query('ROLLBACK');
      expect(await post(body, webhookSignature(SECRET, body), quickUrl)).toEqual({
        status: 200,
        body: { kept: expect.any(String) },
      });
    } finally {
      locker.release();
      await quick.close();
      await quickPool.end();
    }
  });

  it.each([
    [
      'a tampered body',
      (body: string) => post(body.replace('"mode":"test"', '"mode":"production"'), webhookSignature(SECRET, body)),
    ],
    ['no signature header', (body: string) => post(body, null)],
    ['a malformed signature header', (body: string) => post(body, webhookSignature(SECRET, body).replace('hex=', ''))],
    ['a signature made with another secret', (body: string) => post(body, webhookSignature('other', body))],
  ])('refuses %s with 401', async (_case, send) => {
    const response = await send(orderEvent({}));
    expect(response).toEqual({ status: 401, body: { error: 'invalid signature' } });
  });

  it('names the field of a signed event that does not match the schema', async () => {
    const response = await post(orderEvent({ id: 'order_x', created_at: 1, updated_at: 1 }));
    expect(response).toEqual({ status: 400, body: { error: expect.any(String), field: 'result.status' } });
  });

  it('answers 404 when no secret is configured', async () => {
    const body = orderEvent({});
    expect(await post(body, webhookSignature(SECRET, body), unconfiguredUrl)).toEqual({
      status: 404,
      body: { error: 'EasyPost webhooks are not configured' },
    });
  });
});
