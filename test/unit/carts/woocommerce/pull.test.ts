import { WooCommerceUnavailable } from '../../../../src/carts/woocommerce/errors';
import type { WooHttp } from '../../../../src/carts/woocommerce/http';
import { listOrders } from '../../../../src/carts/woocommerce/pull';

const options = { merchantId: 'demo', cartId: 'woo-demo', pageSize: 100, startAt: '2027-01-01T00:00:00Z' };

const answering =
  (body: unknown): WooHttp =>
  async () => ({ body, headers: new Headers({ 'x-wp-totalpages': '1' }) });

describe('WooCommerce listing', () => {
  // Found by test/fuzz/cart-orders.fuzz.test.ts: the cursor read the date as NaN and the order was never "new".
  it.each(['', '100\u0000', '2027-02-30T25:61:00'])(
    'fails the page for an order modified at %j instead of dropping the order',
    async (modified) => {
      const order = { id: 7, number: '7', status: 'processing', date_modified_gmt: modified };
      const listing = listOrders(answering([order]), options, undefined);
      await expect(listing).rejects.toThrow(WooCommerceUnavailable);
      await expect(listing).rejects.toThrow(/date_modified_gmt/);
    },
  );

  it('lists an order modified at a WooCommerce date', async () => {
    const order = { id: 7, number: '7', status: 'processing', date_modified_gmt: '2027-03-14T09:31:00' };
    expect((await listOrders(answering([order]), options, undefined)).orders).toHaveLength(1);
  });
});
