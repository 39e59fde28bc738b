import { orderWorkflowId } from '../../../src/domain/order';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../src/simulators/shopify';
import { startWooCommerceSimulator, type RunningWooCommerceSimulator } from '../../../src/simulators/woocommerce';
import { pullOrdersWorkflow, shipmentPickupWorkflow } from '../../../workflows';
import { pullScheduleId, shipmentPickupScheduleId, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { addShopCarts } from '../../helpers/shop-carts';

// Both packages of a split shipment read by one pickup, after EasyPost marked the order shipped, each say the order
// is complete. Only the last may complete it at the cart: the first once closed every Shopify line, and the second
// package's fulfillment was then refused, leaving the order `shipped` with a failed push.
let stack: OrderStack;
let shopify: RunningShopifySimulator;
let woo: RunningWooCommerceSimulator;

beforeAll(async () => {
  stack = await startOrderStack('split');
  await stack.startWorker();
  [shopify, woo] = await Promise.all([startShopifySimulator(), startWooCommerceSimulator()]);
});

afterAll(async () => {
  await Promise.all([shopify?.close(), woo?.close()]);
  await stack?.close();
});

it('fulfils each package of a split shipment at Shopify with its own lines, and confirms the order', async () => {
  const shop = shopify.control.createShop();
  const { shopCartId } = await addShopCarts(stack.pool, stack.merchantId, {
    shop,
    site: woo.control.createSite({ name: 'Unused store' }),
  });
  const placed = shopify.control.createOrder({
    shop: shop.shop_id,
    order: {
      lines: [
        { sku: 'SOCK-M', quantity: 2 },
        { sku: 'TOTE', quantity: 1 },
      ],
      shipping_line: { title: 'Standard' },
    },
  });
  await stack.env.client.workflow.execute(pullOrdersWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${pullScheduleId(shopCartId)}:split`,
    args: [{ cartId: shopCartId }],
  });
  const handle = stack.env.client.workflow.getHandle(orderWorkflowId(shopCartId, placed.id));
  await waitForStatus(handle, 'at_wms');

  const stamp = Date.now();
  stack.sim.control.advanceOrder((await handle.query(statusQuery)).easyPostOrderId!, {
    api_key: DEMO_KEYS.test_key,
    to: 'shipped',
    shipments: [
      { line_items: [{ barcode: BARCODES.socks, units: 2 }], carrier: 'USPS', tracking_code: `9400${stamp}1` },
      { line_items: [{ barcode: BARCODES.tote, units: 1 }], carrier: 'UPS', tracking_code: `1Z${stamp}2` },
    ],
  });
  await stack.env.client.workflow.execute(shipmentPickupWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${shipmentPickupScheduleId(stack.merchantId)}:split`,
    args: [{ merchantId: stack.merchantId }],
  });

  // Settled: confirmed, or `shipped` with the push's failure.
  let status = await handle.query(statusQuery);
  await pollUntil(async () => (status = await handle.query(statusQuery)).status === 'confirmed' || !!status.lastError, {
    timeoutMs: 30_000,
  });
  expect(status.lastError).toBeUndefined();
  expect(status.status).toBe('confirmed');
  expect(status.trackingPushed).toHaveLength(2);
  const fulfillments = shopify.control.fulfillments(shop.shop_id);
  expect(fulfillments.map((f) => [f.tracking.number, f.lines.map((line) => [line.sku, line.quantity])])).toEqual([
    [`9400${stamp}1`, [['SOCK-M', 2]]],
    [`1Z${stamp}2`, [['TOTE', 1]]],
  ]);
});
