import type { OrderIndex, OrderRow } from '../db/orders';

export type OrderLookup = { row: OrderRow } | { problem: 'not found' | 'ambiguous'; message: string };

/**
 * The one order `ref` names (cart order ID, cart order number or EasyPost order ID), optionally within a cart; the
 * CLI and the API each say in their own words how to pick a cart when the ref is ambiguous.
 */
export async function findOrder(orders: OrderIndex, ref: string, cartId?: string): Promise<OrderLookup> {
  const rows = await orders.find(cartId, ref);
  if (rows.length === 0)
    return { problem: 'not found', message: `no order matches ${ref}${cartId ? ` in cart ${cartId}` : ''}` };
  // Order numbers repeat across carts (every shop has a #1001).
  if (rows.length > 1) return { problem: 'ambiguous', message: `ambiguous ref: ${ref} matches ${rows.length} orders` };
  return { row: rows[0]! };
}
