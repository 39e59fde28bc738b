import { EasyPostError } from './errors';
import { sortOf } from './listing-probe';
import type { Order } from './schemas';

/**
 * Pages one lookup may read: a window of 4,000 orders newest first, or a window of 2,000 at the end of an
 * oldest-first list of a million (the search costs 2·log2(pages)). Past it the lookup gives up rather than read a
 * whole history: an unsorted list that ignores `query` answers every order the account has.
 */
export const LOOKUP_PAGE_BUDGET = 40;

/** How a window was read: sequentially from the newest, by a search from the oldest, or every page. */
export type WindowStrategy = 'newest_first' | 'oldest_first' | 'all';

/** The pages of one listing, each fetched once, at most `budget` fetches; past it an inconclusive error names `what`. */
export class PageReader {
  private readonly pages = new Map<number, Order[]>();
  private fetches = 0;

  constructor(
    private readonly fetchPage: (page: number) => Promise<Order[]>,
    readonly perPage: number,
    private readonly budget: number,
    private readonly what: string,
  ) {}

  get pagesRead(): number {
    return this.fetches;
  }

  async read(page: number): Promise<Order[]> {
    const cached = this.pages.get(page);
    if (cached) return cached;
    if (this.fetches >= this.budget) {
      throw new EasyPostError({
        kind: 'lookup_inconclusive',
        message:
          `Read ${this.budget} pages of GET orders looking for ${this.what} without reaching the end: ` +
          `the server lists more orders than the lookup may read (it ignores query, and is not sorted by created_at)`,
      });
    }
    this.fetches += 1;
    const orders = await this.fetchPage(page);
    this.pages.set(page, orders);
    return orders;
  }

  /** A page shorter than `perPage` is the last (there is no cursor, doc §2). */
  isLast(page: readonly Order[]): boolean {
    return page.length < this.perPage;
  }

  /** Every page read so far, in list order: enough to check the sort the reading relied on. */
  seen(): Order[] {
    return [...this.pages.entries()].sort(([a], [b]) => a - b).flatMap(([, orders]) => orders);
  }
}

const createdSince = (since: string) => (order: Order) => order.created_at >= since;

/**
 * Newest first, the orders of the window are a head of the list: read on until a page ends before `since`. Also the
 * reading for a list in no order, or one that turned out not sorted: every page is read, and it stops early only
 * while the pages read are sorted newest first.
 */
async function readFromNewest(reader: PageReader, since: string): Promise<Order[]> {
  const orders: Order[] = [];
  for (let page = 0; ; page += 1) {
    const items = await reader.read(page);
    orders.push(...items.filter(createdSince(since)));
    if (reader.isLast(items)) return orders;
    if (items.at(-1)!.created_at < since && sortOf(reader.seen()) === 'newest_first') return orders;
  }
}

/**
 * Oldest first, the window is the tail of the list, and there is no total to find it by: gallop over pages 1, 2, 4…
 * to one that reaches `since` (or is the last), halve back to the first such page, then read on to the end. About
 * 2·log2(pages) reads plus the window's own. Undefined when the pages read turn out not sorted oldest first.
 */
async function readTailFromOldest(reader: PageReader, since: string): Promise<Order[] | undefined> {
  const reaches = (items: readonly Order[]) => reader.isLast(items) || items.at(-1)!.created_at >= since;
  let before = -1; // the last page known to end before the window
  let first = 0; // a page that reaches the window
  while (!reaches(await reader.read(first))) {
    before = first;
    first = first === 0 ? 1 : first * 2;
  }
  while (first - before > 1) {
    const middle = Math.floor((before + first) / 2);
    if (reaches(await reader.read(middle))) first = middle;
    else before = middle;
  }
  const orders: Order[] = [];
  for (let page = first; ; page += 1) {
    const items = await reader.read(page);
    orders.push(...items.filter(createdSince(since)));
    if (reader.isLast(items)) break;
  }
  const sort = sortOf(reader.seen());
  return sort === 'oldest_first' || sort === 'unknown' ? orders : undefined;
}

/**
 * The orders created at or after `since` (an ISO string, as `timestamp` yields; '' for all), each once, whatever
 * the list's sort: it is told from the first pages, and the pages read are checked against it before they are
 * trusted. Throws `lookup_inconclusive` when that takes more than the reader's budget: an incomplete answer would
 * read as "no such order".
 */
export async function ordersCreatedSince(
  reader: PageReader,
  since: string,
): Promise<{ orders: Order[]; strategy: WindowStrategy }> {
  // Orders from one second (a burst) tell no direction: read on until two differ or the list ends.
  for (let page = 0; sortOf(reader.seen()) === 'unknown'; page += 1) {
    if (reader.isLast(await reader.read(page))) break;
  }
  const sort = sortOf(reader.seen());
  let orders: Order[] | undefined;
  let strategy: WindowStrategy = sort === 'newest_first' ? 'newest_first' : 'all';
  if (sort === 'oldest_first') {
    orders = await readTailFromOldest(reader, since);
    if (orders) strategy = 'oldest_first';
  }
  orders ??= await readFromNewest(reader, since);
  // Orders created while we page shift a newest-first list: one may show on two pages.
  const byId = new Map(orders.map((order) => [order.id, order]));
  return { orders: [...byId.values()], strategy };
}
