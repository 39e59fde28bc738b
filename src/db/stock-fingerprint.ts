import { createHash } from 'node:crypto';
import type { StockLevel } from '../domain/stock-levels';

/** A stable digest of normalised levels. */
export function fingerprintOf(levels: readonly StockLevel[]): string {
  const canonical = levels.map(({ barcode, warehouseId, quantity }) => [barcode, warehouseId, quantity]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
