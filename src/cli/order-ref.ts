import type { OrderIndex, OrderRow } from '../db/orders';
import { CliError } from './errors';

/** The one order `ref` names (cart order ID, cart order number or EasyPost order ID), optionally within a cart. */
export async function resolveOrder(orders: OrderIndex, ref: string, cartId?: string): Promise<OrderRow> {
  const rows = await orders.find(cartId, ref);
  if (rows.length === 0) throw new CliError(`no order matches ${ref}${cartId ? ` in cart ${cartId}` : ''}`);
  // Order numbers repeat across carts (every shop has a #1001); --cart picks one.
  if (rows.length > 1) throw new CliError(`ambiguous ref: ${ref} matches ${rows.length} orders, pass --cart`);
  return rows[0]!;
}
