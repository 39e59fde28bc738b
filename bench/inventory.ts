// `npm run bench:inventory [-- --skus 1000 --changed 0.01 --held 20 --json]`: what stock sync costs and how fast it
// acts, on the real parts (dev server, PostgreSQL, the three simulators, the worker with its real activities).
//  1. Inventory push: a catalogue of N SKUs pushed to a Shopify and a WooCommerce store that sell from different
//     warehouses; then 1% of the barcodes change. The first (full) push is the baseline of the incremental one.
//  2. Release: held orders for a barcode without stock; stock arrives; how long from the pickup's start until every
//     held order is at the WMS. The baseline is one in-stock order sent directly (submit → at_wms).
import { parseArgs } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createActivities } from '../activities';
import { SecretBox } from '../src/crypto/secret-box';
import { createCartStore } from '../src/db/carts';
import { createMerchantStore } from '../src/db/merchants';
import { createOrderIndex } from '../src/db/orders';
import { createMappingStore } from '../src/db/product-mapping';
import { createEasyPostClient } from '../src/easypost';
import { orderWorkflowId, type CartOrder } from '../src/domain/order';
import { submitOrder } from '../src/orders/submit';
import { startEasyPostSimulator } from '../src/simulators/easypost';
import { startShopifySimulator } from '../src/simulators/shopify';
import { startWooCommerceSimulator } from '../src/simulators/woocommerce';
import { bundleWorkflows } from '../src/temporal/bundle';
import { serverExecutable, temporalCliPath } from '../src/temporal/binaries';
import { customSearchAttributes } from '../src/temporal/search-attributes';
import { inventoryPickupWorkflow, inventoryPushWorkflow, type orderWorkflow } from '../workflows';
import { statusQuery } from '../workflows/definitions';
import { TEST_SECRET_KEY } from '../test/helpers/database';
import { sampleOrder } from '../test/helpers/orders';
import { addShopCarts } from '../test/helpers/shop-carts';
import { startTestDatabase } from '../test/setup/database';
import { printJson } from './json-output';

const MERCHANT = 'bench';
const TASK_QUEUE = 'bench-inventory';

function options() {
  const { values } = parseArgs({
    options: {
      skus: { type: 'string' },
      changed: { type: 'string' },
      held: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const skus = Number(values.skus ?? 1000);
  const changed = Number(values.changed ?? 0.01);
  const held = Number(values.held ?? 20);
  if (!Number.isInteger(skus) || skus < 100) throw new Error('--skus must be a whole number of at least 100');
  if (!(changed > 0 && changed <= 1)) throw new Error('--changed must be a fraction in (0, 1]');
  if (!Number.isInteger(held) || held < 1) throw new Error('--held must be a whole number of at least 1');
  return { skus, changed, held, json: values.json ?? false };
}

const barcodeOf = (i: number) => `9${String(i).padStart(11, '0')}`;
const skuOf = (i: number) => `SKU-${String(i).padStart(5, '0')}`;
const HELD_BARCODE = barcodeOf(0);

async function main(): Promise<void> {
  const settings = options();
  // Activity and worker INFO lines would bury the tables; errors still show (held orders' rejected sends log warnings).
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const database = await startTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 8 });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: serverExecutable(temporalCliPath, 'Temporal CLI'),
      searchAttributes: customSearchAttributes,
      extraArgs: ['--log-level', 'error'],
    },
  });
  const [easyPost, shopify, woo] = await Promise.all([
    startEasyPostSimulator({ rateLimitPerSecond: null }),
    startShopifySimulator(),
    startWooCommerceSimulator(),
  ]);
  try {
    // The catalogue: N barcodes in two warehouses, each aliased to one cart SKU; barcode 0 has no stock.
    const account = easyPost.control.createAccount({ name: 'Bench' });
    const indexes = Array.from({ length: settings.skus }, (_, i) => i);
    easyPost.control.seed({
      api_key: account.test_key,
      warehouses: [
        { name: 'El Monte', short_name: 'ELM' },
        { name: 'Hebron', short_name: 'HEB' },
      ],
      products: indexes.map((i) => ({ barcode: barcodeOf(i), title: `Product ${i}` })),
      stock: indexes.flatMap((i) => [
        { barcode: barcodeOf(i), warehouse: 'ELM', quantity: i === 0 ? 0 : 100 + (i % 50) },
        { barcode: barcodeOf(i), warehouse: 'HEB', quantity: i === 0 ? 0 : 40 },
      ]),
    });
    const box = new SecretBox(TEST_SECRET_KEY);
    await createMerchantStore(pool, box).upsert({
      id: MERCHANT,
      name: 'Bench',
      mode: 'test',
      testKey: account.test_key,
    });
    const mappings = createMappingStore(pool);
    for (const i of indexes) await mappings.setAlias(MERCHANT, skuOf(i), barcodeOf(i));
    await mappings.setShipMethod(MERCHANT, 'Standard', 'standard');

    const shop = shopify.control.createShop({
      name: 'Bench',
      bucket: { maximum_available: 20_000, restore_rate: 1_000 },
    });
    shopify.control.addInventoryItems({ shop: shop.shop_id, skus: indexes.map(skuOf) });
    const site = woo.control.createSite({ name: 'Bench' });
    for (const i of indexes) woo.control.setProduct({ site: site.site, sku: skuOf(i), stock: 0 });
    const carts = createCartStore(pool, box);
    const warehouses = await fetchWarehouseIds(easyPost.apiBaseUrl, account.test_key);
    await addShopCarts(
      pool,
      MERCHANT,
      { shop, site },
      { shop: { warehouseIds: [warehouses.ELM] }, woo: { warehouseIds: [warehouses.ELM, warehouses.HEB] } },
    );
    await carts.upsert({ id: 'bench-phone', merchantId: MERCHANT, type: 'manual', name: 'Phone' });

    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: await bundleWorkflows(),
      activities: createActivities({ pool, secretKey: TEST_SECRET_KEY, easyPostBaseUrl: easyPost.apiBaseUrl }),
    });
    const report = await worker.runUntil(async () => {
      let runs = 0;
      const start = { taskQueue: TASK_QUEUE, workflowId: '' };
      const pickUp = () =>
        env.client.workflow.execute(inventoryPickupWorkflow, {
          ...start,
          workflowId: `pickup-${(runs += 1)}`,
          args: [{ merchantId: MERCHANT }],
        });
      const cartRequests = () => shopify.control.requests().length + woo.control.requests().length;
      const pushBoth = async () => {
        const before = cartRequests();
        const started = performance.now();
        const results = [];
        for (const cartId of ['bench-shop', 'bench-woo']) {
          results.push(
            await env.client.workflow.execute(inventoryPushWorkflow, {
              ...start,
              workflowId: `push-${(runs += 1)}`,
              args: [{ cartId }],
            }),
          );
        }
        const changed = results.reduce((sum, r) => sum + (r.pushed ? r.changed : 0), 0);
        const skus = results.reduce((sum, r) => sum + (r.pushed ? r.skus : 0), 0);
        const batches = results.reduce((sum, r) => sum + (r.pushed ? r.batches : 0), 0);
        return { skus, changed, batches, requests: cartRequests() - before, ms: performance.now() - started };
      };

      await pickUp();
      const full = await pushBoth();
      const changedCount = Math.max(1, Math.round(settings.skus * settings.changed));
      for (let i = 1; i <= changedCount; i += 1) {
        easyPost.control.setStock({
          api_key: account.test_key,
          barcode: barcodeOf(i),
          warehouse_id: 'ELM',
          quantity: 7,
        });
      }
      await pickUp();
      const incremental = await pushBoth();
      await pickUp();
      const unchanged = await pushBoth();

      const push = {
        title: `Inventory push: ${settings.skus} SKUs, two carts; ${changedCount} barcodes changed at El Monte`,
        rows: [
          { push: 'full (baseline)', ...full },
          { push: `${(settings.changed * 100).toFixed(1)}% changed`, ...incremental },
          { push: 'unchanged snapshot', ...unchanged },
        ].map(({ ms, ...row }) => ({
          ...row,
          ms: Math.round(ms),
          'requests vs full': (row.requests / full.requests).toFixed(3),
          'time vs full': (ms / full.ms).toFixed(3),
        })),
      };

      // Release: orders held for barcode 0, then stock arrives.
      const index = createOrderIndex(pool);
      const submitDeps = { client: env.client, taskQueue: TASK_QUEUE, orders: index, carts };
      const orderFor = (sku: string): CartOrder =>
        sampleOrder({ merchantId: MERCHANT, cartId: 'bench-phone', lines: [{ lineId: 'l1', sku, quantity: 1 }] });
      const statusOf = (order: CartOrder) =>
        env.client.workflow
          .getHandle<typeof orderWorkflow>(orderWorkflowId(order.cartId, order.cartOrderId))
          .query(statusQuery)
          .then((view) => view.status);
      const waitAll = async (orders: CartOrder[], status: string) => {
        for (;;) {
          const statuses = await Promise.all(orders.map(statusOf));
          if (statuses.every((s) => s === status)) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };

      const direct = orderFor(skuOf(1));
      const sentAt = performance.now();
      await submitOrder(submitDeps, direct);
      await waitAll([direct], 'at_wms');
      const directMs = performance.now() - sentAt;

      const held = Array.from({ length: settings.held }, () => orderFor(skuOf(0)));
      for (const order of held) await submitOrder(submitDeps, order);
      await waitAll(held, 'on_hold');
      easyPost.control.setStock({
        api_key: account.test_key,
        barcode: HELD_BARCODE,
        warehouse_id: 'ELM',
        quantity: settings.held,
      });
      const arrivedAt = performance.now();
      const pickup = await pickUp();
      await waitAll(held, 'at_wms');
      const releaseMs = performance.now() - arrivedAt;

      const release = {
        title: `Release: ${settings.held} held orders, stock for all of them arrives, one inventory pickup runs`,
        rows: [
          { path: 'one in-stock order sent directly (baseline)', ms: Math.round(directMs), 'vs baseline': '1.00' },
          {
            path: `pickup (woke ${pickup.woken}) until all ${settings.held} at the WMS`,
            ms: Math.round(releaseMs),
            'vs baseline': (releaseMs / directMs).toFixed(2),
          },
        ],
      };
      return { push, release };
    });
    if (settings.json) {
      printJson(report);
      return;
    }
    for (const [index, { title, rows }] of [report.push, report.release].entries()) {
      console.log(`${index > 0 ? '\n' : ''}${title}`);
      console.table(rows);
    }
    console.log(
      'Stock arrival → at the WMS = the wait for the next inventory pickup (at most one interval, the merchant setting,\n' +
        'minimum 60 s) + the release time above.',
    );
  } finally {
    await Promise.allSettled([easyPost.close(), shopify.close(), woo.close()]);
    await pool.end();
    await env.teardown();
    await database.stop();
  }
}

/** The simulator's warehouse IDs by short name, through the real client. */
async function fetchWarehouseIds(baseUrl: string, apiKey: string): Promise<Record<'ELM' | 'HEB', string>> {
  const list = await createEasyPostClient({ apiKey, baseUrl }).listWarehouses();
  const id = (shortName: string) => list.find((w) => w.short_name === shortName)!.id;
  return { ELM: id('ELM'), HEB: id('HEB') };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
