import { toPulledOrder } from '../../../../src/carts/bigcommerce/normalise';
import {
  bcOrderProductsSchema,
  bcOrderSchema,
  bcShippingAddressesSchema,
} from '../../../../src/carts/bigcommerce/schemas';
import { bigCommerceOrder } from '../../../helpers/cart-payloads';

describe('BigCommerce order → our order', () => {
  const ids = { merchantId: 'acme', cartId: 'acme-bc' };
  const details = (payload = bigCommerceOrder()) => ({
    order: bcOrderSchema.parse(payload.order),
    products: bcOrderProductsSchema.parse(payload.products),
    addresses: bcShippingAddressesSchema.parse(payload.addresses),
  });

  it('maps the order, its products and its one shipping address', () => {
    expect(toPulledOrder(details(), ids)).toEqual({
      kind: 'order',
      order: expect.objectContaining({
        cartOrderId: '120',
        cartOrderNumber: '120',
        placedAt: '2027-03-14T09:30:00.000Z',
        shipTo: expect.objectContaining({ name: 'Ada Lovelace', state: 'California', country: 'US' }),
        lines: [{ lineId: '7', sku: 'SOCK-CHAR-M', quantity: 2, title: 'Merino Crew Sock' }],
        shipMethod: 'Flat Rate',
      }),
    });
    // The address has no email or phone: the billing contact's fill in.
    const pulled = toPulledOrder(details(), ids);
    expect(pulled.kind === 'order' && [pulled.order.shipTo.email, pulled.order.shipTo.phone]).toEqual([
      'ada@example.com',
      '415-555-0100',
    ]);
  });

  it('names shipTo for an order with two shipping addresses or none, besides any field problem', () => {
    const payload = bigCommerceOrder();
    const two = details({
      ...payload,
      addresses: [payload.addresses[0]!, { ...payload.addresses[0]!, id: 4, zip: '' }],
    });
    const none = details({ ...payload, addresses: [] });
    const fields = (pulled: ReturnType<typeof toPulledOrder>) =>
      pulled.kind === 'malformed' ? pulled.problems.map((problem) => problem.field) : [];
    expect(fields(toPulledOrder(two, ids))).toEqual(['shipTo']);
    expect(fields(toPulledOrder(none, ids))).toEqual(expect.arrayContaining(['shipTo', 'shipTo.zip', 'shipMethod']));
  });
});
