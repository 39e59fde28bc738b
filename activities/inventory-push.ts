import { log } from '@temporalio/activity';
import type { CartAdapter } from '../src/carts/adapter';
import type { CartFailureStore } from '../src/db/cart-failures';
import type { Cart, CartStore } from '../src/db/carts';
import type { InventoryStore } from '../src/db/inventory';
import type { InventoryPushStore } from '../src/db/inventory-pushes';
import type { OrderIndex } from '../src/db/orders';
import type { MappingStore } from '../src/db/product-mapping';
import { changedLevels } from '../src/domain/cart-levels';
import { cartStockNow } from '../src/inventory/cart-stock';
import { callCart } from './cart-failure';
import { watchCart } from './cart-health';

export interface InventoryPushDeps {
  carts: CartStore;
  inventory: InventoryStore;
  pushes: InventoryPushStore;
  mappings: MappingStore;
  orders: OrderIndex;
  /** Each cart's failed pushes in a row: refused credentials and long outages become exceptions. */
  failures: CartFailureStore;
  adapterForCart(cart: Cart): Promise<CartAdapter>;
}

export type InventoryPushResult =
  | { pushed: false; reason: string }
  | { pushed: true; snapshotId: string; skus: number; changed: number; batches: number };

/** Inventory push: the merchant's latest stock snapshot, as each cart should show it, to the cart. */
export function createInventoryPushActivities(deps: InventoryPushDeps) {
  return {
    /**
     * Pushes the cart's stock levels when a snapshot newer than its last push exists: the cart's warehouses summed,
     * barcodes mapped back to its SKUs, orders not yet at the WMS subtracted, the minimum-inventory floor applied;
     * only the levels that changed are sent. Levels are absolute, so a retry after a partial push is harmless, and
     * the push is recorded only once the cart accepted all of it.
     */
    async pushCartInventory(input: { cartId: string }): Promise<InventoryPushResult> {
      const cart = await deps.carts.get(input.cartId);
      if (!cart) return { pushed: false, reason: `cart ${input.cartId} no longer exists` };
      const [snapshot, last] = await Promise.all([
        deps.inventory.latestSnapshot(cart.merchantId),
        deps.pushes.latest(cart.id),
      ]);
      if (!snapshot) return { pushed: false, reason: 'no inventory snapshot yet' };
      if (last && BigInt(last.snapshotId) >= BigInt(snapshot.id)) {
        return { pushed: false, reason: `snapshot ${snapshot.id} already pushed` };
      }

      const [levels, pushed] = await Promise.all([
        cartStockNow(deps, cart, snapshot.levels),
        deps.pushes.pushedLevels(cart.id),
      ]);
      const changed = changedLevels(levels, new Map(pushed.map(({ sku, quantity }) => [sku, quantity])));
      const adapter = await deps.adapterForCart(cart);
      const { batches } =
        changed.length > 0
          ? await watchCart(deps.failures, cart.id, 'inventory_push', () =>
              callCart(() => adapter.pushInventory(changed)),
            )
          : { batches: 0 };
      const result = { snapshotId: snapshot.id, skus: levels.length, changed: changed.length, batches };
      await deps.pushes.record({ cartId: cart.id, ...result, levels: changed });
      log.info('Pushed inventory', { cartId: cart.id, ...result });
      return { pushed: true, ...result };
    },
  };
}
