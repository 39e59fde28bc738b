import type { OrderIndex, OrderRow } from '../db/orders';
import { findOrder } from '../orders/order-ref';
import { CliError } from './errors';

/** The one order `ref` names; --cart picks one when the ref matches orders of several carts. */
export async function resolveOrder(orders: OrderIndex, ref: string, cartId?: string): Promise<OrderRow> {
  const found = await findOrder(orders, ref, cartId);
  if ('row' in found) return found.row;
  throw new CliError(found.problem === 'ambiguous' ? `${found.message}, pass --cart` : found.message);
}
