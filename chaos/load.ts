// The load of a chaos run: a merchant with a Shopify shop and a WooCommerce store, and the orders buyers place there.
import { SecretBox } from '../src/crypto/secret-box';
import { createMerchantStore } from '../src/db/merchants';
import { createMappingStore } from '../src/db/product-mapping';
import { createEasyPostClient } from '../src/easypost';
import { DEMO_KEYS } from '../src/simulators/easypost/demo';
import type { Random } from '../src/simulators/shared/random';
import { TEST_SECRET_KEY } from '../test/helpers/database';
import { BARCODES } from '../test/helpers/order-stack';
import { addShopCarts } from '../test/helpers/shop-carts';
import type { ChaosStack, Simulators } from './stack';

/** What happens to an order: shipped by EasyPost, cancelled in the cart once at the warehouse, or broken by the cart. */
export type Fate = 'ship' | 'cancel' | 'malformed';

export const MALFORMED_SHARE = 0.05;
export const CANCELLED_SHARE = 0.1;

export interface PlannedOrder {
  cartId: string;
  /** epf's cart order ID: the Shopify fulfillment order's gid, the WooCommerce order's id. */
  cartOrderId: string;
  fate: Fate;
  /** The field a malformed order's error must name. */
  badField?: string;
  /** Cancels the order in its cart (the buyer or the merchant does). */
  cancelInCart(): void;
}

export interface Stores {
  merchantId: string;
  shopId: string;
  siteId: string;
  shopCartId: string;
  wooCartId: string;
}

/** Each order's fate, drawn from `random`: about 5% malformed, 10% cancelled, the rest shipped. */
export function planFates(count: number, random: Random): Fate[] {
  return Array.from({ length: count }, () => {
    const draw = random();
    if (draw < MALFORMED_SHARE) return 'malformed';
    return draw < MALFORMED_SHARE + CANCELLED_SHARE ? 'cancel' : 'ship';
  });
}

/** The merchant (on the simulator's demo test key), its two stores as carts, the SKU's alias and plenty of stock. */
export async function createStores(stack: ChaosStack, orders: number): Promise<Stores> {
  const { pool, sims } = stack;
  const merchantId = 'chaos';
  await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: merchantId,
    name: 'Chaos Outfitters',
    mode: 'test',
    testKey: DEMO_KEYS.test_key,
    // Faults are what this run is about; EasyPost's rate limit has its own run (npm run burst).
    settings: { easyPostRequestsPerSecond: 50 },
  });
  await createMappingStore(pool).setAlias(merchantId, 'SOCK-M', BARCODES.socks);
  // A Shopify Plus-sized bucket, as in the pull-flow test: throttling is not what this run is about.
  const shop = sims.shopify.control.createShop({
    name: 'Chaos shop',
    bucket: { maximum_available: 20_000, restore_rate: 1_000 },
  });
  const site = sims.woocommerce.control.createSite({ name: 'Chaos store', shipment_tracking: true });
  const carts = await addShopCarts(pool, merchantId, { shop, site });
  const [warehouse] = await createEasyPostClient({
    apiKey: DEMO_KEYS.test_key,
    baseUrl: sims.easypost.apiBaseUrl,
  }).listWarehouses();
  sims.easypost.control.setStock({
    api_key: DEMO_KEYS.test_key,
    barcode: BARCODES.socks,
    warehouse_id: warehouse!.id,
    quantity: orders * 10,
  });
  return { merchantId, shopId: shop.shop_id, siteId: site.site, ...carts };
}

/** Places order `index` with its fate: even indexes in the Shopify shop, odd ones in the WooCommerce store. */
export function placeOrder(sims: Simulators, stores: Stores, index: number, fate: Fate): PlannedOrder {
  const malformed = fate === 'malformed';
  if (index % 2 === 0) {
    const { shopify } = sims;
    const placed = shopify.control.createOrder({
      shop: stores.shopId,
      order: { lines: [{ sku: 'SOCK-M', quantity: 1 }], shipping_line: { title: 'Standard' } },
      ...(malformed ? { malformed: 'missing_address' as const } : {}),
    });
    return {
      cartId: stores.shopCartId,
      cartOrderId: placed.id,
      fate,
      ...(malformed ? { badField: 'shipTo' } : {}),
      cancelInCart: () => void shopify.control.cancelOrder(placed.order_id, { reason: 'buyer changed their mind' }),
    };
  }
  const { woocommerce } = sims;
  const placed = woocommerce.control.createOrder({
    site: stores.siteId,
    order: {
      line_items: [{ sku: 'SOCK-M', quantity: 1 }],
      shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat rate' }],
    },
    ...(malformed ? { malformed: 'missing_postcode' as const } : {}),
  });
  return {
    cartId: stores.wooCartId,
    cartOrderId: String(placed.id),
    fate,
    ...(malformed ? { badField: 'shipTo.zip' } : {}),
    cancelInCart: () => void woocommerce.control.cancelOrder(placed.id),
  };
}
