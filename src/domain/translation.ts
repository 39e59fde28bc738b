import type { FieldProblem, OrderLine } from './order';

/** How cart SKUs become EasyPost barcodes; loaded from the merchant's aliases, bundles and EasyPost products. */
export interface ProductMapping {
  /** Cart SKU → EasyPost barcode. */
  aliases: Record<string, string>;
  /** Bundle SKU → its components, `units` of each per bundle. */
  bundles: Record<string, { barcode: string; units: number }[]>;
  /**
   * EasyPost barcodes known to have a product (synced from EasyPost), among those the order names: a SKU that is one
   * needs no alias, and an alias or bundle must name one. Undefined: every barcode is passed on for EasyPost to judge.
   */
  barcodes?: ReadonlySet<string>;
}

/** The most units of one product in a bundle: `bundle_components.units` is a PostgreSQL integer. */
export const MAX_BUNDLE_UNITS = 2_147_483_647;

/** One line of the order sent to EasyPost. */
export interface WmsLine {
  barcode: string;
  units: number;
}

type Expansion = { ok: true; lines: WmsLine[] } | { ok: false; message: string };

// Own keys only: a SKU such as "constructor" must not find Object.prototype members.
function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function expandBundle(
  sku: string,
  components: { barcode: string; units: number }[],
  quantity: number,
  known: (barcode: string) => boolean,
): Expansion {
  if (components.length === 0) return { ok: false, message: `bundle "${sku}" has no components` };
  const bad = components.find((c) => !Number.isInteger(c.units) || c.units <= 0);
  if (bad) {
    return {
      ok: false,
      message: `bundle "${sku}" has ${bad.units} units of "${bad.barcode}": must be a whole number above 0`,
    };
  }
  const missing = components.find((c) => !known(c.barcode));
  if (missing) {
    return {
      ok: false,
      message: `bundle "${sku}" has "${missing.barcode}", which has no EasyPost product; fix the bundle`,
    };
  }
  return { ok: true, lines: components.map((c) => ({ barcode: c.barcode, units: c.units * quantity })) };
}

// Bundle first, then alias, then the SKU itself. Matching is exact after trimming and case-sensitive:
// SKU and UPC systems differ on case, so "abc-1" and "ABC-1" may be different products.
function expandLine(line: OrderLine, mapping: ProductMapping): Expansion {
  const sku = line.sku.trim();
  const known = (barcode: string) => !mapping.barcodes || mapping.barcodes.has(barcode);
  const bundle = lookup(mapping.bundles, sku);
  if (bundle) return expandBundle(sku, bundle, line.quantity, known);
  const alias = lookup(mapping.aliases, sku);
  if (alias !== undefined && !known(alias)) {
    return { ok: false, message: `"${sku}" is aliased to "${alias}", which has no EasyPost product; fix the alias` };
  }
  const barcode = alias ?? sku;
  if (!known(barcode)) return { ok: false, message: `"${sku}" has no EasyPost product; add an alias` };
  return { ok: true, lines: [{ barcode, units: line.quantity }] };
}

/**
 * Cart lines → EasyPost lines: bundles exploded, aliases applied, lines with the same barcode merged in order of
 * first appearance. Without `mapping.barcodes` unknown SKUs pass through and EasyPost rejects them; with it, a line
 * whose barcode has no EasyPost product is a problem on our own field, `lines[i].sku`.
 */
export function translateLines(
  lines: OrderLine[],
  mapping: ProductMapping,
): { ok: true; lines: WmsLine[] } | { ok: false; problems: FieldProblem[] } {
  const units = new Map<string, number>();
  const problems: FieldProblem[] = [];
  lines.forEach((line, i) => {
    const expansion = expandLine(line, mapping);
    if (!expansion.ok) {
      problems.push({ field: `lines[${i}].sku`, message: expansion.message });
      return;
    }
    for (const { barcode, units: n } of expansion.lines) units.set(barcode, (units.get(barcode) ?? 0) + n);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, lines: [...units].map(([barcode, n]) => ({ barcode, units: n })) };
}
