// Reads what a chaos run left behind, per planned order: the orders index, EasyPost's orders, the carts' fulfillments.
import { orderWorkflowId } from '../src/domain/order';
import { orderMarker } from '../src/easypost/idempotent-create';
import { DEMO_KEYS } from '../src/simulators/easypost/demo';
import { orderKey, type AuditedOrder } from './audit';
import type { PlannedOrder, Stores } from './load';
import type { ChaosStack } from './stack';

interface Row {
  cart_id: string;
  cart_order_id: string;
  status: string;
  last_error: string | null;
  cancel_reason: string | null;
  hold_count: number;
}

/** Every planned order as the world shows it, and the EasyPost markers no planned order explains. */
export async function observe(
  stack: ChaosStack,
  stores: Stores,
  planned: readonly PlannedOrder[],
): Promise<{ orders: AuditedOrder[]; strays: string[] }> {
  const { rows } = await stack.pool.query<Row>(
    `SELECT o.cart_id, o.cart_order_id, o.status, o.last_error, o.hold_count,
       (SELECT a.detail->>'reason' FROM audit_log a
         WHERE a.cart_id = o.cart_id AND a.cart_order_id = o.cart_order_id
           AND a.action IN ('order.cancelled', 'order.cancel_failed')
         ORDER BY a.id DESC LIMIT 1) AS cancel_reason
     FROM orders o WHERE o.merchant_id = ANY($1)`,
    [stores.merchantIds],
  );
  const index = new Map(rows.map((row) => [orderKey(row.cart_id, row.cart_order_id), row]));

  const easyPost = new Map<string, string[]>();
  for (const order of stack.sims.easypost.control.orders(DEMO_KEYS.test_key)) {
    for (const marker of (order.description ?? '').split(/\s+/).filter((word) => word.startsWith('epf:'))) {
      easyPost.set(marker, [...(easyPost.get(marker) ?? []), order.status]);
    }
  }

  // One tracking number per fulfillment in the cart, by cart order.
  const fulfillments = new Map<string, string[]>();
  const add = (key: string, tracking: string) => fulfillments.set(key, [...(fulfillments.get(key) ?? []), tracking]);
  for (const f of stack.sims.shopify.control.fulfillments(stores.shopId)) {
    add(orderKey(stores.shopCartId, f.fulfillment_order_id), f.tracking.number ?? 'without tracking');
  }
  for (const [cartId, siteId] of [
    [stores.wooCartId, stores.siteId],
    [stores.graceCartId, stores.graceSiteId],
  ] as const) {
    for (const order of stack.sims.woocommerce.control.orders(siteId)) {
      for (const tracking of order.shipment_trackings)
        add(orderKey(cartId, String(order.id)), tracking.tracking_number);
    }
  }

  for (const order of stack.sims.bigcommerce.control.orders(stores.bigCommerceStore)) {
    for (const shipment of order.shipments)
      add(orderKey(stores.bigCommerceCartId, String(order.id)), shipment.tracking_number);
  }

  const markers = new Set<string>();
  const orders = planned.map((order): AuditedOrder => {
    const key = orderKey(order.cartId, order.cartOrderId);
    const marker = orderMarker(orderWorkflowId(order.cartId, order.cartOrderId));
    markers.add(marker);
    const row = index.get(key);
    return {
      key,
      fate: order.fate,
      malformed: order.malformed,
      lowStock: order.lowStock,
      ...(order.cancelAt ? { cancelAt: order.cancelAt } : {}),
      ...(order.badField ? { badField: order.badField } : {}),
      ...(row
        ? {
            index: {
              status: row.status,
              lastError: row.last_error,
              cancelReason: row.cancel_reason,
              holdCount: row.hold_count,
            },
          }
        : {}),
      easyPost: easyPost.get(marker) ?? [],
      fulfillments: fulfillments.get(key) ?? [],
    };
  });
  return { orders, strays: [...easyPost.keys()].filter((marker) => !markers.has(marker)) };
}
