import type { BigCommerceSimControl, StoreKeys } from './control';

/** A fixed hash and token, so cart credentials kept in Postgres still match a freshly started simulator. */
export const DEMO_STORE = {
  hash: 'demo',
  name: 'Demo Outfitters (BigCommerce)',
  access_token: 'demo0000000000000000000000bc0de',
} as const;

// [SKU, name, stock at the default location before epf pushes anything]
const CATALOGUE: [string, string, number][] = [
  ['SOCK-CHAR-M', 'Merino Crew Sock, Charcoal, M', 12],
  ['TOTE-NAT', 'Canvas Tote Bag, Natural', 4],
  ['TEE-WHT-S', 'Organic Cotton Tee, White, S', 0],
];

const ORDERS: { lines: [string, number][]; ship: Record<string, string>; method: string }[] = [
  {
    lines: [['SOCK-CHAR-M', 1]],
    ship: { first_name: 'Mary', last_name: 'Jackson', city: 'Hampton', state: 'Virginia', zip: '23669' },
    method: 'Flat Rate',
  },
  {
    lines: [
      ['TOTE-NAT', 1],
      ['SOCK-CHAR-M', 2],
    ],
    ship: { first_name: 'Dorothy', last_name: 'Vaughan', city: 'Newport News', state: 'Virginia', zip: '23601' },
    method: 'Free Shipping',
  },
];

/** One demo store with three products and two orders awaiting fulfillment. */
export function seedBigCommerceDemo(control: BigCommerceSimControl, store = DEMO_STORE): StoreKeys {
  const keys = control.createStore(store);
  for (const [sku, name, stock] of CATALOGUE) control.setProduct({ store: keys.store, sku, name, stock: { 1: stock } });
  for (const order of ORDERS) {
    control.createOrder({
      store: keys.store,
      order: {
        shipping_address: order.ship,
        shipping_method: order.method,
        products: order.lines.map(([sku, quantity]) => ({ sku, quantity })),
      },
    });
  }
  return keys;
}
