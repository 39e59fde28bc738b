import type { WmsLine } from './translation';

/** Units on hand per warehouse (`wh_...`) and barcode, from the latest inventory snapshot. */
export interface WarehouseStock {
  [warehouseId: string]: Record<string /* barcode */, number>;
}

/**
 * An inventory snapshot's levels (`[{barcode, warehouseId, quantity}]`, src/db/inventory.ts) as units per warehouse
 * and barcode, summing repeated pairs.
 */
export function warehouseStock(
  levels: readonly { barcode: string; warehouseId: string; quantity: number }[],
): WarehouseStock {
  const stock: WarehouseStock = {};
  for (const { barcode, warehouseId, quantity } of levels) {
    // Own keys only: IDs come from EasyPost and must never reach Object.prototype.
    const onHand = Object.hasOwn(stock, warehouseId) ? stock[warehouseId]! : (stock[warehouseId] = {});
    onHand[barcode] = (Object.hasOwn(onHand, barcode) ? onHand[barcode]! : 0) + quantity;
  }
  return stock;
}

/** Where an order goes and why, recorded on the order. */
export interface WarehouseChoice {
  /** Undefined: no warehouse is named and EasyPost chooses. */
  warehouseId: string | undefined;
  reason: string;
}

// Units wanted per barcode, so a barcode on two lines is checked against its total.
function unitsByBarcode(lines: WmsLine[]): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const { barcode, units } of lines) wanted.set(barcode, (wanted.get(barcode) ?? 0) + units);
  return wanted;
}

function canFill(onHand: Record<string, number> | undefined, wanted: Map<string, number>): boolean {
  if (!onHand) return false;
  return [...wanted].every(([barcode, units]) => (Object.hasOwn(onHand, barcode) ? onHand[barcode]! : 0) >= units);
}

/**
 * The multi-warehouse routing rule: the cart's default warehouse unless it cannot fill every line and another single
 * warehouse can (ties: the first in `warehouseIds`). Splitting an order is EasyPost's business.
 */
export function chooseWarehouse(
  lines: WmsLine[],
  options: { defaultWarehouseId?: string; warehouseIds: string[]; stock?: WarehouseStock },
): WarehouseChoice {
  const { defaultWarehouseId: preferred, warehouseIds, stock } = options;
  const fallback = (reason: string): WarehouseChoice =>
    preferred ? { warehouseId: preferred, reason } : { warehouseId: undefined, reason: `${reason}; EasyPost chooses` };

  if (!preferred && warehouseIds.length === 0) return fallback('no warehouses configured');
  if (!stock) return fallback('no stock snapshot');
  const wanted = unitsByBarcode(lines);
  if (preferred && canFill(stock[preferred], wanted)) {
    return { warehouseId: preferred, reason: `default warehouse ${preferred} can fill every line` };
  }
  const other = warehouseIds.find((id) => id !== preferred && canFill(stock[id], wanted));
  if (other) {
    const why = preferred ? `default warehouse ${preferred} cannot fill every line` : 'no default warehouse';
    return { warehouseId: other, reason: `${why}; ${other} can` };
  }
  // EasyPost rejects the short order and the workflow holds it until stock arrives.
  return fallback('no single warehouse can fill every line, so the order waits on hold for stock');
}

/** Whether one warehouse among `warehouseIds` (none configured: any warehouse) has every line in stock. */
export function someWarehouseCanFill(
  lines: WmsLine[],
  warehouseIds: readonly string[],
  stock: WarehouseStock,
): boolean {
  const wanted = unitsByBarcode(lines);
  const candidates = warehouseIds.length > 0 ? warehouseIds : Object.keys(stock);
  return candidates.some((id) => canFill(Object.hasOwn(stock, id) ? stock[id] : undefined, wanted));
}
