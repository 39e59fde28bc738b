import type { Pool } from 'pg';
import { SecretBox } from '../../src/crypto/secret-box';
import { createCartStore } from '../../src/db/carts';
import type { CartSettings } from '../../src/domain/merchant-settings';
import type { ShopCredentials } from '../../src/simulators/shopify/control';
import type { SiteKeys } from '../../src/simulators/woocommerce/control';
import { TEST_SECRET_KEY } from './database';

/** A simulated shop's credentials as a Shopify cart stores them, its app's client secret included. */
export const shopifyCredentials = (shop: ShopCredentials) => ({
  shopUrl: shop.shop_url,
  accessToken: shop.access_token,
  locationId: shop.location_id,
  clientSecret: shop.client_secret,
});

/**
 * Registers a simulated Shopify shop and WooCommerce site as the merchant's carts `<merchantId>-shop` and
 * `<merchantId>-woo`, with their credentials sealed as production seals them; returns the two cart IDs.
 */
export async function addShopCarts(
  pool: Pool,
  merchantId: string,
  stores: { shop: ShopCredentials; site: SiteKeys },
  settings: { shop?: Partial<CartSettings>; woo?: Partial<CartSettings> } = {},
): Promise<{ shopCartId: string; wooCartId: string }> {
  const { shop, site } = stores;
  const carts = createCartStore(pool, new SecretBox(TEST_SECRET_KEY));
  const ids = { shopCartId: `${merchantId}-shop`, wooCartId: `${merchantId}-woo` };
  await carts.upsert({
    id: ids.shopCartId,
    merchantId,
    type: 'shopify',
    name: 'Shopify',
    credentials: shopifyCredentials(shop),
    settings: settings.shop,
  });
  await carts.upsert({
    id: ids.wooCartId,
    merchantId,
    type: 'woocommerce',
    name: 'WooCommerce',
    credentials: { siteUrl: site.site_url, consumerKey: site.consumer_key, consumerSecret: site.consumer_secret },
    settings: settings.woo,
  });
  return ids;
}
