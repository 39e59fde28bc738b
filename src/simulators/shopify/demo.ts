import type { ShopCredentials, ShopifySimControl } from './control';

/** A fixed token, so a cart configured in Postgres still matches a freshly started simulator. */
export const DEMO_ACCESS_TOKEN = 'shpat_00000000000000000000000000de70';
/** The demo app's client secret, fixed for the same reason: it signs the fulfillment service's callbacks. */
export const DEMO_CLIENT_SECRET = 'demo-outfitters-app-secret';

/**
 * The demo merchant's shop with a few requested orders in its SKUs (the aliases epf maps to EasyPost barcodes),
 * one of them a bundle, plus one order with no address to show how malformed orders surface.
 */
export function seedShopifyDemo(control: ShopifySimControl): ShopCredentials {
  const shop = control.createShop({
    id: 'demo-outfitters',
    name: 'Demo Outfitters',
    access_token: DEMO_ACCESS_TOKEN,
    client_secret: DEMO_CLIENT_SECRET,
  });
  const orders: [sku: string, quantity: number][][] = [
    [['SOCK-CHAR-M', 2]],
    [
      ['TOTE-NAT', 1],
      ['TEE-WHT-S', 1],
    ],
    [['GIFT-SET', 1]],
  ];
  for (const lines of orders) {
    control.createOrder({ shop: shop.shop_id, order: { lines: lines.map(([sku, quantity]) => ({ sku, quantity })) } });
  }
  control.createOrder({
    shop: shop.shop_id,
    order: { lines: [{ sku: 'TOTE-NAT', quantity: 1 }] },
    malformed: 'missing_address',
  });
  return shop;
}
