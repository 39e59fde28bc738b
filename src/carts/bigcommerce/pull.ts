import { z } from 'zod';
import type { OrderPage, PulledOrder } from '../adapter';
import { advance, decodeCursor, encodeCursor, isNew, modifiedAfter, resumeAfter } from '../modified-cursor';
import { listAllV2 } from './collections';
import { BigCommerceRefusal, BigCommerceUnavailable } from './errors';
import type { BigCommerceHttp } from './http';
import { isoDate, toCancelled, toPulledOrder } from './normalise';
import { bcOrderProductsSchema, bcOrderSchema, bcShippingAddressesSchema, type BcOrder } from './schemas';

/** BigCommerce's status "Cancelled". */
export const CANCELLED = 5;

export interface PullOptions {
  merchantId: string;
  cartId: string;
  /** Orders per listing call; V2 allows at most 250. */
  pageSize: number;
  /** Where a cart without a cursor starts (ISO 8601). */
  startAt: string;
  /** Statuses that mean "ship it" (default Awaiting Fulfillment). */
  statusIds: number[];
}

/** A sub-resource of an order that vanished between the listing and now (deleted): nothing to read. */
async function orEmptyWhenGone(read: Promise<unknown[]>): Promise<unknown[]> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BigCommerceRefusal && error.status === 404) return [];
    throw error;
  }
}

/** An order to fulfil with its products and shipping addresses, which V2 lists apart. */
async function withDetails(http: BigCommerceHttp, order: BcOrder, options: PullOptions): Promise<PulledOrder> {
  const [products, addresses] = await Promise.all([
    orEmptyWhenGone(listAllV2(http, `v2/orders/${order.id}/products`)),
    orEmptyWhenGone(listAllV2(http, `v2/orders/${order.id}/shipping_addresses`)),
  ]);
  return toPulledOrder(
    { order, products: bcOrderProductsSchema.parse(products), addresses: bcShippingAddressesSchema.parse(addresses) },
    options,
  );
}

/**
 * One page of orders changed since the cursor, oldest change first (docs/bigcommerce-api.md §7). V2 filters on one
 * `status_id` at a time, so epf lists every status and keeps the ones it fulfils and Cancelled; other statuses
 * (pending payment, shipped, refunded, …) are not epf's business and are passed over, as WooCommerce's listing
 * leaves them out. An order whose products or addresses cannot be read ends the page early (§7).
 */
export async function listOrders(
  http: BigCommerceHttp,
  options: PullOptions,
  stored: string | undefined,
): Promise<OrderPage> {
  const cursor = decodeCursor(stored, options.startAt);
  const { body } = await http('GET', 'v2/orders', {
    query: {
      min_date_modified: `${modifiedAfter(cursor)}+00:00`,
      sort: 'date_modified:asc',
      page: cursor.page,
      limit: options.pageSize,
    },
  });
  const parsed = z.array(bcOrderSchema).safeParse(body ?? []);
  // An order without an id, status or modified date is not an order: the answer is broken, not the merchant's data.
  if (!parsed.success) throw new BigCommerceUnavailable(`GET v2/orders: unexpected answer: ${parsed.error.message}`);
  const listed = parsed.data.map((order) => ({
    order,
    id: order.id,
    modified: isoDate(order.date_modified)!,
    status: order.status_id,
  }));
  const lastPage = listed.length < options.pageSize;
  const fresh = listed.filter((entry) => isNew(cursor, entry));
  const orders: PulledOrder[] = [];
  for (const [index, { order }] of fresh.entries()) {
    try {
      if (order.status_id === CANCELLED) orders.push(toCancelled(order));
      else if (options.statusIds.includes(order.status_id)) orders.push(await withDetails(http, order, options));
    } catch (error) {
      if (index === 0) throw error;
      // Each order costs two calls of its own: keep what the page brought so far, so one failed call never throws
      // away the orders before it, and the next call starts at this order.
      return { orders, cursor: encodeCursor(resumeAfter(cursor, fresh.slice(0, index))), hasMore: true };
    }
  }
  return { orders, cursor: encodeCursor(advance(cursor, listed, lastPage)), hasMore: !lastPage };
}
