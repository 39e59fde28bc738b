import type { SiteKeys, WooCommerceSimControl } from './control';

/** Fixed keys, so cart credentials kept in Postgres still match a freshly started simulator. */
export const DEMO_SITE = {
  id: 'demo',
  name: 'Demo Outfitters (WooCommerce)',
  consumer_key: 'ck_00000000000000000000000000000000000de70',
  consumer_secret: 'cs_00000000000000000000000000000000000de70',
} as const;

// [SKU, name, stock in the store before epf pushes anything]
const CATALOGUE: [string, string, number][] = [
  ['SOCK-CHAR-M', 'Merino Crew Sock, Charcoal, M', 12],
  ['TOTE-NAT', 'Canvas Tote Bag, Natural', 4],
  ['TEE-WHT-S', 'Organic Cotton Tee, White, S', 0],
  ['GIFT-SET', 'Sock and Tote Gift Set', 3],
];

const ORDERS: { lines: [string, number][]; ship: Record<string, string>; method: string }[] = [
  {
    lines: [['SOCK-CHAR-M', 2]],
    ship: { first_name: 'Grace', last_name: 'Hopper', city: 'Arlington', state: 'VA', postcode: '22201' },
    method: 'Flat rate',
  },
  {
    lines: [
      ['TOTE-NAT', 1],
      ['TEE-WHT-S', 1],
    ],
    ship: { first_name: 'Alan', last_name: 'Turing', city: 'Portland', state: 'OR', postcode: '97205' },
    method: 'Free shipping',
  },
  {
    lines: [['GIFT-SET', 1]],
    ship: { first_name: 'Katherine', last_name: 'Johnson', city: 'Hampton', state: 'VA', postcode: '23666' },
    method: 'Express',
  },
];

/** One demo store with the Shipment Tracking extension, four products and three processing orders. */
export function seedWooCommerceDemo(control: WooCommerceSimControl, site = DEMO_SITE): SiteKeys {
  const keys = control.createSite({ ...site, shipment_tracking: true });
  for (const [sku, name, stock] of CATALOGUE) control.setProduct({ site: keys.site, sku, name, stock });
  for (const order of ORDERS) {
    control.createOrder({
      site: keys.site,
      order: {
        shipping: order.ship,
        line_items: order.lines.map(([sku, quantity]) => ({ sku, quantity })),
        shipping_lines: [{ method_id: order.method.toLowerCase().replace(/\s+/g, '_'), method_title: order.method }],
      },
    });
  }
  return keys;
}
