import type { InventoryLevel } from '../carts/adapter';
import type { Cart } from '../db/carts';
import type { OrderIndex } from '../db/orders';
import type { MappingStore } from '../db/product-mapping';
import { filteredOutBecause } from '../domain/item-filter';
import { cartLevels, stockOfWarehouses, unreservedUnits } from '../domain/cart-levels';
import type { StockLevel } from '../domain/stock-levels';

/**
 * The levels `cart` should show for a snapshot's stock, as of now: its warehouses summed, barcodes mapped to its
 * SKUs with the merchant's current aliases and bundles, orders not yet at the WMS subtracted, its minimum applied.
 * SKUs the cart's item filter keeps from this warehouse are left out: another warehouse stocks them. The inventory
 * push sends these; `epf inventory show --cart` displays them.
 */
export async function cartStockNow(
  stores: { mappings: MappingStore; orders: OrderIndex },
  cart: Cart,
  levels: readonly StockLevel[],
): Promise<InventoryLevel[]> {
  const { warehouseIds, minimumInventory, itemFilter } = cart.settings;
  const [mapping, unreserved] = await Promise.all([
    stores.mappings.productMapping(cart.merchantId),
    stores.orders.pendingOrders(cart.merchantId),
  ]);
  const all = cartLevels({
    stock: stockOfWarehouses(levels, warehouseIds),
    unreserved: unreservedUnits(unreserved, mapping, warehouseIds),
    mapping,
    minimumInventory,
  });
  return all.filter((level) => filteredOutBecause(level.sku, itemFilter) === undefined);
}
