// The load of a chaos run: merchants with their stores, the stock EasyPost has, and the orders buyers place there.
import { SecretBox } from '../src/crypto/secret-box';
import { createCartStore } from '../src/db/carts';
import { createMerchantStore } from '../src/db/merchants';
import { createMappingStore } from '../src/db/product-mapping';
import { DEMO_KEYS } from '../src/simulators/easypost/demo';
import type { Random } from '../src/simulators/shared/random';
import { TEST_SECRET_KEY } from '../test/helpers/database';
import { BARCODES } from '../test/helpers/order-stack';
import { addShopCarts } from '../test/helpers/shop-carts';
import type { ChaosStack, Simulators } from './stack';

/** Where an order must end: confirmed (shipped by EasyPost), cancelled by its buyer, or in error (broken by its cart). */
export type Fate = 'ship' | 'cancel' | 'malformed';

/** The states a buyer's cancel meets an order in; `received` needs a merchant with a grace delay. */
export const CANCEL_STAGES = ['received', 'sending', 'on_hold', 'error', 'at_wms'] as const;
export type CancelStage = (typeof CANCEL_STAGES)[number];

/** What the run does to one order. */
export interface OrderPlan {
  fate: Fate;
  /** Broken by its cart, so it waits in error (and is cancelled there when its fate is cancel). */
  malformed: boolean;
  /** For the product EasyPost has none of until the run restocks it: held, then woken by the inventory pickup. */
  lowStock: boolean;
  /** The state its buyer cancels it in, when its fate is cancel. */
  cancelAt?: CancelStage;
}

const plan = (fate: Fate, flags: Partial<OrderPlan> = {}): OrderPlan => ({
  fate,
  malformed: false,
  lowStock: false,
  ...flags,
});

/**
 * The kinds of order a run mixes, each with its share of the orders; ordinary orders to ship make up the rest.
 * Malformed orders are 5% (a third of them cancelled in error), low-stock ones 15% (a fifth cancelled on hold).
 */
export const ORDER_MIX: readonly { share: number; plan: OrderPlan }[] = [
  { share: 0.05 * (2 / 3), plan: plan('malformed', { malformed: true }) },
  { share: 0.05 / 3, plan: plan('cancel', { malformed: true, cancelAt: 'error' }) },
  { share: 0.15 * (4 / 5), plan: plan('ship', { lowStock: true }) },
  { share: 0.15 / 5, plan: plan('cancel', { lowStock: true, cancelAt: 'on_hold' }) },
  { share: 0.03, plan: plan('cancel', { cancelAt: 'received' }) },
  { share: 0.04, plan: plan('cancel', { cancelAt: 'sending' }) },
  { share: 0.06, plan: plan('cancel', { cancelAt: 'at_wms' }) },
];

/**
 * Each order's plan: every kind of the mix at its share, and at least once however small the run (so 60 orders meet
 * a cancel in every state), shuffled with `random` so a seed gives the same plans.
 */
export function planOrders(count: number, random: Random): OrderPlan[] {
  const plans = ORDER_MIX.flatMap(({ share, plan }) =>
    Array.from({ length: Math.max(1, Math.round(share * count)) }, () => plan),
  ).slice(0, count);
  while (plans.length < count) plans.push(plan('ship'));
  // Fisher-Yates.
  for (let i = plans.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [plans[i], plans[j]] = [plans[j]!, plans[i]!];
  }
  return plans.map((one) => ({ ...one }));
}

export interface PlannedOrder extends OrderPlan {
  cartId: string;
  /** epf's cart order ID: the Shopify fulfillment order's gid, the WooCommerce or BigCommerce order's id. */
  cartOrderId: string;
  /** The field a malformed order's error must name. */
  badField?: string;
  /** Cancels the order in its cart (the buyer or the merchant does). */
  cancelInCart(): void;
}

export interface Stores {
  /** The merchant of the Shopify, WooCommerce and BigCommerce stores, then the one with a grace delay. */
  merchantIds: [string, string];
  shopId: string;
  siteId: string;
  bigCommerceStore: string;
  /** The grace merchant's WooCommerce store, where the orders cancelled in `received` are placed. */
  graceSiteId: string;
  shopCartId: string;
  wooCartId: string;
  bigCommerceCartId: string;
  graceCartId: string;
}

/** The SKU EasyPost has none of until `restockLowStock`. */
const LOW_STOCK_SKU = 'TOTE';

/** The grace merchant's delay: the shortest the setting takes, long enough for a cancel to land first. */
const GRACE_MINUTES = 1;

/**
 * Two merchants on the simulator's demo test key: one with a Shopify shop, a WooCommerce and a BigCommerce store, the other a
 * WooCommerce store whose orders wait a grace delay in `received`. The SKUs' aliases, plenty of socks and no totes.
 */
export async function createStores(stack: ChaosStack, orders: number): Promise<Stores> {
  const { pool, sims } = stack;
  const merchantIds: Stores['merchantIds'] = ['chaos', 'chaos-grace'];
  const merchants = createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY));
  const mappings = createMappingStore(pool);
  for (const [i, merchantId] of merchantIds.entries()) {
    await merchants.upsert({
      id: merchantId,
      name: i === 0 ? 'Chaos Outfitters' : 'Chaos Patience',
      mode: 'test',
      testKey: DEMO_KEYS.test_key,
      // Faults are what this run is about; EasyPost's rate limit has its own run (npm run burst).
      settings: {
        easyPostRequestsPerSecond: 50,
        ...(i === 1 ? { orderDelivery: { mode: 'grace' as const, minutes: GRACE_MINUTES } } : {}),
      },
    });
    await mappings.setAlias(merchantId, 'SOCK-M', BARCODES.socks);
    await mappings.setAlias(merchantId, LOW_STOCK_SKU, BARCODES.tote);
    await mappings.setShipMethod(merchantId, 'Standard', 'standard');
    await mappings.setShipMethod(merchantId, 'Flat rate', 'standard');
  }
  // A Shopify Plus-sized bucket, as in the pull-flow test: throttling is not what this run is about.
  const shop = sims.shopify.control.createShop({
    name: 'Chaos shop',
    bucket: { maximum_available: 20_000, restore_rate: 1_000 },
  });
  const site = sims.woocommerce.control.createSite({ name: 'Chaos store', shipment_tracking: true });
  const carts = await addShopCarts(pool, merchantIds[0], { shop, site });
  // A quota no run reaches: the 429s of a chaos run are the injected ones.
  const bigCommerce = sims.bigcommerce.control.createStore({ name: 'Chaos commerce', quota: 1_000_000 });
  const bigCommerceCartId = `${merchantIds[0]}-bigcommerce`;
  await createCartStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: bigCommerceCartId,
    merchantId: merchantIds[0],
    type: 'bigcommerce',
    name: 'BigCommerce',
    credentials: { storeHash: bigCommerce.store, accessToken: bigCommerce.access_token, apiUrl: bigCommerce.api_url },
  });
  const graceSite = sims.woocommerce.control.createSite({ name: 'Chaos patience', shipment_tracking: true });
  const graceCartId = `${merchantIds[1]}-woo`;
  await createCartStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: graceCartId,
    merchantId: merchantIds[1],
    type: 'woocommerce',
    name: 'WooCommerce',
    credentials: {
      siteUrl: graceSite.site_url,
      consumerKey: graceSite.consumer_key,
      consumerSecret: graceSite.consumer_secret,
    },
  });
  setStock(sims, BARCODES.socks, 'ELM', orders * 10);
  for (const warehouse of DEMO_WAREHOUSES) setStock(sims, BARCODES.tote, warehouse, 0);
  return {
    merchantIds,
    shopId: shop.shop_id,
    siteId: site.site,
    bigCommerceStore: bigCommerce.store,
    bigCommerceCartId,
    graceSiteId: graceSite.site,
    ...carts,
    graceCartId,
  };
}

/** The demo account's warehouses, by short name. */
const DEMO_WAREHOUSES = ['ELM', 'HEB'];

/** Stock arrives for the low-stock product: enough for every order. */
export function restockLowStock(sims: Simulators, orders: number): void {
  setStock(sims, BARCODES.tote, 'ELM', orders * 10);
}

function setStock(sims: Simulators, barcode: string, warehouse: string, quantity: number): void {
  sims.easypost.control.setStock({ api_key: DEMO_KEYS.test_key, barcode, warehouse_id: warehouse, quantity });
}

/**
 * Places order `index` as planned: orders to cancel in `received` at the grace merchant's store, the others in turn
 * in the Shopify shop, the WooCommerce store and the BigCommerce store.
 */
export function placeOrder(sims: Simulators, stores: Stores, index: number, plan: OrderPlan): PlannedOrder {
  const { malformed } = plan;
  const sku = plan.lowStock ? LOW_STOCK_SKU : 'SOCK-M';
  if (plan.cancelAt !== 'received' && index % 3 === 0) {
    const { shopify } = sims;
    const placed = shopify.control.createOrder({
      shop: stores.shopId,
      order: { lines: [{ sku, quantity: 1 }], shipping_line: { title: 'Standard' } },
      ...(malformed ? { malformed: 'missing_address' as const } : {}),
    });
    return {
      ...plan,
      cartId: stores.shopCartId,
      cartOrderId: placed.id,
      ...(malformed ? { badField: 'shipTo' } : {}),
      cancelInCart: () => void shopify.control.cancelOrder(placed.order_id, { reason: 'buyer changed their mind' }),
    };
  }
  if (plan.cancelAt !== 'received' && index % 3 === 2) {
    const { bigcommerce } = sims;
    const placed = bigcommerce.control.createOrder({
      store: stores.bigCommerceStore,
      order: { products: [{ sku, quantity: 1 }], shipping_method: 'Flat Rate' },
      ...(malformed ? { malformed: 'missing_zip' as const } : {}),
    });
    return {
      ...plan,
      cartId: stores.bigCommerceCartId,
      cartOrderId: String(placed.id),
      ...(malformed ? { badField: 'shipTo.zip' } : {}),
      cancelInCart: () => void bigcommerce.control.cancelOrder(placed.id),
    };
  }
  const { woocommerce } = sims;
  const grace = plan.cancelAt === 'received';
  const placed = woocommerce.control.createOrder({
    site: grace ? stores.graceSiteId : stores.siteId,
    order: {
      line_items: [{ sku, quantity: 1 }],
      shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat rate' }],
    },
    ...(malformed ? { malformed: 'missing_postcode' as const } : {}),
  });
  return {
    ...plan,
    cartId: grace ? stores.graceCartId : stores.wooCartId,
    cartOrderId: String(placed.id),
    ...(malformed ? { badField: 'shipTo.zip' } : {}),
    cancelInCart: () => void woocommerce.control.cancelOrder(placed.id),
  };
}
