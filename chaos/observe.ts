// Reads what a chaos run left behind, per planned order: the orders index, EasyPost's orders, the carts' tracking.
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
}

/** Every planned order as the world shows it, and the EasyPost markers no planned order explains. */
export async function observe(
  stack: ChaosStack,
  stores: Stores,
  planned: readonly PlannedOrder[],
): Promise<{ orders: AuditedOrder[]; strays: string[] }> {
  const { rows } = await stack.pool.query<Row>(
    `SELECT o.cart_id, o.cart_order_id, o.status, o.last_error,
       (SELECT a.detail->>'reason' FROM audit_log a
         WHERE a.cart_id = o.cart_id AND a.cart_order_id = o.cart_order_id
           AND a.action IN ('order.cancelled', 'order.cancel_failed')
         ORDER BY a.id DESC LIMIT 1) AS cancel_reason
     FROM orders o WHERE o.merchant_id = $1`,
    [stores.merchantId],
  );
  const index = new Map(rows.map((row) => [orderKey(row.cart_id, row.cart_order_id), row]));

  const easyPost = new Map<string, string[]>();
  for (const order of stack.sims.easypost.control.orders(DEMO_KEYS.test_key)) {
    for (const marker of (order.description ?? '').split(/\s+/).filter((word) => word.startsWith('epf:'))) {
      easyPost.set(marker, [...(easyPost.get(marker) ?? []), order.status]);
    }
  }

  const trackings = new Map<string, number>();
  const count = (key: string, n = 1) => trackings.set(key, (trackings.get(key) ?? 0) + n);
  for (const f of stack.sims.shopify.control.fulfillments(stores.shopId)) {
    if (f.tracking.number) count(orderKey(stores.shopCartId, f.fulfillment_order_id));
  }
  for (const order of stack.sims.woocommerce.control.orders(stores.siteId)) {
    count(orderKey(stores.wooCartId, String(order.id)), order.shipment_trackings.length);
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
      ...(order.badField ? { badField: order.badField } : {}),
      ...(row ? { index: { status: row.status, lastError: row.last_error, cancelReason: row.cancel_reason } } : {}),
      easyPost: easyPost.get(marker) ?? [],
      trackings: trackings.get(key) ?? 0,
    };
  });
  return { orders, strays: [...easyPost.keys()].filter((marker) => !markers.has(marker)) };
}
