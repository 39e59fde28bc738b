import type { Pool } from 'pg';
import type { Cart } from '../db/carts';
import type { InventorySnapshot } from '../db/inventory';
import { createInventoryPushStore, type InventoryPushRecord } from '../db/inventory-pushes';
import { createOrderIndex } from '../db/orders';
import { createMappingStore } from '../db/product-mapping';
import { cartStockNow } from './cart-stock';

export interface CartStockReport {
  cartId: string;
  snapshotId: string;
  lastPush: InventoryPushRecord | undefined;
  /** Each SKU: what the cart should show now, and what it was last told and when. */
  levels: { sku: string; now: number; pushed: number | undefined; pushedAt: Date | undefined }[];
}

/**
 * A cart shows the wrong level? What it should show for `snapshot` now next to what it was last told
 * (`epf inventory show --cart`, `GET /inventory/:merchantId/carts/:cartId`).
 */
export async function cartStockReport(pool: Pool, cart: Cart, snapshot: InventorySnapshot): Promise<CartStockReport> {
  const pushes = createInventoryPushStore(pool);
  const [levels, pushed, lastPush] = await Promise.all([
    cartStockNow({ mappings: createMappingStore(pool), orders: createOrderIndex(pool) }, cart, snapshot.levels),
    pushes.pushedLevels(cart.id),
    pushes.latest(cart.id),
  ]);
  const told = new Map(pushed.map((level) => [level.sku, level]));
  return {
    cartId: cart.id,
    snapshotId: snapshot.id,
    lastPush,
    levels: levels.map(({ sku, quantity }) => ({
      sku,
      now: quantity,
      pushed: told.get(sku)?.quantity,
      pushedAt: told.get(sku)?.pushedAt,
    })),
  };
}
