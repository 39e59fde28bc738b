import {
  createOrderIdempotently,
  EasyPostError,
  findOrderByMarker,
  LOOKUP_PAGE_BUDGET,
  lookUpMarker,
  sortOf,
  hasMarker,
  MAX_MARKER_LENGTH,
  orderMarker,
  type CreateOrderRequest,
  type Order,
} from '../../../src/easypost';
import { makeOrder } from './fixtures';

const request: CreateOrderRequest = {
  service: 'standard',
  description: '#1001',
  destination: { name: 'A', street1: '1 Main', city: 'X', state: 'CA', zip: '90001', country: 'US' },
  line_items: [{ product: { barcode: '012' }, units: 1 }],
};

interface Listing {
  /** Newest first (the default) or oldest first. */
  oldestFirst?: boolean;
  /** The server answers every order whatever `query` says. */
  ignoresQuery?: boolean;
}

/** A paged `GET orders` over `orders` (given newest first), recording the pages read. */
function fakeClient(orders: Order[], { oldestFirst = false, ignoresQuery = false }: Listing = {}) {
  const pagesRead: number[] = [];
  const listed = oldestFirst ? [...orders].reverse() : orders;
  const client = {
    listOrders: jest.fn(async ({ page, perPage = 100, query }: { page: number; perPage?: number; query?: string }) => {
      pagesRead.push(page);
      const matching =
        query && !ignoresQuery ? listed.filter((order) => (order.description ?? '').includes(query)) : listed;
      return matching.slice(page * perPage, (page + 1) * perPage);
    }),
    createOrder: jest.fn(async (body: CreateOrderRequest) =>
      makeOrder({ id: 'order_new', description: body.description }),
    ),
  };
  return { client, pagesRead };
}

/** `count` other orders, one a minute, newest first, the newest at `newest`. */
function history(count: number, newest = Date.parse('2024-01-10T00:00:00Z')): Order[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(newest - i * 60_000).toISOString();
    return makeOrder({
      id: `order_${i}`,
      description: `#${i} epf:order:shop1:other${i}`,
      created_at: at,
      updated_at: at,
    });
  });
}

describe('orderMarker', () => {
  it('is epf: plus the workflow ID, without whitespace', () => {
    expect(orderMarker('order:shop1:1001')).toBe('epf:order:shop1:1001');
    expect(orderMarker('order:shop 1:10 01')).toBe('epf:order:shop_1:10_01');
  });

  it('caps long IDs at the limit, keeping them apart with a hash', () => {
    const long = `order:${'c'.repeat(120)}:`;
    const a = orderMarker(`${long}1`);
    const b = orderMarker(`${long}2`);
    expect(a).toHaveLength(MAX_MARKER_LENGTH);
    expect(a.startsWith('epf:order:ccc')).toBe(true);
    expect(a).not.toBe(b);
  });
});

describe('hasMarker', () => {
  it('matches whole tokens only', () => {
    expect(hasMarker('#1001 epf:order:shop1:1001', 'epf:order:shop1:1001')).toBe(true);
    expect(hasMarker('epf:order:shop1:1001', 'epf:order:shop1:100')).toBe(false);
    expect(hasMarker(null, 'epf:x')).toBe(false);
  });
});

describe('findOrderByMarker', () => {
  const marker = 'epf:order:shop1:1001';

  it('skips cancelled and look-alike orders', async () => {
    const { client } = fakeClient([
      makeOrder({ id: 'order_a', description: 'epf:order:shop1:10011' }),
      makeOrder({ id: 'order_b', description: marker, status: 'cancelled' }),
      makeOrder({ id: 'order_c', description: `#1001 ${marker}` }),
    ]);
    expect((await findOrderByMarker(client, marker))?.id).toBe('order_c');
  });

  it('counts an order from the same second as createdAfter as new enough (timestamps are whole seconds)', async () => {
    const { client } = fakeClient(
      [
        makeOrder({ id: 'order_same_second', description: marker, created_at: '2024-01-01T00:00:05.000Z' }),
        ...history(3, Date.parse('2024-01-01T00:00:04Z')),
      ],
      { ignoresQuery: true },
    );
    const found = await findOrderByMarker(client, marker, { createdAfter: new Date('2024-01-01T00:00:05.750Z') });
    expect(found?.id).toBe('order_same_second');
  });
});

describe('lookUpMarker', () => {
  const marker = 'epf:order:shop1:1001';
  const createdAfter = new Date('2024-01-09T00:00:00Z');
  const ours = (minutesAgo: number) => {
    const at = new Date(Date.parse('2024-01-10T00:00:00Z') - minutesAgo * 60_000 + 30_000).toISOString();
    return makeOrder({ id: 'order_ours', description: `#1001 ${marker}`, created_at: at, updated_at: at });
  };
  /** 5,000 orders over 3.5 days, ours among them 10 minutes before the newest. */
  const busy = () => {
    const orders = history(5000);
    orders.splice(10, 0, ours(10));
    return orders;
  };

  it('takes the filtered answer of a server that honours query, in one page whatever its sort', async () => {
    const { client, pagesRead } = fakeClient(busy(), { oldestFirst: true });
    const found = await lookUpMarker(client, marker, { createdAfter });
    expect(found).toMatchObject({ order: { id: 'order_ours' }, strategy: 'query', pagesRead: 1 });
    expect(pagesRead).toEqual([0]);
  });

  it('reads a newest-first list that ignores query only back to createdAfter', async () => {
    const { client } = fakeClient(busy(), { ignoresQuery: true });
    const found = await lookUpMarker(client, marker, { createdAfter: new Date('2024-01-09T23:00:00Z') });
    expect(found).toMatchObject({ order: { id: 'order_ours' }, strategy: 'scan_newest_first', pagesRead: 1 });
    const absent = await lookUpMarker(client, 'epf:order:shop1:9999', { createdAfter });
    expect(absent).toMatchObject({ order: undefined, strategy: 'scan_newest_first', pagesRead: 15 });
  });

  it('finds the window at the tail of an oldest-first list that ignores query in a few pages', async () => {
    const { client } = fakeClient(busy(), { oldestFirst: true, ignoresQuery: true });
    const found = await lookUpMarker(client, marker, { createdAfter: new Date('2024-01-09T23:00:00Z') });
    expect(found).toMatchObject({ order: { id: 'order_ours' }, strategy: 'scan_oldest_first' });
    // 51 pages: a search of about 2·log2(51) pages, then the window's own.
    expect(found.pagesRead).toBeLessThanOrEqual(15);
    const absent = await lookUpMarker(client, 'epf:order:shop1:9999', { createdAfter });
    expect(absent).toMatchObject({ order: undefined, strategy: 'scan_oldest_first' });
  });

  it('gives up with lookup_inconclusive, never "not found", when the window is longer than the budget', async () => {
    const { client } = fakeClient(history(10_000), { ignoresQuery: true });
    const error = await lookUpMarker(client, marker, { createdAfter: new Date('2023-01-01T00:00:00Z') }).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(EasyPostError);
    expect(error).toMatchObject({ kind: 'lookup_inconclusive', retryable: false });
    expect(client.listOrders).toHaveBeenCalledTimes(LOOKUP_PAGE_BUDGET);
  });

  it('reads every page when a list that starts oldest first turns out not sorted', async () => {
    // Oldest first, except that the newest 100 orders sit at the front, ours among them.
    const orders = history(400);
    orders.splice(50, 0, ours(50));
    const listed = [...orders.slice(0, 100).reverse(), ...orders.slice(100).reverse()];
    const { client } = fakeClient([...listed].reverse(), { oldestFirst: true, ignoresQuery: true });
    const found = await lookUpMarker(client, marker, { createdAfter: new Date('2024-01-09T23:00:00Z') });
    expect(found).toMatchObject({ order: { id: 'order_ours' }, strategy: 'scan_all', pagesRead: 5 });
  });

  it('reads every page of a list in no order, and finds ours on the last', async () => {
    const orders = history(450).sort((a, b) => a.id.localeCompare(b.id));
    orders.push(ours(600));
    const { client } = fakeClient(orders, { ignoresQuery: true });
    const found = await lookUpMarker(client, marker, { createdAfter });
    expect(found).toMatchObject({ order: { id: 'order_ours' }, strategy: 'scan_all', pagesRead: 5 });
  });
});

describe('sortOf', () => {
  const at = (...seconds: number[]) => seconds.map((s) => ({ created_at: new Date(s * 1000).toISOString() }));
  it('tells the direction from the first two orders that differ', () => {
    expect(sortOf(at(5, 5, 4, 4, 1))).toBe('newest_first');
    expect(sortOf(at(1, 1, 2, 3))).toBe('oldest_first');
    expect(sortOf(at(3, 3, 3))).toBe('unknown');
    expect(sortOf(at(3, 1, 2))).toBe('unsorted');
  });
});

describe('createOrderIdempotently', () => {
  const marker = 'epf:order:shop1:1001';

  it('posts with the marker appended to the description on a first attempt', async () => {
    const { client, pagesRead } = fakeClient([makeOrder({ description: marker })]);
    const result = await createOrderIdempotently(client, request, { marker, checkExistingFirst: false });
    expect(result).toMatchObject({ adopted: false, order: { id: 'order_new', description: `#1001 ${marker}` } });
    expect(pagesRead).toEqual([]);
  });

  it('adopts an existing order on a retry', async () => {
    const { client } = fakeClient([makeOrder({ id: 'order_old', description: `#1001 ${marker}` })]);
    const result = await createOrderIdempotently(client, request, { marker, checkExistingFirst: true });
    expect(result).toMatchObject({ adopted: true, order: { id: 'order_old' } });
    expect(client.createOrder).not.toHaveBeenCalled();
  });

  it('creates on a retry when nothing carries the marker', async () => {
    const { client } = fakeClient([makeOrder({ id: 'order_gone', description: marker, status: 'cancelled' })]);
    const result = await createOrderIdempotently(
      client,
      { ...request, description: undefined },
      {
        marker,
        checkExistingFirst: true,
      },
    );
    expect(result).toMatchObject({ adopted: false, order: { description: marker } });
  });
});
