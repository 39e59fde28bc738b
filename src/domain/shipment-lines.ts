import type { OrderLine } from './order';
import { translateLines, type ProductMapping, type WmsLine } from './translation';

export interface CartLineQuantity {
  lineId: string;
  quantity: number;
}

/**
 * Which cart lines a package carried, for carts that fulfil by line (Shopify, WooCommerce). Packages are allocated
 * in order, so `earlier` packages take their units first; a cart line counts as shipped once every component of
 * one unit of it has shipped (a bundle ships when all its parts have). The package that completes the order
 * carries everything still unshipped, so the cart ends fully fulfilled even when a mapping changed meanwhile.
 */
export function cartLinesForShipment(
  lines: OrderLine[],
  mapping: ProductMapping,
  earlier: WmsLine[][],
  current: WmsLine[],
  orderComplete: boolean,
): CartLineQuantity[] {
  const remaining = new Map(lines.map((line) => [line.lineId, line.quantity]));
  const allocate = (shipped: WmsLine[]): CartLineQuantity[] => {
    const available = new Map<string, number>();
    for (const { barcode, units } of shipped) available.set(barcode, (available.get(barcode) ?? 0) + units);
    const result: CartLineQuantity[] = [];
    for (const line of lines) {
      const perUnit = unitComponents(line, mapping);
      if (perUnit.length === 0) continue;
      const open = remaining.get(line.lineId) ?? 0;
      const fits = Math.min(
        open,
        ...perUnit.map(({ barcode, units }) => Math.floor((available.get(barcode) ?? 0) / units)),
      );
      if (fits <= 0) continue;
      for (const { barcode, units } of perUnit) available.set(barcode, available.get(barcode)! - fits * units);
      remaining.set(line.lineId, open - fits);
      result.push({ lineId: line.lineId, quantity: fits });
    }
    return result;
  };
  for (const shipped of earlier) allocate(shipped);
  const now = allocate(current);
  if (!orderComplete) return now;
  const byLine = new Map(now.map((entry) => [entry.lineId, entry.quantity]));
  for (const [lineId, open] of remaining) if (open > 0) byLine.set(lineId, (byLine.get(lineId) ?? 0) + open);
  return lines
    .filter((line) => byLine.has(line.lineId))
    .map((line) => ({ lineId: line.lineId, quantity: byLine.get(line.lineId)! }));
}

/**
 * Whether this package is the one that completes the order at the cart. EasyPost marks every package it reports
 * after the order shipped as `orderComplete`, so when two packages of a split shipment are read together both carry
 * it: only the last of the final count completes the order, or the first would close lines the second still ships.
 */
export function completesOrder(
  shipment: { orderComplete: boolean; packageCount: number },
  earlierPackages: number,
): boolean {
  return shipment.orderComplete && earlierPackages + 1 >= shipment.packageCount;
}

// The EasyPost units one unit of the cart line needs; none when the line cannot be translated.
function unitComponents(line: OrderLine, mapping: ProductMapping): WmsLine[] {
  const translated = translateLines([{ ...line, quantity: 1 }], mapping);
  return translated.ok ? translated.lines : [];
}
