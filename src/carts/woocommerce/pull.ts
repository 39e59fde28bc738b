import { z } from 'zod';
import type { OrderPage } from '../adapter';
import { advance, decodeCursor, encodeCursor, isNew, modifiedAfter } from '../modified-cursor';
import { WooCommerceUnavailable } from './errors';
import type { WooHttp } from './http';
import { gmt, toPulledOrder } from './normalise';
import { wooOrderSchema } from './schemas';

export interface PullOptions {
  merchantId: string;
  cartId: string;
  /** Orders per call; WooCommerce allows at most 100. */
  pageSize: number;
  /** Where a cart without a cursor starts (ISO 8601). */
  startAt: string;
}

/**
 * One page of orders changed since the cursor: `processing` ones to fulfil and `cancelled` ones to stop, in one
 * listing (wc/v3 takes a list of statuses), oldest change first.
 */
export async function listOrders(http: WooHttp, options: PullOptions, stored: string | undefined): Promise<OrderPage> {
  const cursor = decodeCursor(stored, options.startAt);
  const { body, headers } = await http('GET', 'wc/v3/orders', {
    query: {
      status: 'processing,cancelled',
      modified_after: modifiedAfter(cursor),
      dates_are_gmt: true,
      orderby: 'modified',
      order: 'asc',
      page: cursor.page,
      per_page: options.pageSize,
    },
  });
  const parsed = z.array(wooOrderSchema).safeParse(body);
  // An order without an id or modified date is not an order: the answer is broken, not the merchant's data.
  if (!parsed.success) throw new WooCommerceUnavailable(`GET wc/v3/orders: unexpected answer: ${parsed.error.message}`);
  const listed = parsed.data.map((order) => ({
    order,
    id: order.id,
    modified: gmt(order.date_modified_gmt),
    status: order.status,
  }));
  const totalPages = Number(headers.get('x-wp-totalpages') ?? '1');
  const lastPage = cursor.page >= totalPages;
  return {
    orders: listed.filter((entry) => isNew(cursor, entry)).map((entry) => toPulledOrder(entry.order, options)),
    cursor: encodeCursor(advance(cursor, listed, lastPage)),
    hasMore: !lastPage,
  };
}
