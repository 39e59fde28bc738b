import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { SecretBox } from '../crypto/secret-box';
import { createCartStore } from '../db/carts';
import { createMerchantStore } from '../db/merchants';
import { createMappingStore } from '../db/product-mapping';
import { createEasyPostClient } from '../easypost';
import type { CartOrder } from '../domain/order';
import type {
  BigCommerceSimulatorInfo,
  EasyPostSimulatorInfo,
  ShopifySimulatorInfo,
  WooCommerceSimulatorInfo,
} from './services';

export const DEMO_MERCHANT = 'demo';
export const DEMO_CART = 'demo-phone';
export const DEMO_SHOPIFY_CART = 'demo-shopify';
export const DEMO_WOO_CART = 'demo-woo';
export const DEMO_BIGCOMMERCE_CART = 'demo-bigcommerce';
/** The demo carts are pulled often, so orders flow within a minute of "ready". */
const DEMO_PULL_SECONDS = 30;
/**
 * Between the two packages of the warehouse's split shipment: longer than the shipment pickup's interval, so epf
 * sees the packages one at a time (a pickup that finds both at once pushes every cart line with the first package,
 * which Shopify then refuses for the second).
 */
export const DEMO_SPLIT_GAP_SECONDS = DEMO_PULL_SECONDS * 1.5;
/** Stock is read and pushed every minute (the shortest allowed), so a change in the simulator shows up quickly. */
const DEMO_STOCK_SECONDS = 60;

export interface DemoSimulators {
  easypost: EasyPostSimulatorInfo;
  shopify: ShopifySimulatorInfo;
  woocommerce: WooCommerceSimulatorInfo;
  bigcommerce: BigCommerceSimulatorInfo;
}

/** Out of stock everywhere until the demo's restock: orders for it go on hold, then out. */
const HELD_SKU = 'TEE-WHT-S';
const RESTOCK = { warehouse: 'ELM', units: 24 };

// Cart SKUs of the demo shop → barcodes of the simulator's demo catalogue (src/simulators/easypost/demo.ts).
const ALIASES: Record<string, string> = {
  'SOCK-CHAR-M': '850621000008',
  'TOTE-NAT': '850621000749',
  [HELD_SKU]: '850621001852',
  'BEANIE-RUST': '850621002965',
};

/**
 * The demo merchant of the local stack: EasyPost test key of the simulator, a `manual` cart and the simulated
 * Shopify, WooCommerce and BigCommerce stores (pulled every 30 s), aliases, a bundle and ship methods, plus sample orders under
 * .data/demo-orders/ for `epf orders submit`. Idempotent.
 */
export async function seedDemo(pool: Pool, secretKey: string, sims: DemoSimulators, dataDir: string) {
  const { easypost, shopify, woocommerce, bigcommerce } = sims;
  const box = new SecretBox(secretKey);
  // The Shopify store sells El Monte's stock, the WooCommerce store both warehouses' (with a safety stock of 2).
  const warehouses = await createEasyPostClient({
    apiKey: easypost.test_key,
    baseUrl: easypost.apiBaseUrl,
  }).listWarehouses();
  const warehouse = (shortName: string) => warehouses.find((w) => w.short_name === shortName)!.id;
  const [elm, heb] = [warehouse('ELM'), warehouse('HEB')];
  await createMerchantStore(pool, box).upsert({
    id: DEMO_MERCHANT,
    name: 'Demo Outfitters',
    mode: 'test',
    testKey: easypost.test_key,
    productionKey: easypost.production_key,
    settings: { shipmentPickupSeconds: DEMO_PULL_SECONDS, inventoryPickupSeconds: DEMO_STOCK_SECONDS },
  });
  const carts = createCartStore(pool, box);
  await carts.upsert({ id: DEMO_CART, merchantId: DEMO_MERCHANT, type: 'manual', name: 'Phone orders' });
  await carts.upsert({
    id: DEMO_SHOPIFY_CART,
    merchantId: DEMO_MERCHANT,
    type: 'shopify',
    name: 'Demo Shopify store',
    credentials: {
      shopUrl: shopify.shop_url,
      accessToken: shopify.access_token,
      locationId: shopify.location_id,
      clientSecret: shopify.client_secret,
    },
    settings: {
      orderPullSeconds: DEMO_PULL_SECONDS,
      inventoryPushSeconds: DEMO_STOCK_SECONDS,
      warehouseIds: [elm],
      defaultWarehouseId: elm,
    },
  });
  await carts.upsert({
    id: DEMO_WOO_CART,
    merchantId: DEMO_MERCHANT,
    type: 'woocommerce',
    name: 'Demo WooCommerce store',
    credentials: {
      siteUrl: woocommerce.site_url,
      consumerKey: woocommerce.consumer_key,
      consumerSecret: woocommerce.consumer_secret,
    },
    settings: {
      orderPullSeconds: DEMO_PULL_SECONDS,
      inventoryPushSeconds: DEMO_STOCK_SECONDS,
      warehouseIds: [elm, heb],
      defaultWarehouseId: elm,
      minimumInventory: 2,
    },
  });
  // The BigCommerce store sells the Hebron warehouse's stock, at the store's default inventory location.
  await carts.upsert({
    id: DEMO_BIGCOMMERCE_CART,
    merchantId: DEMO_MERCHANT,
    type: 'bigcommerce',
    name: 'Demo BigCommerce store',
    credentials: { storeHash: bigcommerce.store, accessToken: bigcommerce.access_token, apiUrl: bigcommerce.api_url },
    settings: {
      orderPullSeconds: DEMO_PULL_SECONDS,
      inventoryPushSeconds: DEMO_STOCK_SECONDS,
      warehouseIds: [heb],
      defaultWarehouseId: heb,
    },
  });
  const mappings = createMappingStore(pool);
  for (const [sku, barcode] of Object.entries(ALIASES)) await mappings.setAlias(DEMO_MERCHANT, sku, barcode);
  await mappings.setBundle(DEMO_MERCHANT, 'GIFT-SET', [
    { barcode: '850621000008', units: 2 },
    { barcode: '850621000749', units: 1 },
  ]);
  await mappings.setShipMethod(DEMO_MERCHANT, 'Standard', 'standard');
  await mappings.setShipMethod(DEMO_MERCHANT, 'Express', 'priority');
  await mappings.setShipMethod(DEMO_MERCHANT, 'Flat rate', 'standard');
  // Carts have no default service: every method the demo stores offer is mapped.
  await mappings.setShipMethod(DEMO_MERCHANT, 'Free shipping', 'standard');

  const dir = join(dataDir, 'demo-orders');
  mkdirSync(dir, { recursive: true });
  const samples: Record<string, CartOrder['lines']> = {
    'in-stock': [{ lineId: '1', sku: 'GIFT-SET', quantity: 1 }],
    'out-of-stock': [{ lineId: '1', sku: 'TEE-WHT-S', quantity: 1 }],
    'unknown-sku': [{ lineId: '1', sku: 'MYSTERY-ITEM', quantity: 1 }],
  };
  for (const [name, lines] of Object.entries(samples)) {
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(demoOrder(name, lines), null, 2)}\n`);
  }
  return dir;
}

function demoOrder(name: string, lines: CartOrder['lines']): CartOrder {
  return {
    merchantId: DEMO_MERCHANT,
    cartId: DEMO_CART,
    // Edit cartOrderId (and cartOrderNumber) to submit the same sample again as a new order.
    cartOrderId: `demo-${name}-1`,
    cartOrderNumber: `D-${name.toUpperCase()}-1`,
    placedAt: new Date().toISOString(),
    shipTo: {
      name: 'Grace Hopper',
      street1: '1 Harbor Way',
      city: 'Portland',
      state: 'OR',
      zip: '97201',
      country: 'US',
    },
    lines,
    shipMethod: 'Standard',
  };
}

/**
 * Stock of the held SKU reaches El Monte `afterSeconds` from now, set through the simulator's control API as a
 * warehouse receipt would: the merchant's next inventory pickup sees it and wakes the orders held for it.
 */
export async function restockHeldSku(easypost: EasyPostSimulatorInfo, afterSeconds: number, signal: AbortSignal) {
  try {
    await sleep(afterSeconds * 1000, undefined, { signal, ref: false });
    const response = await fetch(new URL('/__sim/stock', easypost.apiBaseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: easypost.test_key,
        barcode: ALIASES[HELD_SKU],
        warehouse_id: RESTOCK.warehouse,
        quantity: RESTOCK.units,
      }),
      signal,
    });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    console.log(`Demo: ${RESTOCK.units} × ${HELD_SKU} arrived at ${RESTOCK.warehouse}; held orders go out next.`);
  } catch (err) {
    if (!signal.aborted) console.error(`Demo: the restock of ${HELD_SKU} failed: ${(err as Error).message}`);
  }
}
