// Cart → EasyPost with a real cart: a WooCommerce simulator order until its EasyPost order exists, driven by the
// cart's webhook (PUBLIC_API_URL set, pull interval 1 h, so only the webhook explains the speed) and by the interval
// pull alone (webhooks off), each on its own worker and cart.
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApi } from '../../src/api/app';
import { SecretBox } from '../../src/crypto/secret-box';
import { createActivities } from '../../activities';
import { createCartStore, type Cart } from '../../src/db/carts';
import { orderWorkflowId } from '../../src/domain/order';
import { triggerCartPull } from '../../src/operations/cart-pull-trigger';
import { reconcileSchedules } from '../../src/schedules/reconcile';
import { startWooCommerceSimulator, type RunningWooCommerceSimulator } from '../../src/simulators/woocommerce';
import { createWorker } from '../../src/worker/create-worker';
import { TEST_SECRET_KEY } from '../../test/helpers/database';
import { testDataConverter } from '../../test/helpers/temporal';
import { instrumentedActivities } from './instrumented-activities';
import { createLatches } from './latches';
import { latency, type Latency } from './load';
import type { PipelineStack } from './stack';

export interface CartLatencyOptions {
  /** Orders per run. */
  orders: number;
  /** The pull-only run's interval (the cart setting's minimum is 30 s; the anchors pull every 300 s). */
  pullSeconds: number;
}

export interface CartLatencyReport {
  orders: number;
  /** Webhooks on, pull interval 1 h: store order → EasyPost order. */
  webhook: Latency;
  /** Webhooks off, pulls every `pullSeconds`: the same path as before webhooks. */
  pull: Latency & { intervalSeconds: number };
}

/** Far above a webhook-driven order's time, and above two intervals of the pull-only run. */
const timeoutMs = (options: CartLatencyOptions) => 60_000 + 2 * options.pullSeconds * 1000;
const API_TOKEN = 'bench-cart-latency-token-0123456789abcdef0123';

export async function measureCartLatency(
  stack: PipelineStack,
  options: CartLatencyOptions,
): Promise<CartLatencyReport> {
  const woo = await startWooCommerceSimulator();
  const api = buildApi({
    pool: stack.pool,
    temporal: stack.env.client,
    apiToken: API_TOKEN,
    taskQueue: 'bench-carts',
    secretBox: new SecretBox(TEST_SECRET_KEY),
  });
  try {
    const apiUrl = await api.listen({ host: '127.0.0.1', port: 0 });
    const webhook = await run(stack, woo, options, { name: 'webhook', publicApiUrl: `${apiUrl}/`, pullSeconds: 3600 });
    const pull = await run(stack, woo, options, { name: 'pull', pullSeconds: options.pullSeconds });
    return { orders: options.orders, webhook, pull: { ...pull, intervalSeconds: options.pullSeconds } };
  } finally {
    await api.close();
    await woo.close();
  }
}

/** One run: its own store, cart, schedule and worker; orders one at a time, each timed to its EasyPost order. */
async function run(
  stack: PipelineStack,
  woo: RunningWooCommerceSimulator,
  options: CartLatencyOptions,
  mode: { name: string; publicApiUrl?: string; pullSeconds: number },
): Promise<Latency> {
  const site = woo.control.createSite({ name: `Bench ${mode.name}` });
  const cart: Cart = await createCartStore(stack.pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: `bench-woo-${mode.name}`,
    merchantId: stack.merchantId,
    type: 'woocommerce',
    name: `Bench ${mode.name}`,
    credentials: { siteUrl: site.site_url, consumerKey: site.consumer_key, consumerSecret: site.consumer_secret },
    settings: { orderPullSeconds: mode.pullSeconds },
  });
  const taskQueue = `bench-carts-${mode.name}`;
  const sent = createLatches<string>('sent to EasyPost');
  const activities = instrumentedActivities(
    createActivities({
      pool: stack.pool,
      secretKey: TEST_SECRET_KEY,
      easyPostBaseUrl: stack.sim.apiBaseUrl,
      publicApiUrl: mode.publicApiUrl,
    }),
    { sent: (workflowId, id) => sent.fire(workflowId, id), ready: () => undefined, ran: () => undefined },
  );
  const worker = await createWorker({
    connection: stack.env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dataConverter: testDataConverter,
    activities,
    workflowBundlePath: stack.bundlePath,
  });
  const placed = (index: number) =>
    woo.control.createOrder({
      site: site.site,
      order: { number: `${mode.name}-${index}`, line_items: [{ sku: 'SOCK-M', quantity: 1 }] },
    });
  const timed = async (order: { id: number }, placedAt: number) =>
    (await sent.wait(orderWorkflowId(cart.id, String(order.id)), timeoutMs(options))).at - placedAt;

  return worker.runUntil(async () => {
    await reconcileSchedules(stack.env.client, { carts: [cart], merchants: [] }, taskQueue);
    try {
      if (mode.publicApiUrl) {
        // The first pull registers the webhooks; the interval's would come only in an hour.
        await triggerCartPull(stack.env.client, cart.id);
        while (woo.control.webhooks(site.site).filter((hook) => hook.status === 'active').length < 2) await sleep(50);
        await woo.control.deliveriesSettled();
        const spent: number[] = [];
        for (let index = 0; index < options.orders; index += 1) {
          const placedAt = performance.now();
          spent.push(await timed(placed(index), placedAt));
        }
        return latency(spent);
      }
      // Without webhooks an order waits for the next interval: orders placed at random moments over two intervals.
      const spanMs = 2 * mode.pullSeconds * 1000;
      const offsets = Array.from({ length: options.orders }, () => Math.random() * spanMs).sort((a, b) => a - b);
      const started = performance.now();
      const waits: Promise<number>[] = [];
      for (const [index, offset] of offsets.entries()) {
        await sleep(Math.max(0, started + offset - performance.now()));
        const placedAt = performance.now();
        waits.push(timed(placed(index), placedAt));
      }
      return latency(await Promise.all(waits));
    } finally {
      await reconcileSchedules(stack.env.client, { carts: [], merchants: [] }, taskQueue);
    }
  });
}
