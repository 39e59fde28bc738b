import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from '../../../activities';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createCartStore } from '../../../src/db/carts';
import { createMerchantStore } from '../../../src/db/merchants';
import { createOrderIndex } from '../../../src/db/orders';
import { createMappingStore } from '../../../src/db/product-mapping';
import type { CartOrder } from '../../../src/domain/order';
import { createEasyPostClient, shipmentsOf } from '../../../src/easypost';
import { startEasyPostSimulator, type RunningEasyPostSimulator } from '../../../src/simulators/easypost';
import { DEMO_KEYS, seedEasyPostDemo } from '../../../src/simulators/easypost/demo';
import { toShipmentUpdate } from '../../../src/orders/shipment-update';
import { submitOrder } from '../../../src/orders/submit';
import type { orderWorkflow } from '../../../workflows';
import {
  fixOrderUpdate,
  inventoryAvailableSignal,
  shipmentUpdateSignal,
  statusQuery,
} from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { createTestPool, TEST_SECRET_KEY } from '../../helpers/database';
import { sampleOrder } from '../../helpers/orders';
import { connectDevServer, createTestWorker, uniqueTaskQueue } from '../../helpers/temporal';

// Demo catalogue barcodes (src/simulators/easypost/demo.ts): socks in stock, the white tee S out everywhere.
const SOCKS = '850621000008';
const TOTE = '850621000749';
const TEE_S = '850621001852';

const merchantId = `life-${Date.now()}`;
const cartId = `${merchantId}-manual`;
let env: TestWorkflowEnvironment;
let pool: Pool;
let sim: RunningEasyPostSimulator;
let worker: Worker;
let workerRun: Promise<void>;
const taskQueue = uniqueTaskQueue('lifecycle');

beforeAll(async () => {
  [env, sim] = await Promise.all([connectDevServer(), startEasyPostSimulator({ rateLimitPerSecond: null })]);
  seedEasyPostDemo(sim.control);
  pool = createTestPool();
  await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: merchantId,
    name: 'Lifecycle Outfitters',
    mode: 'test',
    testKey: DEMO_KEYS.test_key,
  });
  await createCartStore(pool).upsert({ id: cartId, merchantId, type: 'manual', name: 'Phone orders' });
  const mappings = createMappingStore(pool);
  await mappings.setAlias(merchantId, 'SOCK-M', SOCKS);
  await mappings.setAlias(merchantId, 'TOTE', TOTE);
  await mappings.setAlias(merchantId, 'TEE-S', TEE_S);
  worker = await createTestWorker(
    env,
    taskQueue,
    createActivities({ pool, secretKey: TEST_SECRET_KEY, easyPostBaseUrl: sim.apiBaseUrl }),
  );
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await Promise.all([pool?.end(), sim?.close(), env?.teardown()]);
});

const orderFor = (overrides: Partial<CartOrder> = {}) => sampleOrder({ merchantId, cartId, ...overrides });
const submit = (order: CartOrder) =>
  submitOrder({ client: env.client, taskQueue, orders: createOrderIndex(pool), carts: createCartStore(pool) }, order);
const handleOf = (workflowId: string) => env.client.workflow.getHandle<typeof orderWorkflow>(workflowId);
const simOrders = () => sim.control.orders(DEMO_KEYS.test_key);
const easyPost = () => createEasyPostClient({ apiKey: DEMO_KEYS.test_key, baseUrl: sim.apiBaseUrl });

describe('an order through the dev server, PostgreSQL and the EasyPost simulator', () => {
  it('is sent, shipped, its tracking recorded for the cart, and confirmed', async () => {
    const order = orderFor();
    const started = await submit(order);
    expect(started.outcome).toBe('started');
    const handle = handleOf(started.outcome === 'started' ? started.workflowId : '');
    await waitForStatus(handle, 'at_wms');

    const { easyPostOrderId } = await handle.query(statusQuery);
    const atEasyPost = simOrders().find((candidate) => candidate.id === easyPostOrderId)!;
    expect(atEasyPost.line_items.map((line) => [line.product.barcode, line.units])).toEqual([
      [SOCKS, 2],
      [TOTE, 1],
    ]);
    expect(atEasyPost.description).toContain(`epf:order:${cartId}:${order.cartOrderId}`);

    sim.control.advanceOrder(easyPostOrderId!, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
    for (const shipment of shipmentsOf(await easyPost().getOrder(easyPostOrderId!))) {
      await handle.signal(shipmentUpdateSignal, toShipmentUpdate(shipment)!);
    }
    expect((await handle.result()).status).toBe('confirmed');

    const { rows: index } = await pool.query('SELECT * FROM orders WHERE cart_id = $1 AND cart_order_id = $2', [
      cartId,
      order.cartOrderId,
    ]);
    expect(index).toHaveLength(1);
    expect(index[0]).toMatchObject({ status: 'confirmed', easypost_order_id: easyPostOrderId });
    const { rows: pushes } = await pool.query('SELECT * FROM tracking_pushes WHERE cart_order_id = $1', [
      order.cartOrderId,
    ]);
    expect(pushes).toHaveLength(1);
    const { rows: audit } = await pool.query(
      'SELECT action FROM audit_log WHERE cart_id = $1 AND cart_order_id = $2 ORDER BY id',
      [cartId, order.cartOrderId],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'order.received',
      'order.sending',
      'order.at_wms',
      'order.shipped',
      'order.confirmed',
    ]);
  });

  it('starts one workflow and keeps one index row when the same cart order is submitted twice', async () => {
    const order = orderFor();
    const [first, second] = await Promise.all([submit(order), submit(order)]);
    expect([first.outcome, second.outcome].sort()).toEqual(['duplicate', 'started']);
    await waitForStatus(handleOf(`order:${cartId}:${order.cartOrderId}`), 'at_wms');
    expect((await submit(order)).outcome).toBe('duplicate');
    const { rowCount } = await pool.query('SELECT 1 FROM orders WHERE cart_id = $1 AND cart_order_id = $2', [
      cartId,
      order.cartOrderId,
    ]);
    expect(rowCount).toBe(1);
  });

  it('holds an order without stock, then sends it when the inventory pickup reports stock', async () => {
    const order = orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] });
    const started = await submit(order);
    const handle = handleOf(started.outcome === 'started' ? started.workflowId : '');
    await waitForStatus(handle, 'on_hold');
    expect((await handle.query(statusQuery)).lastError?.type).toBe('InsufficientInventory');

    const [warehouse] = await easyPost().listWarehouses();
    sim.control.setStock({ api_key: DEMO_KEYS.test_key, barcode: TEE_S, warehouse_id: warehouse!.id, quantity: 5 });
    await handle.signal(inventoryAvailableSignal);
    await waitForStatus(handle, 'at_wms');
  });

  it('puts an order with an unknown SKU in error naming the line, and a fix sends it', async () => {
    const order = orderFor({ lines: [{ lineId: 'l1', sku: 'NO-SUCH-SKU', quantity: 1 }] });
    const started = await submit(order);
    const handle = handleOf(started.outcome === 'started' ? started.workflowId : '');
    await waitForStatus(handle, 'error');
    const { lastError } = await handle.query(statusQuery);
    expect(lastError?.message).toContain('NO-SUCH-SKU');

    expect(await handle.executeUpdate(fixOrderUpdate, { args: [{ skus: { l1: 'SOCK-M' } }] })).toBe('sending');
    await waitForStatus(handle, 'at_wms');
  });
});
