import type { FulfillmentOrderNode } from '../../../../src/carts/shopify/fulfillment-order-schema';
import { toCancelled, toPulledOrder } from '../../../../src/carts/shopify/normalise';
import { shopifyFulfillmentOrder } from '../../../helpers/cart-payloads';

const CART = { merchantId: 'acme', cartId: 'acme-shopify' };

function node(overrides: Partial<FulfillmentOrderNode> = {}): FulfillmentOrderNode {
  return { ...shopifyFulfillmentOrder(), ...overrides };
}

describe('Shopify fulfillment order → cart order', () => {
  it('maps the destination, the province code from the order address, lines at remaining quantity', () => {
    expect(toPulledOrder(node(), CART)).toEqual({
      kind: 'order',
      order: {
        ...CART,
        cartOrderId: 'gid://shopify/FulfillmentOrder/1',
        cartOrderNumber: '#1001',
        placedAt: '2025-03-14T01:30:00-08:00',
        shipTo: {
          name: 'Ada Lovelace',
          street1: '417 Montgomery St',
          city: 'San Francisco',
          state: 'CA',
          zip: '94104',
          country: 'US',
          email: 'ada@example.com',
        },
        lines: [{ lineId: 'gid://shopify/FulfillmentOrderLineItem/5', sku: 'TOTE-NAT', quantity: 2, title: 'Tote' }],
        shipMethod: 'Standard',
        note: 'Leave at door',
      },
    });
  });

  it('falls back to the order address and the shipping line code', () => {
    const pulled = toPulledOrder(
      node({
        destination: null,
        order: {
          ...node().order,
          shippingAddress: {
            firstName: 'Grace',
            lastName: 'Hopper',
            address1: '1 Navy Way',
            city: 'Arlington',
            provinceCode: 'VA',
            zip: '22202',
            countryCodeV2: 'US',
          },
          shippingLine: { title: ' ', code: 'EXP' },
        },
      }),
      CART,
    );
    expect(pulled).toMatchObject({
      kind: 'order',
      order: { shipTo: { name: 'Grace Hopper', state: 'VA' }, shipMethod: 'EXP' },
    });
  });

  it('names every bad field of a malformed order and keeps the draft', () => {
    const pulled = toPulledOrder(
      node({
        destination: { ...node().destination!, zip: '', countryCode: null },
        lineItems: {
          nodes: [{ id: 'l1', sku: null, productTitle: 'x', remainingQuantity: 0 }],
          pageInfo: { hasNextPage: true },
        },
      }),
      CART,
    );
    expect(pulled.kind).toBe('malformed');
    if (pulled.kind !== 'malformed') return;
    expect(pulled.problems.map((problem) => problem.field)).toEqual([
      'shipTo.zip',
      'shipTo.country',
      'lines[0].sku',
      'lines[0].quantity',
      'lines',
    ]);
    expect(pulled.draft).toMatchObject({ cartOrderId: 'gid://shopify/FulfillmentOrder/1', cartOrderNumber: '#1001' });
  });

  it('reads the merchant’s latest cancellation reason', () => {
    const pulled = toCancelled(
      node({
        merchantRequests: {
          nodes: [
            { kind: 'FULFILLMENT_REQUEST', message: null },
            { kind: 'CANCELLATION_REQUEST', message: 'Out of budget' },
          ],
        },
      }),
    );
    expect(pulled).toEqual({
      kind: 'cancelled',
      cartOrderId: 'gid://shopify/FulfillmentOrder/1',
      cartOrderNumber: '#1001',
      reason: 'Out of budget',
    });
    expect(toCancelled(node())).toMatchObject({ reason: 'Cancellation requested by the merchant' });
  });
});
