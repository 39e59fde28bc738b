import type { CartOrder } from '../../../src/domain/order';

/** A valid cart order; tests override what they are about. */
export function cartOrder(overrides: Partial<CartOrder> = {}): CartOrder {
  return {
    merchantId: 'acme',
    cartId: 'acme-shopify',
    cartOrderId: 'gid://shopify/Order/1001',
    cartOrderNumber: '#1001',
    placedAt: '2027-03-14T01:30:00-08:00',
    shipTo: {
      name: 'Ada Lovelace',
      street1: '1 Main St',
      city: 'Portland',
      state: 'OR',
      zip: '97201',
      country: 'US',
      phone: '+1 503 555 0100',
      email: 'ada@example.com',
    },
    lines: [
      { lineId: '1', sku: 'TEE-RED-M', quantity: 2 },
      { lineId: '2', sku: 'MUG', quantity: 1 },
    ],
    shipMethod: 'Standard',
    ...overrides,
  };
}
