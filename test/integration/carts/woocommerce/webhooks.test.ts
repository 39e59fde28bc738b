import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../../src/api/app';
import { SecretBox } from '../../../../src/crypto/secret-box';
import { createCartStore } from '../../../../src/db/carts';
import { findExceptions } from '../../../../src/exceptions/find-exceptions';
import { triggerCartPull } from '../../../../src/operations/cart-pull-trigger';
import { reconcileSchedules } from '../../../../src/schedules/reconcile';
import {
  startWooCommerceSimulator,
  webhookSignature,
  type RunningWooCommerceSimulator,
  type SiteKeys,
} from '../../../../src/simulators/woocommerce';
import { pullOrdersWorkflow } from '../../../../workflows';
import { pullScheduleId } from '../../../../workflows/definitions';
import { TEST_SECRET_KEY } from '../../../helpers/database';
import { startOrderStack, type OrderStack } from '../../../helpers/order-stack';
import { pollUntil } from '../../../helpers/poll';
import { addShopCarts } from '../../../helpers/shop-carts';

// Issue 17, item 6: with PUBLIC_API_URL set, a WooCommerce order reaches EasyPost within seconds through the cart's
// webhook, the schedule's trigger and the pull, though the interval is an hour; a bad signature is refused; a webhook
// WooCommerce disabled after failed deliveries is re-activated by the next pull and becomes an exception.
const API_TOKEN = 'webhooks-test-token-0123456789abcdef0123456789';

let stack: OrderStack;
let woo: RunningWooCommerceSimulator;
let api: FastifyInstance;
let apiUrl: string;
let site: SiteKeys;
let cartId: string;

beforeAll(async () => {
  stack = await startOrderStack('woowebhooks');
  woo = await startWooCommerceSimulator();
  site = woo.control.createSite({ name: 'Webhook store' });
  const shop = { shop_url: 'https://unused.myshopify.com', access_token: 'unused', location_id: 'gid://unused/1' };
  ({ wooCartId: cartId } = await addShopCarts(
    stack.pool,
    stack.merchantId,
    { shop: shop as never, site },
    { woo: { orderPullSeconds: 3600 } },
  ));
  api = buildApi({
    pool: stack.pool,
    temporal: stack.env.client,
    apiToken: API_TOKEN,
    taskQueue: stack.taskQueue,
    secretBox: new SecretBox(TEST_SECRET_KEY),
  });
  apiUrl = await api.listen({ host: '127.0.0.1', port: 0 });
  const carts = await createCartStore(stack.pool).list();
  await reconcileSchedules(
    stack.env.client,
    { carts: carts.filter((cart) => cart.id === cartId), merchants: [] },
    stack.taskQueue,
  );
  await stack.startWorker({ publicApiUrl: `${apiUrl}/` });
});

afterAll(async () => {
  await api?.close();
  await woo?.close();
  await stack?.close();
});

async function statusOf(orderId: number): Promise<string | undefined> {
  const { rows } = await stack.pool.query<{ status: string }>(
    'SELECT status FROM orders WHERE cart_id = $1 AND cart_order_id = $2',
    [cartId, String(orderId)],
  );
  return rows[0]?.status;
}

const newOrder = () =>
  woo.control.createOrder({
    site: site.site,
    order: { line_items: [{ sku: 'SOCK-M', quantity: 1 }] },
  });

async function untilAtEasyPost(orderIds: number[], timeoutMs = 30_000): Promise<void> {
  let seen: (string | undefined)[] = [];
  await pollUntil(
    async () => {
      seen = await Promise.all(orderIds.map(statusOf));
      return seen.every((status) => status === 'at_wms');
    },
    { timeoutMs, intervalMs: 100, describe: () => `statuses ${JSON.stringify(seen)}` },
  );
}

const post = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${apiUrl}${path}`, { method: 'POST', body, headers });

describe('WooCommerce webhooks', () => {
  it('are registered by the first pull, and bring a new order to EasyPost in seconds though the interval is 1 h', async () => {
    // The first pull (the interval's, run now): it registers both webhooks, and WooCommerce pings each.
    await triggerCartPull(stack.env.client, cartId);
    await pollUntil(() => woo.control.webhooks(site.site).filter((hook) => hook.status === 'active').length === 2, {
      describe: () => JSON.stringify(woo.control.webhooks(site.site)),
    });
    const hooks = woo.control.webhooks(site.site);
    expect(hooks.map((hook) => hook.topic).sort()).toEqual(['order.created', 'order.updated']);
    expect(hooks.every((hook) => hook.delivery_url === `${apiUrl}/webhooks/carts/${cartId}/woocommerce`)).toBe(true);
    await woo.control.deliveriesSettled();
    expect(woo.control.webhooks(site.site).every((hook) => hook.failure_count === 0)).toBe(true);

    const startedAt = Date.now();
    const order = newOrder();
    await untilAtEasyPost([order.id]);
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(`WooCommerce order → EasyPost through the webhook: ${seconds.toFixed(2)} s (interval 3600 s)`);
    expect(seconds).toBeLessThan(30);
  });

  it('refuses a delivery without the cart secret, answers the ping, and knows no other cart', async () => {
    const path = `/webhooks/carts/${cartId}/woocommerce`;
    const body = JSON.stringify({ id: 1 });
    const headers = { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.created' };
    const forged = await post(path, body, { ...headers, 'x-wc-webhook-signature': webhookSignature(body, 'guess') });
    expect(forged.status).toBe(401);
    expect((await post(path, body, headers)).status).toBe(401);
    const ping = await post(path, 'webhook_id=7', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(ping.status).toBe(200);
    expect((await post(`/webhooks/carts/nope/woocommerce`, body, headers)).status).toBe(404);
    // The bearer token of the admin API does not apply: the route answered 401 for the signature, not the token.
    expect(await forged.json()).toEqual({ error: 'invalid signature' });
  });

  it('a webhook disabled after failed deliveries is re-activated by the next pull, which raises the exception', async () => {
    woo.control.setDeliveryOutage(site.site, true);
    // WooCommerce disables a webhook on a failed delivery when more than 5 failed in a row before it.
    const missed = Array.from({ length: 7 }, newOrder);
    await woo.control.deliveriesSettled();
    const created = () => woo.control.webhooks(site.site).find((hook) => hook.topic === 'order.created')!;
    expect(created().status).toBe('disabled');
    expect((await findExceptions(stack.pool))?.some((e) => e.kind === 'cart_webhook_disabled')).toBe(false);

    woo.control.setDeliveryOutage(site.site, false);
    // The interval's pull, run now: it brings the orders the webhook missed and re-activates the webhook.
    await triggerCartPull(stack.env.client, cartId);
    await untilAtEasyPost(missed.map((order) => order.id));
    // The check runs beside the pull's first page: wait for it, not for the orders.
    await pollUntil(() => created().status === 'active');
    const disabled = async () => (await findExceptions(stack.pool))?.find((e) => e.kind === 'cart_webhook_disabled');
    await pollUntil(async () => (await disabled()) !== undefined);
    const exception = await disabled();
    expect(exception).toMatchObject({ cartId, merchantId: stack.merchantId });
    expect(exception?.reason).toContain('order.created');
    expect(exception?.fix).toContain(`epf schedules trigger pull:${cartId}`);

    // Deliveries work again: the next order comes through the webhook alone.
    const order = newOrder();
    await untilAtEasyPost([order.id]);
  });

  // Temporal names a schedule's runs `<schedule>-<start time in whole seconds>`: the buffered run takes the name of the
  // one before it, which has closed by then, so it runs rather than being dropped as a duplicate.
  it('a trigger in the second the running pull began is buffered, not dropped as a run of the same name', async () => {
    const schedule = stack.env.client.schedule.getHandle(pullScheduleId(cartId));
    const since = new Date();
    // A slow listing keeps the first pull running while the second trigger comes, in the second it began.
    woo.control.addFault({ kind: 'latency', route: 'GET /orders', latency_ms: 1500, times: 1 });
    await sleep(1000 - (Date.now() % 1000) + 50);
    await triggerCartPull(stack.env.client, cartId);
    await pollUntil(async () => (await schedule.describe()).info.runningActions.length > 0, { intervalMs: 20 });
    await triggerCartPull(stack.env.client, cartId);

    const pullsSince = async () => {
      const ids: string[] = [];
      const query = `WorkflowType = '${pullOrdersWorkflow.name}' AND StartTime >= '${since.toISOString()}'`;
      for await (const run of stack.env.client.workflow.list({ query })) {
        if (run.workflowId.startsWith(pullScheduleId(cartId))) ids.push(run.workflowId);
      }
      return ids;
    };
    let pulls: string[] = [];
    await pollUntil(async () => (pulls = await pullsSince()).length === 2, { describe: () => pulls.join(', ') });
  });

  it('a registration the store refuses fails no pull, and is an exception until one succeeds', async () => {
    const failing = async () =>
      (await findExceptions(stack.pool))?.find((e) => e.kind === 'cart_webhook_failing' && e.cartId === cartId);
    // The webhook is gone for good and the store refuses to list webhooks: only the interval's pulls remain.
    for (const hook of woo.control.webhooks(site.site)) {
      await fetch(`${site.site_url}/wp-json/wc/v3/webhooks/${hook.id}?force=true`, {
        method: 'DELETE',
        headers: {
          authorization: `Basic ${Buffer.from(`${site.consumer_key}:${site.consumer_secret}`).toString('base64')}`,
        },
      });
    }
    const fault = woo.control.addFault({ kind: 'server_error', route: 'GET /webhooks', status: 500 });
    const order = newOrder();
    await triggerCartPull(stack.env.client, cartId);
    await untilAtEasyPost([order.id]);
    await pollUntil(async () => (await failing()) !== undefined);
    expect((await failing())?.reason).toContain('GET /sites');

    woo.control.removeFault(fault.id);
    await triggerCartPull(stack.env.client, cartId);
    await pollUntil(async () => (await failing()) === undefined);
    expect(woo.control.webhooks(site.site).map((hook) => hook.status)).toEqual(['active', 'active']);
  });
});
