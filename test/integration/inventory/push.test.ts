import { createMappingStore } from '../../../src/db/product-mapping';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../src/simulators/shopify';
import { startWooCommerceSimulator, type RunningWooCommerceSimulator } from '../../../src/simulators/woocommerce';
import { inventoryPickupWorkflow, inventoryPushWorkflow } from '../../../workflows';
import { waitForStatus } from '../../workflows/order-fakes';
import { addShopCarts } from '../../helpers/shop-carts';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { runEpf } from '../cli/run-epf';

// Two carts of one merchant sell from different warehouses: Shopify from El Monte only, WooCommerce from both, with
// a safety stock of 5. Demo stock: socks 120 at ELM and 80 at HEB, tote 40 and 60.
let stack: OrderStack;
let shopify: RunningShopifySimulator;
let woo: RunningWooCommerceSimulator;
let shopId: string;
let siteId: string;
let shopCartId: string;
let wooCartId: string;
let elm: string;
let heb: string;
const SKUS = ['SOCK-M', 'TOTE', 'TEE-S', 'GIFT-SET'];

beforeAll(async () => {
  stack = await startOrderStack('invpush');
  await stack.startWorker();
  [shopify, woo] = await Promise.all([startShopifySimulator(), startWooCommerceSimulator()]);
  const shop = shopify.control.createShop({ name: 'Push shop' });
  const site = woo.control.createSite({ name: 'Push store' });
  shopId = shop.shop_id;
  siteId = site.site;
  shopify.control.addInventoryItems({ shop: shopId, skus: SKUS });
  for (const sku of SKUS) woo.control.setProduct({ site: siteId, sku, stock: 0 });

  const warehouses = await stack.easyPost().listWarehouses();
  elm = warehouses.find((warehouse) => warehouse.short_name === 'ELM')!.id;
  heb = warehouses.find((warehouse) => warehouse.short_name === 'HEB')!.id;
  await createMappingStore(stack.pool).setBundle(stack.merchantId, 'GIFT-SET', [
    { barcode: BARCODES.socks, units: 2 },
    { barcode: BARCODES.tote, units: 1 },
  ]);
  ({ shopCartId, wooCartId } = await addShopCarts(
    stack.pool,
    stack.merchantId,
    { shop, site },
    {
      shop: { warehouseIds: [elm], defaultWarehouseId: elm },
      woo: { warehouseIds: [elm, heb], defaultWarehouseId: elm, minimumInventory: 5 },
    },
  ));
});

afterAll(async () => {
  await Promise.all([shopify?.close(), woo?.close()]);
  await stack?.close();
});

let runs = 0;
const runOptions = (kind: string) => ({
  taskQueue: stack.taskQueue,
  workflowId: `${kind}:${stack.merchantId}:${(runs += 1)}`,
});
const pickUp = () =>
  stack.env.client.workflow.execute(inventoryPickupWorkflow, {
    ...runOptions('pickup'),
    args: [{ merchantId: stack.merchantId }],
  });
const push = (cartId: string) =>
  stack.env.client.workflow.execute(inventoryPushWorkflow, { ...runOptions('push'), args: [{ cartId }] });

const shopStock = () =>
  Object.fromEntries(shopify.control.inventory(shopId).map((level) => [level.sku, level.available]));
const wooStock = () =>
  Object.fromEntries(woo.control.stock(siteId).map((product) => [product.sku, product.stock_quantity]));
/** Every request the Shopify store saw, and WooCommerce's stock batches. */
const stockCalls = () => ({
  shopify: shopify.control.requests().length,
  woo: woo.control.requests().filter((request) => request.path.includes('/products/batch')).length,
});
const setStock = (barcode: string, warehouseId: string, quantity: number) =>
  stack.sim.control.setStock({ api_key: DEMO_KEYS.test_key, barcode, warehouse_id: warehouseId, quantity });

describe('the inventory push', () => {
  it('pushes nothing before the first snapshot', async () => {
    expect(await push(shopCartId)).toEqual({ pushed: false, reason: 'no inventory snapshot yet' });
  });

  it('gives each cart the stock of its own warehouses, as its SKUs and bundles, above its minimum', async () => {
    await pickUp();
    expect(await push(shopCartId)).toMatchObject({ pushed: true, changed: expect.any(Number), batches: 1 });
    expect(await push(wooCartId)).toMatchObject({ pushed: true, batches: 1 });

    // El Monte only: 120 socks, 40 totes, so 40 gift sets (2 socks + 1 tote each).
    expect(shopStock()).toEqual({ 'SOCK-M': 120, TOTE: 40, 'TEE-S': 0, 'GIFT-SET': 40 });
    // Both warehouses: 200 socks, 100 totes, 100 gift sets.
    expect(wooStock()).toEqual({ 'SOCK-M': 200, TOTE: 100, 'TEE-S': 0, 'GIFT-SET': 100 });
  });

  it('pushes nothing when the snapshot is unchanged', async () => {
    const before = stockCalls();
    expect(await pickUp()).toMatchObject({ changed: false });
    expect(await push(shopCartId)).toEqual({ pushed: false, reason: expect.stringMatching(/already pushed/) });
    expect(await push(wooCartId)).toEqual({ pushed: false, reason: expect.stringMatching(/already pushed/) });
    expect(stockCalls()).toEqual(before);
  });

  it('pushes only the values that changed, to the carts whose warehouses changed', async () => {
    const before = stockCalls();
    setStock(BARCODES.socks, heb, 3); // HEB only: the Shopify cart does not sell it
    expect(await pickUp()).toMatchObject({ changed: true });

    expect(await push(shopCartId)).toMatchObject({ pushed: true, changed: 0, batches: 0 });
    // 123 socks, gift sets min(61, 100) = 61.
    expect(await push(wooCartId)).toMatchObject({ pushed: true, changed: 2, batches: 1 });
    expect(wooStock()).toEqual({ 'SOCK-M': 123, TOTE: 100, 'TEE-S': 0, 'GIFT-SET': 61 });
    expect(stockCalls()).toEqual({ shopify: before.shopify, woo: before.woo + 1 });
    const { rows } = await stack.pool.query('SELECT levels FROM inventory_pushes WHERE cart_id = $1 ORDER BY id', [
      wooCartId,
    ]);
    expect(rows.at(-1)?.levels).toEqual([
      { sku: 'GIFT-SET', quantity: 61 },
      { sku: 'SOCK-M', quantity: 123 },
    ]);
  });

  it('subtracts units of orders not yet at the warehouse, and shows 0 at or below the minimum', async () => {
    // On hold for the tee; its 2 socks wait too and must not be sold twice.
    const order = stack.orderFor({
      lines: [
        { lineId: 'l1', sku: 'TEE-S', quantity: 1 },
        { lineId: 'l2', sku: 'SOCK-M', quantity: 2 },
      ],
    });
    await stack.submit(order);
    await waitForStatus(stack.handleOf(order), 'on_hold');
    await pollUntil(
      async () =>
        (
          await stack.pool.query(`SELECT 1 FROM orders WHERE workflow_id = $1 AND status = 'on_hold'`, [
            stack.handleOf(order).workflowId,
          ])
        ).rowCount === 1,
      { describe: () => 'the held order in the index' },
    );
    setStock(BARCODES.tote, heb, 0);
    setStock(BARCODES.tote, elm, 5);
    await pickUp();
    await push(shopCartId);
    await push(wooCartId);

    // Shopify: 120 - 2 socks; 5 totes; 5 gift sets. WooCommerce: 123 - 2 socks; 5 totes and 5 sets are at its
    // minimum of 5, so it shows 0.
    expect(shopStock()).toEqual({ 'SOCK-M': 118, TOTE: 5, 'TEE-S': 0, 'GIFT-SET': 5 });
    expect(wooStock()).toEqual({ 'SOCK-M': 121, TOTE: 0, 'TEE-S': 0, 'GIFT-SET': 0 });
    await stack.handleOf(order).terminate('test done');
  });

  it('shows the snapshot and what a cart is shown with epf inventory show', async () => {
    const table = await runEpf(stack.taskQueue, ['inventory', 'show', stack.merchantId]);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout).toMatch(/BARCODE\s+ELM\s+HEB\s+TOTAL/);
    expect(table.stdout).toMatch(new RegExp(`${BARCODES.socks}\\s+120\\s+3\\s+123`));

    const cart = await runEpf(stack.taskQueue, ['inventory', 'show', stack.merchantId, '--cart', wooCartId, '--json']);
    expect(cart.code).toBe(0);
    const shown = JSON.parse(cart.stdout) as { levels: { sku: string; now: number; pushed?: number }[] };
    expect(shown.levels).toContainEqual(expect.objectContaining({ sku: 'SOCK-M', now: 121, pushed: 121 }));

    const unknown = await runEpf(stack.taskQueue, ['inventory', 'show', stack.merchantId, '--cart', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`merchant ${stack.merchantId} has no cart nope`);
  });
});
