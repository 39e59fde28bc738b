import { SimApiError } from './errors';
import type { Ledger, Product, Warehouse } from './state';

/** A requested line resolved to a product, with its position in the request for error fields. */
export interface ResolvedLine {
  index: number;
  product: Product;
  units: number;
}

interface Shortage {
  line: ResolvedLine;
  needed: number;
  available: number;
}

/** Lines the warehouse cannot fill; lines of the same product are summed and reported on the first one. */
function shortages(ledger: Ledger, warehouse: Warehouse, lines: readonly ResolvedLine[]): Shortage[] {
  const needs = new Map<string, { line: ResolvedLine; needed: number }>();
  for (const line of lines) {
    const need = needs.get(line.product.id) ?? { line, needed: 0 };
    need.needed += line.units;
    needs.set(line.product.id, need);
  }
  return [...needs.values()]
    .map((need) => ({ ...need, available: ledger.quantity(warehouse.id, need.line.product.id) }))
    .filter((need) => need.needed > need.available);
}

function insufficient(found: readonly Shortage[]): SimApiError {
  const barcodes = found.map((shortage) => shortage.line.product.barcode);
  const details = found.map((shortage) => ({
    code: 'ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY',
    message: `Not enough inventory for barcode ${shortage.line.product.barcode}: ${shortage.needed} requested, ${shortage.available} available`,
    field: `line_items[${shortage.line.index}].units`,
  }));
  return new SimApiError(
    422,
    'ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY',
    `Not enough inventory for barcode ${barcodes.join(', ')}`,
    details[0]?.field ?? 'line_items',
    details,
  );
}

/**
 * The warehouse that fills every line: the pinned one, else the first (in creation order) that can.
 * When none can, the 422 names the lines short in the warehouse that comes closest (docs §4, assumed).
 */
export function chooseWarehouse(ledger: Ledger, lines: readonly ResolvedLine[], pinnedId?: string | null): Warehouse {
  if (pinnedId) {
    const pinned = ledger.warehouses.get(pinnedId);
    if (!pinned || pinned.disabled_at !== null) {
      throw new SimApiError(
        422,
        'ORDER.WAREHOUSE_ID.INVALID',
        `warehouse_id: unknown warehouse ${pinnedId}`,
        'warehouse_id',
      );
    }
    const short = shortages(ledger, pinned, lines);
    if (short.length > 0) throw insufficient(short);
    return pinned;
  }
  const candidates = [...ledger.warehouses.values()].filter((warehouse) => warehouse.disabled_at === null);
  const ranked = candidates.map((warehouse) => ({ warehouse, short: shortages(ledger, warehouse, lines) }));
  const fit = ranked.find((candidate) => candidate.short.length === 0);
  if (fit) return fit.warehouse;
  const closest = ranked.reduce<Shortage[] | undefined>(
    (best, candidate) => (best === undefined || candidate.short.length < best.length ? candidate.short : best),
    undefined,
  );
  throw insufficient(closest ?? lines.map((line) => ({ line, needed: line.units, available: 0 })));
}

/** Moves units between free stock and an order: negative `sign` allocates, positive releases. */
export function moveStock(
  ledger: Ledger,
  warehouseId: string,
  lines: readonly { product: { id: string }; units: number }[],
  sign: 1 | -1,
): void {
  for (const { product, units } of lines) {
    // A product deleted since the order was placed has no stock left to return to.
    if (!ledger.products.has(product.id)) continue;
    ledger.setQuantity(warehouseId, product.id, ledger.quantity(warehouseId, product.id) + sign * units);
  }
}
