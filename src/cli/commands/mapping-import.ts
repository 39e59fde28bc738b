import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { MappingStore } from '../../db/product-mapping';
import { MAX_BUNDLE_UNITS } from '../../domain/translation';
import { parseCsv } from '../csv';
import { CliError } from '../errors';
import { progressBar } from '../progress';

const text = z.string().min(1, 'required');
const units = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .positive('must be at least 1')
  .max(MAX_BUNDLE_UNITS, `must be at most ${MAX_BUNDLE_UNITS}`);

/** The CSV files `epf aliases|bundles|ship-methods import` read, one header row each. */
export const IMPORTS = {
  aliases: { columns: z.object({ sku: text, barcode: text }), header: 'sku,barcode' },
  bundles: { columns: z.object({ bundle_sku: text, barcode: text, units }), header: 'bundle_sku,barcode,units' },
  'ship-methods': { columns: z.object({ cart_method: text, service: text }), header: 'cart_method,service' },
} as const;

export type ImportKind = keyof typeof IMPORTS;

/**
 * Validates the whole file first (every bad cell named by line and column, nothing written if any is bad), then
 * writes it with a progress bar. Returns how many entries were written.
 */
export async function importMapping(kind: ImportKind, store: MappingStore, merchantId: string, file: string) {
  const { columns, header } = IMPORTS[kind];
  const records = parseCsv(await readFile(file, 'utf8'));
  const problems: string[] = [];
  const rows = records.flatMap(({ line, values }) => {
    const parsed = columns.safeParse(values);
    if (parsed.success) return [parsed.data];
    for (const issue of parsed.error.issues) problems.push(`line ${line}, ${String(issue.path[0])}: ${issue.message}`);
    return [];
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
    throw new CliError(`${file}: nothing imported; expected columns ${header}: ${shown}${more}`);
  }
  const writes = plan(kind, rows as Record<string, string | number>[], store, merchantId);
  const bar = progressBar(`importing ${kind}`, writes.length);
  for (const [index, write] of writes.entries()) {
    await write();
    bar.update(index + 1);
  }
  return writes.length;
}

function plan(kind: ImportKind, rows: Record<string, string | number>[], store: MappingStore, merchantId: string) {
  if (kind === 'aliases')
    return rows.map((row) => () => store.setAlias(merchantId, String(row.sku), String(row.barcode)));
  if (kind === 'ship-methods') {
    return rows.map((row) => () => store.setShipMethod(merchantId, String(row.cart_method), String(row.service)));
  }
  // A bundle's rows together replace its components.
  const bundles = new Map<string, { barcode: string; units: number }[]>();
  for (const row of rows) {
    const components = bundles.get(String(row.bundle_sku)) ?? [];
    components.push({ barcode: String(row.barcode), units: Number(row.units) });
    bundles.set(String(row.bundle_sku), components);
  }
  return [...bundles].map(
    ([bundleSku, components]) =>
      () =>
        store.setBundle(merchantId, bundleSku, components),
  );
}
