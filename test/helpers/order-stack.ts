import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { Pool } from 'pg';
import { SecretBox } from '../../src/crypto/secret-box';
import { createCartStore } from '../../src/db/carts';
import { createMerchantStore } from '../../src/db/merchants';
import { createOrderIndex } from '../../src/db/orders';
import { createMappingStore } from '../../src/db/product-mapping';
import { orderWorkflowId, type CartOrder } from '../../src/domain/order';
import { createEasyPostClient, hasMarker, orderMarker } from '../../src/easypost';
import { submitOrder } from '../../src/orders/submit';
import { startEasyPostSimulator, type RunningEasyPostSimulator } from '../../src/simulators/easypost';
import { DEMO_KEYS, seedEasyPostDemo } from '../../src/simulators/easypost/demo';
import type { orderWorkflow } from '../../workflows';

type SimOrder = ReturnType<RunningEasyPostSimulator['control']['orders']>[number];
import { createTestPool, TEST_SECRET_KEY } from './database';
import { sampleOrder } from './orders';
import { connectDevServer, createTestWorker, uniqueTaskQueue } from './temporal';

/** Barcodes of the simulator's demo catalogue: socks and tote in stock, the white tee S out everywhere. */
export const BARCODES = { socks: '850621000008', tote: '850621000749', teeS: '850621001852' } as const;

export interface OrderStack {
  env: TestWorkflowEnvironment;
  pool: Pool;
  sim: RunningEasyPostSimulator;
  merchantId: string;
  cartId: string;
  taskQueue: string;
  /** A valid order of this stack's merchant and cart (SKUs SOCK-M, TOTE; TEE-S has no stock). */
  orderFor(overrides?: Partial<CartOrder>): CartOrder;
  submit(order: CartOrder): ReturnType<typeof submitOrder>;
  handleOf(order: CartOrder): WorkflowHandle<typeof orderWorkflow>;
  easyPost(): ReturnType<typeof createEasyPostClient>;
  /** The simulator's EasyPost orders carrying `order`'s marker: one, once sent exactly once. */
  easyPostOrdersOf(order: CartOrder): SimOrder[];
  /**
   * Runs a worker on this stack's task queue with the real activities (simulator, database); `close` stops it.
   * `publicApiUrl` (PUBLIC_API_URL) makes its pulls register the carts' webhooks.
   */
  startWorker(options?: { publicApiUrl?: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The dev server, the run's database and an EasyPost simulator with the demo catalogue, plus a merchant (on the
 * simulator's demo test key), a manual cart and aliases, all with IDs unique to the calling file.
 */
export async function startOrderStack(name: string, options: { createSettleMs?: number } = {}): Promise<OrderStack> {
  const [env, sim] = await Promise.all([connectDevServer(), startEasyPostSimulator({ rateLimitPerSecond: null })]);
  seedEasyPostDemo(sim.control);
  const pool = createTestPool();
  const merchantId = `${name}-${Date.now()}`;
  const cartId = `${merchantId}-manual`;
  const taskQueue = uniqueTaskQueue(name);
  await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: merchantId,
    name: `${name} merchant`,
    mode: 'test',
    testKey: DEMO_KEYS.test_key,
  });
  const carts = createCartStore(pool);
  await carts.upsert({ id: cartId, merchantId, type: 'manual', name: 'Phone orders' });
  const mappings = createMappingStore(pool);
  await mappings.setAlias(merchantId, 'SOCK-M', BARCODES.socks);
  await mappings.setAlias(merchantId, 'TOTE', BARCODES.tote);
  await mappings.setAlias(merchantId, 'TEE-S', BARCODES.teeS);
  // The ship methods of the test orders and simulated carts: carts have no default service.
  await mappings.setShipMethod(merchantId, 'Standard', 'standard');
  await mappings.setShipMethod(merchantId, 'Flat rate', 'standard');
  const orders = createOrderIndex(pool);
  let running: { worker: Worker; run: Promise<void> } | undefined;
  return {
    env,
    pool,
    sim,
    merchantId,
    cartId,
    taskQueue,
    orderFor: (overrides = {}) => sampleOrder({ merchantId, cartId, ...overrides }),
    submit: (order) => submitOrder({ client: env.client, taskQueue, orders, carts }, order),
    handleOf: (order) =>
      env.client.workflow.getHandle<typeof orderWorkflow>(orderWorkflowId(order.cartId, order.cartOrderId)),
    easyPost: () => createEasyPostClient({ apiKey: DEMO_KEYS.test_key, baseUrl: sim.apiBaseUrl }),
    easyPostOrdersOf: (order) => {
      const marker = orderMarker(orderWorkflowId(order.cartId, order.cartOrderId));
      return sim.control.orders(DEMO_KEYS.test_key).filter((o) => hasMarker(o.description, marker));
    },
    startWorker: async (workerOptions = {}) => {
      const activities = createActivities({
        pool,
        secretKey: TEST_SECRET_KEY,
        easyPostBaseUrl: sim.apiBaseUrl,
        createSettleMs: options.createSettleMs,
        publicApiUrl: workerOptions.publicApiUrl,
      });
      const worker = await createTestWorker(env, taskQueue, activities);
      running = { worker, run: worker.run() };
    },
    close: async () => {
      running?.worker.shutdown();
      await running?.run;
      await Promise.all([pool.end(), sim.close(), env.teardown()]);
    },
  };
}
