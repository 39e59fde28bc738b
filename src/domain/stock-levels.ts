/** Units of one barcode in one EasyPost warehouse. */
export interface StockLevel {
  barcode: string;
  warehouseId: string;
  quantity: number;
}

/**
 * Stock rows in their canonical form: one per (barcode, warehouse), quantities of the same pair summed (two EasyPost
 * products may share a barcode), sorted by barcode then warehouse, so equal stock always yields equal JSON.
 */
export function normaliseLevels(levels: Iterable<StockLevel>): StockLevel[] {
  const byKey = new Map<string, StockLevel>();
  for (const level of levels) {
    const key = `${level.barcode}\u0000${level.warehouseId}`;
    const known = byKey.get(key);
    if (known) known.quantity += level.quantity;
    else byKey.set(key, { ...level });
  }
  return [...byKey.values()].sort((a, b) => compare(a.barcode, b.barcode) || compare(a.warehouseId, b.warehouseId));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
