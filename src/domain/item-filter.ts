import { z } from 'zod';
import type { OrderLine } from './order';

/** A SKU or a glob over SKUs: `*` any run of characters, `?` one character; matched exactly otherwise. */
const skuPattern = z.string().trim().min(1).max(200);

/**
 * Which lines of a cart's orders go to this warehouse: only those whose SKU matches an `allow` pattern, or all but
 * those matching a `deny` pattern. A deny-list with no patterns (the default) sends every line.
 */
export const itemFilterSchema = z
  .object({
    mode: z.enum(['allow', 'deny']),
    patterns: z.array(skuPattern).max(500),
  })
  .refine((filter) => filter.mode === 'deny' || filter.patterns.length > 0, {
    message: 'an allow-list needs at least one SKU or pattern (it would filter out every line)',
    path: ['patterns'],
  });

export type ItemFilter = z.infer<typeof itemFilterSchema>;

/** Every line goes to this warehouse. */
export const NO_ITEM_FILTER: ItemFilter = { mode: 'deny', patterns: [] };

/** A line the filter kept out of the order, and why. */
export interface FilteredLine extends OrderLine {
  reason: string;
}

/**
 * Whether `sku` matches the glob `pattern`, case-sensitively like SKU matching elsewhere. Greedy two-pointer
 * matching: time grows with SKU × pattern length at worst, never exponentially, whatever the pattern.
 */
export function skuMatches(sku: string, pattern: string): boolean {
  let s = 0;
  let p = 0;
  let star = -1;
  let resume = 0;
  while (s < sku.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === sku[s])) {
      s += 1;
      p += 1;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p;
      resume = s;
      p += 1;
    } else if (star >= 0) {
      // Let the last `*` take one more character and try the rest again.
      p = star + 1;
      resume += 1;
      s = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/** The filter as an operator reads it, e.g. `deny-list (GIFT-*, SAMPLE)`. */
export function describeItemFilter(filter: ItemFilter): string {
  return `${filter.mode}-list (${filter.patterns.join(', ')})`;
}

/** Why the filter keeps `sku` from this warehouse, or undefined when it lets it through. */
export function filteredOutBecause(sku: string, filter: ItemFilter): string | undefined {
  const match = filter.patterns.find((pattern) => skuMatches(sku.trim(), pattern.trim()));
  if (filter.mode === 'allow' && match === undefined)
    return `matches nothing on the cart's ${describeItemFilter(filter)}`;
  if (filter.mode === 'deny' && match !== undefined) return `matches "${match}" on the cart's deny-list`;
  return undefined;
}

/** The order's lines split into those that go to this warehouse and those the cart's filter keeps out. */
export function filterLines(lines: OrderLine[], filter: ItemFilter): { kept: OrderLine[]; filtered: FilteredLine[] } {
  const kept: OrderLine[] = [];
  const filtered: FilteredLine[] = [];
  for (const line of lines) {
    const reason = filteredOutBecause(line.sku, filter);
    if (reason === undefined) kept.push(line);
    else filtered.push({ ...line, reason });
  }
  return { kept, filtered };
}
