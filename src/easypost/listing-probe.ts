import { randomBytes } from 'node:crypto';
import type { Order } from './schemas';

// The order list's sort and its `query` filter are assumptions (docs/easypost-api.md §2): this module tells them from
// what the server answers, so a lookup never rests on them.

/** How a list of orders is sorted by `created_at`, as far as the orders seen tell. */
export type ListingSort = 'newest_first' | 'oldest_first' | 'unsorted' | 'unknown';

/**
 * The sort of these orders, read in list order: the direction of the first two that differ, `unsorted` when a later
 * pair goes the other way, `unknown` while every `created_at` is the same (whole seconds: a burst often is).
 */
export function sortOf(orders: readonly Pick<Order, 'created_at'>[]): ListingSort {
  let sort: ListingSort = 'unknown';
  for (let i = 1; i < orders.length; i += 1) {
    const previous = orders[i - 1]!.created_at;
    const current = orders[i]!.created_at;
    if (current === previous) continue;
    const direction = current < previous ? 'newest_first' : 'oldest_first';
    if (sort === 'unknown') sort = direction;
    else if (sort !== direction) return 'unsorted';
  }
  return sort;
}

/** True when the order names `text` where the doc says `query` searches: its id, description or a tracking code. */
export function mentions(order: Order, text: string): boolean {
  const needle = text.toLowerCase();
  return (
    order.id === text ||
    (order.description ?? '').toLowerCase().includes(needle) ||
    order.trackers.some((tracker) => tracker.tracking_code === text)
  );
}

export type ListingQuery = 'honoured' | 'ignored' | 'unknown';

export interface ListingProbe {
  sort: ListingSort;
  query: ListingQuery;
}

/**
 * Asks the server how it lists: one unfiltered page for the sort, one `query` for a token no order carries for the
 * filter (an honoured query answers nothing). `unknown` when the account has too few orders to tell. The contract
 * check runs it; lookups do not need it, they tell the same from the pages they read.
 */
export async function probeListing(
  listOrders: (options: { page: number; perPage: number; query?: string }) => Promise<Order[]>,
  perPage = 100,
): Promise<ListingProbe> {
  const all = await listOrders({ page: 0, perPage });
  const nonce = `epf:probe:${randomBytes(8).toString('hex')}`;
  const filtered = await listOrders({ page: 0, perPage, query: nonce });
  const query: ListingQuery = filtered.length > 0 ? 'ignored' : all.length > 0 ? 'honoured' : 'unknown';
  return { sort: sortOf(all), query };
}
