import type { WmsLine } from './translation';

/** Units on hand per warehouse (`wh_...`) and barcode, from the latest inventory snapshot. */
export interface WarehouseStock {
  [warehouseId: string]: Record<string /* barcode */, number>;
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
 * The routing rule from DESIGN.md "Multi-warehouse": the cart's default warehouse unless it cannot fill every line
 * and another single warehouse can (ties: the first in `warehouseIds`). Splitting an order is EasyPost's business.
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
