import { toPulledOrder } from '../../../../src/carts/woocommerce/normalise';
import { wooOrderSchema } from '../../../../src/carts/woocommerce/schemas';
import { wooCommerceOrder } from '../../../helpers/cart-payloads';

const ids = { merchantId: 'demo', cartId: 'woo-demo' };

function wooOrder(overrides: Record<string, unknown> = {}) {
  return wooOrderSchema.parse({ ...wooCommerceOrder(), ...overrides });
}

describe('WooCommerce order normalisation', () => {
  it('maps a processing order to our order: names joined, "" dropped, GMT dates as UTC, billing email and phone', () => {
    expect(toPulledOrder(wooOrder(), ids)).toEqual({
      kind: 'order',
      order: {
        ...ids,
        cartOrderId: '1042',
        cartOrderNumber: '1042',
        placedAt: '2027-03-14T09:30:00Z',
        shipTo: {
          name: 'Ada Lovelace',
          street1: '417 Montgomery St',
          city: 'San Francisco',
          state: 'CA',
          zip: '94104',
          country: 'US',
          phone: '415-555-0100',
          email: 'ada@example.com',
        },
        lines: [{ lineId: '7', sku: 'SOCK-CHAR-M', quantity: 2, title: 'Merino Crew Sock' }],
        shipMethod: 'Flat rate',
      },
    });
  });

  it('names our fields for each problem and keeps the draft, so the order is held rather than dropped', () => {
    const pulled = toPulledOrder(
      wooOrder({
        shipping: { first_name: 'Ada', address_1: '1 Main St', city: 'X', postcode: '', country: 'United States' },
        line_items: [{ id: 8, sku: null, quantity: 0 }],
        shipping_lines: [],
      }),
      ids,
    );
    expect(pulled.kind).toBe('malformed');
    if (pulled.kind !== 'malformed') return;
    expect(pulled.draft).toMatchObject({ cartOrderId: '1042', cartOrderNumber: '1042' });
    expect(pulled.problems.map((problem) => problem.field).sort()).toEqual(
      ['lines[0].quantity', 'lines[0].sku', 'shipMethod', 'shipTo.country', 'shipTo.zip'].sort(),
    );
  });

  it('reports a cancelled order as a cancellation whatever else it holds', () => {
    expect(toPulledOrder(wooOrder({ status: 'cancelled', line_items: [] }), ids)).toEqual({
      kind: 'cancelled',
      cartOrderId: '1042',
      cartOrderNumber: '1042',
      reason: 'Cancelled in WooCommerce',
    });
  });
});
