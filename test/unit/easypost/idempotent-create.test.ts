import {
  createOrderIdempotently,
  findOrderByMarker,
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

function fakeClient(orders: Order[]) {
  const pagesRead: number[] = [];
  const client = {
    async *iterateOrders() {
      for (const [index, order] of orders.entries()) {
        pagesRead.push(index);
        yield order;
      }
    },
    createOrder: jest.fn(async (body: CreateOrderRequest) =>
      makeOrder({ id: 'order_new', description: body.description }),
    ),
  };
  return { client, pagesRead };
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

  it('stops paging at the first order last updated before createdAfter', async () => {
    const { client, pagesRead } = fakeClient([
      makeOrder({ id: 'order_new', updated_at: '2024-01-02T00:00:00.000Z' }),
      makeOrder({ id: 'order_old', updated_at: '2023-12-31T00:00:00.000Z' }),
      makeOrder({ id: 'order_match_but_older', description: marker, updated_at: '2023-12-30T00:00:00.000Z' }),
    ]);
    const found = await findOrderByMarker(client, marker, { createdAfter: new Date('2024-01-01T00:00:00Z') });
    expect(found).toBeUndefined();
    expect(pagesRead).toEqual([0, 1]);
  });

  it('counts an order from the same second as createdAfter as new enough (timestamps are whole seconds)', async () => {
    const { client } = fakeClient([
      makeOrder({ id: 'order_same_second', description: marker, updated_at: '2024-01-01T00:00:05.000Z' }),
    ]);
    const found = await findOrderByMarker(client, marker, { createdAfter: new Date('2024-01-01T00:00:05.750Z') });
    expect(found?.id).toBe('order_same_second');
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
