import { SecretBox } from '../../../../src/crypto/secret-box';
import { createCartStore, type Cart } from '../../../../src/db/carts';
import { findExceptions } from '../../../../src/exceptions/find-exceptions';
import { DEMO_KEYS } from '../../../../src/simulators/easypost/demo';
import {
  startShopifySimulator,
  type RunningShopifySimulator,
  type ShopCredentials,
} from '../../../../src/simulators/shopify';
import { shopifyHmac } from '../../../../src/simulators/shopify/notifications';
import { reconcileSchedules } from '../../../../src/schedules/reconcile';
import { pullOrdersWorkflow } from '../../../../workflows';
import { pullScheduleId } from '../../../../workflows/definitions';
import { TEST_SECRET_KEY } from '../../../helpers/database';
import { BARCODES, startOrderStack, type OrderStack } from '../../../helpers/order-stack';
import { pollUntil } from '../../../helpers/poll';
import { shopifyCredentials } from '../../../helpers/shop-carts';
import { startApi, type RunningApi } from '../../api/harness';

// Issue 17 item 6, Shopify: the fulfillment service's callbacks run the cart's pull at once, through its schedule,
// so an order reaches EasyPost in seconds while the interval pull (an hour here) is only the safety net.
let stack: OrderStack;
let shopify: RunningShopifySimulator;
let api: RunningApi;
let cart: Cart;
let shop: ShopCredentials;
let shopId: string;
let clientSecret: string;

const callbackPath = (cartId: string) => `/webhooks/carts/${cartId}/shopify/fulfillment_order_notification`;

beforeAll(async () => {
  stack = await startOrderStack('shopcb');
  shopify = await startShopifySimulator();
  shop = shopify.control.createShop({ name: 'Callback shop' });
  shopId = shop.shop_id;
  clientSecret = shop.client_secret;
  cart = await createCartStore(stack.pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: `${stack.merchantId}-shop`,
    merchantId: stack.merchantId,
    type: 'shopify',
    name: 'Shopify',
    credentials: shopifyCredentials(shop),
    settings: { orderPullSeconds: 3600 },
  });
  const [warehouse] = await stack.easyPost().listWarehouses();
  stack.sim.control.setStock({
    api_key: DEMO_KEYS.test_key,
    barcode: BARCODES.socks,
    warehouse_id: warehouse!.id,
    quantity: 1_000,
  });
  api = await startApi({ pool: stack.pool, temporal: stack.env.client, taskQueue: stack.taskQueue });
  await stack.startWorker({ publicApiUrl: `${api.baseUrl}/` });
  await reconcileSchedules(stack.env.client, { carts: [cart], merchants: [] }, stack.taskQueue);
});

afterAll(async () => {
  if (stack) await reconcileSchedules(stack.env.client, { carts: [], merchants: [] }, stack.taskQueue);
  await Promise.all([api?.app.close(), shopify?.close()]);
  await stack?.close();
});

async function orderStatus(cartOrderId: string): Promise<string | undefined> {
  const { rows } = await stack.pool.query<{ status: string }>(
    'SELECT status FROM orders WHERE cart_id = $1 AND cart_order_id = $2',
    [cart.id, cartOrderId],
  );
  return rows[0]?.status;
}

/**
 * Waits until no pull of the cart runs, then into the next second. Temporal names a schedule's run
 * `<id>-<start time in whole seconds>`, so a buffered run that starts within the second of the run before it fails to
 * start ("already running") and the callback that asked for it waits for the interval pull; these tests measure a
 * callback, not that collision.
 */
async function settlePulls(): Promise<void> {
  const handle = stack.env.client.schedule.getHandle(pullScheduleId(cart.id));
  await pollUntil(async () => (await handle.describe()).info.runningActions.length === 0);
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 50));
}

async function post(cartId: string, body: string, signature: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-shopify-hmac-sha256'] = signature;
  const response = await fetch(`${api.baseUrl}${callbackPath(cartId)}`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('Shopify fulfillment-service callbacks', () => {
  it('are registered by a pull: the callback URL points at the cart and neither fetch callback is asked for', async () => {
    await stack.env.client.schedule.getHandle(pullScheduleId(cart.id)).trigger();
    const expected = `${api.baseUrl}/webhooks/carts/${cart.id}/shopify`;
    await pollUntil(() => shopify.control.fulfillmentServices(shopId)[0]?.callback_url === expected, {
      describe: () => JSON.stringify(shopify.control.fulfillmentServices(shopId)),
    });
    expect(shopify.control.fulfillmentServices(shopId)[0]).toMatchObject({
      tracking_support: false,
      inventory_management: false,
    });
    await settlePulls();
  });

  it('bring a new order to EasyPost within seconds, with the hourly pull far off', async () => {
    const started = Date.now();
    const fo = shopify.control.createOrder({ shop: shopId, order: { lines: [{ sku: 'SOCK-M', quantity: 1 }] } });
    await pollUntil(async () => (await orderStatus(fo.id)) === 'at_wms', {
      timeoutMs: 15_000,
      describe: () => JSON.stringify(shopify.control.notifications(shopId)),
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`Shopify callback → EasyPost: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(10);
    expect(shopify.control.notifications(shopId)).toContainEqual(
      expect.objectContaining({ kind: 'FULFILLMENT_REQUEST', status: 200 }),
    );
  });

  it('bring a cancellation request to the order workflow within seconds', async () => {
    const fo = shopify.control.createOrder({ shop: shopId, order: { lines: [{ sku: 'SOCK-M', quantity: 1 }] } });
    await pollUntil(async () => (await orderStatus(fo.id)) === 'at_wms', { timeoutMs: 15_000 });
    await pollUntil(
      () => shopify.control.fulfillmentOrders(shopId).find((f) => f.id === fo.id)?.request_status === 'ACCEPTED',
    );
    await settlePulls();
    shopify.control.cancelOrder(fo.order_id, { reason: 'customer changed their mind' });
    await pollUntil(async () => (await orderStatus(fo.id)) === 'cancelled', {
      timeoutMs: 15_000,
      describe: () => JSON.stringify(shopify.control.notifications(shopId)),
    });
    expect(shopify.control.notifications(shopId)).toContainEqual(
      expect.objectContaining({ kind: 'CANCELLATION_REQUEST', status: 200 }),
    );
  });

  it('are refused without the app secret signature, for an unknown cart or one without the secret, or with an odd body', async () => {
    const body = JSON.stringify({ kind: 'FULFILLMENT_REQUEST' });
    expect(await post(cart.id, body, shopifyHmac('another secret', body))).toMatchObject({ status: 401 });
    expect(await post(cart.id, body, null)).toMatchObject({ status: 401 });
    expect(await post(`${cart.id}-gone`, body, shopifyHmac(clientSecret, body))).toMatchObject({ status: 404 });
    // A cart added without credentials, or without the client secret, takes no callbacks.
    const carts = createCartStore(stack.pool, new SecretBox(TEST_SECRET_KEY));
    const bare = { merchantId: stack.merchantId, type: 'shopify', name: 'Shopify' };
    await carts.upsert({ ...bare, id: `${cart.id}-bare` });
    await carts.upsert({
      ...bare,
      id: `${cart.id}-nosecret`,
      credentials: { ...shopifyCredentials(shop), clientSecret: undefined },
    });
    expect(await post(`${cart.id}-bare`, body, shopifyHmac(clientSecret, body))).toMatchObject({ status: 401 });
    expect(await post(`${cart.id}-nosecret`, body, shopifyHmac(clientSecret, body))).toMatchObject({ status: 401 });
    const odd = JSON.stringify({ kind: 'SOMETHING_ELSE' });
    expect(await post(cart.id, odd, shopifyHmac(clientSecret, odd))).toMatchObject({
      status: 400,
      body: { field: 'kind' },
    });
    expect(await post(cart.id, body, shopifyHmac(clientSecret, body))).toMatchObject({
      status: 200,
      body: { triggered: true },
    });
  });

  it('never fail the pull when registering fails: it is a cart_webhook_failing exception until one succeeds', async () => {
    const failing = async () =>
      (await findExceptions(stack.pool))?.find((e) => e.kind === 'cart_webhook_failing' && e.cartId === cart.id);
    // The last test's signed callback started a pull: done first, none of its checks fails after the healing one.
    await settlePulls();
    const fault = shopify.control.addFault({ kind: 'server_error', operation: 'LocationFulfillmentService' });
    try {
      const totals = await stack.env.client.workflow.execute(pullOrdersWorkflow, {
        taskQueue: stack.taskQueue,
        workflowId: `${pullScheduleId(cart.id)}:failing-check:${Date.now()}`,
        args: [{ cartId: cart.id }],
      });
      expect(totals.pages).toBeGreaterThan(0);
      expect((await failing())?.fix).toContain(`epf schedules trigger ${pullScheduleId(cart.id)}`);
    } finally {
      shopify.control.removeFault(fault.id);
    }
    await stack.env.client.workflow.execute(pullOrdersWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `${pullScheduleId(cart.id)}:healed-check:${Date.now()}`,
      args: [{ cartId: cart.id }],
    });
    expect(await failing()).toBeUndefined();
  });
});
