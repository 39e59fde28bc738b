import { shipmentsOf } from '../../../src/easypost';
import { toShipmentUpdate } from '../../../src/orders/shipment-update';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../src/simulators/shopify';
import { startWooCommerceSimulator, type RunningWooCommerceSimulator } from '../../../src/simulators/woocommerce';
import { pullOrdersWorkflow } from '../../../workflows';
import { pullScheduleId, shipmentUpdateSignal } from '../../../workflows/definitions';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { addShopCarts } from '../../helpers/shop-carts';

// The end-to-end check of order sources: orders across both carts, 5% malformed, 10% cancelled in the cart
// once they are at the warehouse, the rest shipped. Every order must end where it belongs, exactly once.
const ORDERS_PER_CART = 100;
const isMalformed = (i: number) => i % 20 === 0;
const isCancelled = (i: number) => i % 10 === 5;

let stack: OrderStack;
let shopify: RunningShopifySimulator;
let woo: RunningWooCommerceSimulator;
let shopCartId: string;
let wooCartId: string;
let shopId: string;
let siteId: string;
/** The cart's ID of order i, per cart. */
const shopNumbers: string[] = [];
const wooIds: number[] = [];

beforeAll(async () => {
  stack = await startOrderStack('pullflow');
  [shopify, woo] = await Promise.all([startShopifySimulator(), startWooCommerceSimulator()]);
  // A Shopify Plus-sized throttle bucket: pacing under the standard plan's 50 points/s is the adapter tests' subject,
  // and would make this one wait ~30 s per pull.
  const shop = shopify.control.createShop({
    name: 'Pull flow shop',
    bucket: { maximum_available: 20_000, restore_rate: 1_000 },
  });
  const site = woo.control.createSite({ name: 'Pull flow store', shipment_tracking: true });
  shopId = shop.shop_id;
  siteId = site.site;
  ({ shopCartId, wooCartId } = await addShopCarts(stack.pool, stack.merchantId, { shop, site }));
  const [warehouse] = await stack.easyPost().listWarehouses();
  stack.sim.control.setStock({
    api_key: DEMO_KEYS.test_key,
    barcode: BARCODES.socks,
    warehouse_id: warehouse!.id,
    quantity: 10_000,
  });

  for (let i = 0; i < ORDERS_PER_CART; i += 1) {
    const shopOrder = shopify.control.createOrder({
      shop: shop.shop_id,
      order: { lines: [{ sku: 'SOCK-M', quantity: 1 }], shipping_line: { title: 'Standard' } },
      ...(isMalformed(i) ? { malformed: 'missing_address' as const } : {}),
    });
    const wooOrder = woo.control.createOrder({
      site: site.site,
      order: {
        line_items: [{ sku: 'SOCK-M', quantity: 1 }],
        shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat rate' }],
      },
      ...(isMalformed(i) ? { malformed: 'missing_postcode' as const } : {}),
    });
    shopNumbers.push(shopOrder.order_id);
    wooIds.push(wooOrder.id);
  }
  await stack.startWorker();
});

afterAll(async () => {
  await Promise.all([shopify?.close(), woo?.close(), stack?.close()]);
});

async function pull(cartId: string) {
  const started = Date.now();
  const totals = await stack.env.client.workflow.execute(pullOrdersWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${pullScheduleId(cartId)}:${started}`,
    args: [{ cartId }],
  });
  return { totals, seconds: (Date.now() - started) / 1000 };
}

async function statuses(): Promise<Map<string, string>> {
  const { rows } = await stack.pool.query<{ cart_id: string; cart_order_number: string; status: string }>(
    'SELECT cart_id, cart_order_number, status FROM orders WHERE cart_id = ANY($1)',
    [[shopCartId, wooCartId]],
  );
  return new Map(rows.map((row) => [`${row.cart_id}/${row.cart_order_number}`, row.status]));
}

async function until(check: (all: Map<string, string>) => boolean, what: string): Promise<Map<string, string>> {
  let all = new Map<string, string>();
  await pollUntil(async () => check((all = await statuses())), {
    timeoutMs: 120_000,
    intervalMs: 250,
    describe: () => `${what}: ${JSON.stringify([...all])}`,
  });
  return all;
}

const count = (all: Map<string, string>, status: string) => [...all.values()].filter((s) => s === status).length;

describe('orders pulled from Shopify and WooCommerce', () => {
  it('reach EasyPost exactly once, malformed ones wait in error, cancelled ones cancel, shipped ones get tracking', async () => {
    const [shop, store] = await Promise.all([pull(shopCartId), pull(wooCartId)]);
    for (const { totals, seconds } of [shop, store]) {
      expect(totals).toMatchObject({ pulled: ORDERS_PER_CART, started: 95, malformed: 5, duplicates: 0 });
      console.log(
        `pulled ${totals.pulled} orders in ${seconds.toFixed(1)} s: ${(totals.pulled / seconds).toFixed(0)}/s`,
      );
    }
    const total = 2 * ORDERS_PER_CART;
    await until((all) => all.size === total && count(all, 'at_wms') + count(all, 'error') === total, 'sent');
    expect(count(await statuses(), 'error')).toBe(10);

    // Buyers cancel 10% once the orders are at the warehouse; the next pull brings the cancellations.
    for (let i = 0; i < ORDERS_PER_CART; i += 1) {
      if (!isCancelled(i)) continue;
      shopify.control.cancelOrder(shopNumbers[i]!, { reason: 'customer changed their mind' });
      woo.control.cancelOrder(wooIds[i]!);
    }
    const [shopAgain, storeAgain] = await Promise.all([pull(shopCartId), pull(wooCartId)]);
    expect(shopAgain.totals).toMatchObject({ cancelled: 10, started: 0 });
    expect(storeAgain.totals).toMatchObject({ cancelled: 10, started: 0 });
    await until((all) => count(all, 'cancelled') === 20, 'cancellations');

    // EasyPost ships everything still at the warehouse; the shipments reach the order workflows.
    const { rows: atWarehouse } = await stack.pool.query<{ workflow_id: string; easypost_order_id: string }>(
      `SELECT workflow_id, easypost_order_id FROM orders WHERE cart_id = ANY($1) AND status = 'at_wms'`,
      [[shopCartId, wooCartId]],
    );
    expect(atWarehouse).toHaveLength(170);
    const easyPost = stack.easyPost();
    for (const row of atWarehouse) {
      stack.sim.control.advanceOrder(row.easypost_order_id, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
      const packages = shipmentsOf(await easyPost.getOrder(row.easypost_order_id));
      for (const shipment of packages) {
        const update = toShipmentUpdate(shipment, packages.length)!;
        await stack.env.client.workflow.getHandle(row.workflow_id).signal(shipmentUpdateSignal, update);
      }
    }
    const final = await until((all) => count(all, 'confirmed') === 170, 'confirmations');
    expect([count(final, 'confirmed'), count(final, 'cancelled'), count(final, 'error')]).toEqual([170, 20, 10]);

    // EasyPost holds exactly one order per good cart order (cancelled ones cancelled there), none for malformed ones.
    const atEasyPost = stack.sim.control
      .orders(DEMO_KEYS.test_key)
      .filter((order) => [shopCartId, wooCartId].some((cartId) => order.description?.includes(`epf:order:${cartId}:`)));
    const markers = atEasyPost.map((order) => order.description!.split(' ').find((word) => word.startsWith('epf:')));
    expect(new Set(markers).size).toBe(markers.length); // no duplicates
    expect(markers).toHaveLength(190); // none lost
    expect(atEasyPost.filter((order) => order.status === 'cancelled')).toHaveLength(20);

    // Every malformed order waits in error naming the field the cart got wrong.
    const { rows: errors } = await stack.pool.query<{ last_error: string }>(
      `SELECT last_error FROM orders WHERE cart_id = ANY($1) AND status = 'error'`,
      [[shopCartId, wooCartId]],
    );
    for (const { last_error } of errors) expect(last_error).toMatch(/shipTo/);

    // Tracking is in each cart, once per shipped order; cancellations were answered.
    const fulfillments = shopify.control.fulfillments(shopId);
    expect(fulfillments).toHaveLength(85);
    expect(new Set(fulfillments.map((f) => f.fulfillment_order_id)).size).toBe(85);
    expect(fulfillments.every((f) => f.tracking.number)).toBe(true);
    const wooOrders = woo.control.orders(siteId);
    expect(
      wooOrders.filter((order) => order.status === 'completed' && order.shipment_trackings.length === 1),
    ).toHaveLength(85);
    expect(wooOrders.filter((order) => order.status === 'cancelled')).toHaveLength(10);
  }, 300_000);
});
