import { filterLines, itemFilterSchema, NO_ITEM_FILTER, skuMatches } from '../../../src/domain/item-filter';

const line = (lineId: string, sku: string) => ({ lineId, sku, quantity: 1 });

describe('skuMatches', () => {
  it('matches SKUs exactly and globs with * and ?, case-sensitively', () => {
    expect(skuMatches('TEE-XL', 'TEE-XL')).toBe(true);
    expect(skuMatches('TEE-XL', 'tee-xl')).toBe(false);
    expect(skuMatches('TEE-XL', 'TEE-*')).toBe(true);
    expect(skuMatches('TEE-', 'TEE-*')).toBe(true);
    expect(skuMatches('TEE-XL', 'TEE-?')).toBe(false);
    expect(skuMatches('TEE-S', 'TEE-?')).toBe(true);
    expect(skuMatches('GIFT-CARD-50', '*CARD*')).toBe(true);
    expect(skuMatches('SOCK-M', '*CARD*')).toBe(false);
    expect(skuMatches('anything', '*')).toBe(true);
  });

  it('takes linear-ish time on a pattern built to backtrack', () => {
    const sku = 'a'.repeat(5_000);
    expect(skuMatches(sku, `${'*a'.repeat(100)}b`)).toBe(false);
  });
});

describe('filterLines', () => {
  const lines = [line('1', 'SOCK-M'), line('2', 'GIFT-CARD'), line('3', 'TOTE')];

  it('keeps every line without a filter', () => {
    expect(filterLines(lines, NO_ITEM_FILTER)).toEqual({ kept: lines, filtered: [] });
  });

  it('keeps only allowed lines, naming why each other line was kept out', () => {
    const { kept, filtered } = filterLines(lines, { mode: 'allow', patterns: ['SOCK-*', 'TOTE'] });
    expect(kept.map((l) => l.lineId)).toEqual(['1', '3']);
    expect(filtered).toEqual([{ ...lines[1], reason: "matches nothing on the cart's allow-list (SOCK-*, TOTE)" }]);
  });

  it('drops denied lines, naming the pattern', () => {
    const { kept, filtered } = filterLines(lines, { mode: 'deny', patterns: ['GIFT-*'] });
    expect(kept.map((l) => l.lineId)).toEqual(['1', '3']);
    expect(filtered).toEqual([{ ...lines[1], reason: `matches "GIFT-*" on the cart's deny-list` }]);
  });
});

describe('itemFilterSchema', () => {
  it('refuses an allow-list with nothing on it, which would send no line anywhere', () => {
    const result = itemFilterSchema.safeParse({ mode: 'allow', patterns: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['patterns']);
  });

  it('refuses an unknown mode and empty patterns', () => {
    expect(itemFilterSchema.safeParse({ mode: 'only', patterns: ['A'] }).success).toBe(false);
    expect(itemFilterSchema.safeParse({ mode: 'deny', patterns: [' '] }).success).toBe(false);
  });
});
