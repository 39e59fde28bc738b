import type { CartLine } from './cart-line';
import { translateLines, type ProductMapping } from './translation';
import type { StockLevel } from './stock-levels';

/** A stock level for one cart SKU, as the cart should show it. */
export interface InventoryLevel {
  sku: string;
  quantity: number;
}

/** An order EasyPost has not reserved stock for yet, as the inventory push sees it. */
export interface UnreservedOrder {
  /** Undefined until the order is routed (or when EasyPost chooses). */
  warehouseId: string | undefined;
  lines: readonly CartLine[] | undefined;
}

/** Whether a cart selling from `warehouseIds` (empty: every warehouse) sells the stock of `warehouseId`. */
const sellsFrom = (warehouseIds: readonly string[], warehouseId: string): boolean =>
  warehouseIds.length === 0 || warehouseIds.includes(warehouseId);

/** Units per barcode summed over the warehouses the cart sells from. */
export function stockOfWarehouses(levels: readonly StockLevel[], warehouseIds: readonly string[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const { barcode, warehouseId, quantity } of levels) {
    if (sellsFrom(warehouseIds, warehouseId)) units.set(barcode, (units.get(barcode) ?? 0) + quantity);
  }
  return units;
}

/**
 * Units per barcode that orders not yet at the WMS will take from the cart's warehouses. An order not yet routed
 * counts against every cart, so no cart oversells while it waits; lines that do not translate (unknown SKU) take
 * nothing, since nobody knows what they would take.
 */
export function unreservedUnits(
  orders: readonly UnreservedOrder[],
  mapping: ProductMapping,
  warehouseIds: readonly string[],
): Map<string, number> {
  const units = new Map<string, number>();
  for (const order of orders) {
    if (order.warehouseId !== undefined && !sellsFrom(warehouseIds, order.warehouseId)) continue;
    for (const line of order.lines ?? []) {
      const translated = translateLines([{ lineId: '', ...line }], mapping);
      if (!translated.ok) continue;
      for (const { barcode, units: n } of translated.lines) units.set(barcode, (units.get(barcode) ?? 0) + n);
    }
  }
  return units;
}

/**
 * What the cart should show for each of its SKUs: every alias and bundle of the merchant, and every barcode without
 * an alias as its own SKU. Bundles are the minimum over their components of
 * floor(units / units per bundle). Levels at or below `minimumInventory` show 0, a safety stock against overselling.
 * Sorted by SKU; never negative.
 */
export function cartLevels(input: {
  /** Units per barcode in the cart's warehouses (`stockOfWarehouses`). */
  stock: ReadonlyMap<string, number>;
  /** Units per barcode that orders not yet at the WMS will take (`unreservedUnits`). */
  unreserved: ReadonlyMap<string, number>;
  mapping: ProductMapping;
  minimumInventory: number;
}): InventoryLevel[] {
  const { stock, unreserved, mapping, minimumInventory } = input;
  const unitsOf = (barcode: string) => Math.max(0, (stock.get(barcode) ?? 0) - (unreserved.get(barcode) ?? 0));
  const levels = new Map<string, number>();
  // A barcode nobody aliased is sold under itself (translation passes such SKUs through unchanged).
  const aliased = new Set(Object.values(mapping.aliases));
  for (const barcode of stock.keys()) if (!aliased.has(barcode)) levels.set(barcode, unitsOf(barcode));
  for (const [sku, barcode] of Object.entries(mapping.aliases)) levels.set(sku, unitsOf(barcode));
  // Bundles last: translation looks bundles up first, so a SKU that is both is a bundle.
  for (const [sku, components] of Object.entries(mapping.bundles)) {
    const sets = components.map(({ barcode, units }) => Math.floor(unitsOf(barcode) / units));
    levels.set(sku, sets.length === 0 ? 0 : Math.min(...sets));
  }
  return [...levels]
    .map(([sku, quantity]) => ({ sku, quantity: quantity <= minimumInventory ? 0 : quantity }))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/** The levels that differ from what the cart was last told (or were never pushed). */
export function changedLevels(
  levels: readonly InventoryLevel[],
  pushed: ReadonlyMap<string, number>,
): InventoryLevel[] {
  return levels.filter(({ sku, quantity }) => pushed.get(sku) !== quantity);
}
