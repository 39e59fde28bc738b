import type { OrderPage } from '../../../../src/carts/adapter';
import { BigCommerceUnavailable } from '../../../../src/carts/bigcommerce/errors';
import type { BigCommerceHttp } from '../../../../src/carts/bigcommerce/http';
import { listOrders } from '../../../../src/carts/bigcommerce/pull';
import { bigCommerceOrder } from '../../../helpers/cart-payloads';
import { idsOf } from '../../../helpers/cart-pulls';

const options = {
  merchantId: 'demo',
  cartId: 'bc-demo',
  pageSize: 50,
  startAt: '2027-01-01T00:00:00Z',
  statusIds: [11],
};
const payload = bigCommerceOrder();

/**
 * A store with `orders` (id → modified date) whose sub-resource calls fail at the numbers in `failing` (counting
 * every call, listing included), as a flaky network would.
 */
function store(orders: [number, string][], failing: number[]): BigCommerceHttp {
  let calls = 0;
  return async (_method, path, request) => {
    calls += 1;
    if (failing.includes(calls)) throw new BigCommerceUnavailable(`${path}: reset`);
    if (path.endsWith('/products')) return { body: payload.products, status: 200 };
    if (path.endsWith('/shipping_addresses')) return { body: payload.addresses, status: 200 };
    const since = Date.parse(String(request?.query?.min_date_modified));
    const listed = orders
      .filter(([, modified]) => Date.parse(modified) >= since)
      .map(([id, modified]) => ({ ...payload.order, id, date_modified: modified }));
    return { body: listed, status: 200 };
  };
}

async function pullAll(http: BigCommerceHttp): Promise<OrderPage[]> {
  const pages: OrderPage[] = [];
  let cursor: string | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const page = await listOrders(http, options, cursor);
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) return pages;
    } catch (error) {
      if (!(error instanceof BigCommerceUnavailable)) throw error; // the activity retries
    }
  }
  throw new Error('the pull never finished');
}

describe('BigCommerce listing', () => {
  it.each([
    ['different seconds', ['Sun, 14 Mar 2027 09:31:00 +0000', 'Sun, 14 Mar 2027 09:31:01 +0000']],
    ['the same second', ['Sun, 14 Mar 2027 09:31:00 +0000', 'Sun, 14 Mar 2027 09:31:00 +0000']],
  ])(
    'keeps the orders before a failed sub-resource call and resumes at the failed one (%s)',
    async (_case, [first, later]) => {
      const orders: [number, string][] = [
        [1, first!],
        [2, later!],
        [3, later!],
      ];
      // Calls: listing 1, order 1's products and addresses 2-3, order 2's products 4 (fails).
      const pages = await pullAll(store(orders, [4]));
      expect(idsOf(pages)).toEqual(['1', '2', '3']);
      expect(pages[0]).toMatchObject({ hasMore: true });
      expect(idsOf(pages.slice(0, 1))).toEqual(['1']);
    },
  );

  it('fails the page when the first order cannot be read: nothing is delivered, the retry starts over', async () => {
    const http = store([[1, 'Sun, 14 Mar 2027 09:31:00 +0000']], [2]);
    await expect(listOrders(http, options, undefined)).rejects.toBeInstanceOf(BigCommerceUnavailable);
    expect(idsOf([await listOrders(http, options, undefined)])).toEqual(['1']);
  });
});
