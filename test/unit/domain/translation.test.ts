import fc from 'fast-check';
import type { OrderLine } from '../../../src/domain/order';
import { translateLines, type ProductMapping, type WmsLine } from '../../../src/domain/translation';

const line = (sku: string, quantity: number, lineId = sku): OrderLine => ({ lineId, sku, quantity });
const noMapping: ProductMapping = { aliases: {}, bundles: {} };

describe('translateLines', () => {
  const mapping: ProductMapping = {
    aliases: { 'TEE-RED-M': '850000000011', MUG: '850000000028' },
    bundles: {
      'GIFT-SET': [
        { barcode: '850000000011', units: 1 },
        { barcode: '850000000028', units: 2 },
      ],
      // A bundle SKU wins over an alias of the same SKU.
      'TEE-RED-M': [{ barcode: '850000000099', units: 1 }],
    },
    barcodes: new Set(['850000000011', '850000000028', '850000000035', '850000000099']),
  };

  it('explodes bundles first, then applies aliases, then accepts known barcodes; merges in order of appearance', () => {
    const result = translateLines(
      [line('MUG', 1), line('GIFT-SET', 3), line('850000000035', 4), line('TEE-RED-M', 2)],
      mapping,
    );
    expect(result).toEqual({
      ok: true,
      lines: [
        { barcode: '850000000028', units: 7 },
        { barcode: '850000000011', units: 3 },
        { barcode: '850000000035', units: 4 },
        { barcode: '850000000099', units: 2 },
      ],
    });
  });

  it('matches SKUs exactly after trimming: case matters', () => {
    expect(translateLines([line('  MUG ', 1)], mapping)).toEqual({
      ok: true,
      lines: [{ barcode: '850000000028', units: 1 }],
    });
    expect(translateLines([line('mug', 1)], mapping)).toEqual({
      ok: false,
      problems: [{ field: 'lines[0].sku', message: '"mug" has no EasyPost product; add an alias' }],
    });
  });

  it('passes unknown SKUs through when the known barcodes are not given', () => {
    expect(translateLines([line('ANYTHING', 2)], noMapping)).toEqual({
      ok: true,
      lines: [{ barcode: 'ANYTHING', units: 2 }],
    });
  });

  it('does not take Object.prototype members for aliases or bundles', () => {
    expect(
      translateLines([line('constructor', 1), line('toString', 1)], { ...noMapping, barcodes: new Set() }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'lines[0].sku', message: '"constructor" has no EasyPost product; add an alias' },
        { field: 'lines[1].sku', message: '"toString" has no EasyPost product; add an alias' },
      ],
    });
  });

  it('names each broken bundle definition and every unknown SKU', () => {
    const broken: ProductMapping = {
      aliases: {},
      bundles: { EMPTY: [], ZERO: [{ barcode: 'B1', units: 0 }], HALF: [{ barcode: 'B2', units: 0.5 }] },
      barcodes: new Set(['B1']),
    };
    const result = translateLines(
      [line('B1', 1), line('EMPTY', 1), line('ZERO', 1), line('HALF', 1), line('X', 1)],
      broken,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'lines[1].sku', message: 'bundle "EMPTY" has no components' },
        { field: 'lines[2].sku', message: 'bundle "ZERO" has 0 units of "B1": must be a whole number above 0' },
        { field: 'lines[3].sku', message: 'bundle "HALF" has 0.5 units of "B2": must be a whole number above 0' },
        { field: 'lines[4].sku', message: '"X" has no EasyPost product; add an alias' },
      ],
    });
  });

  it('names an alias or a bundle component whose barcode has no EasyPost product', () => {
    const stale: ProductMapping = {
      aliases: { 'TEE-XL': 'GONE-1' },
      bundles: { PACK: [{ barcode: 'GONE-2', units: 1 }] },
      barcodes: new Set(['B1']),
    };
    expect(translateLines([line('TEE-XL', 1), line('PACK', 1)], stale)).toEqual({
      ok: false,
      problems: [
        {
          field: 'lines[0].sku',
          message: '"TEE-XL" is aliased to "GONE-1", which has no EasyPost product; fix the alias',
        },
        {
          field: 'lines[1].sku',
          message: 'bundle "PACK" has "GONE-2", which has no EasyPost product; fix the bundle',
        },
      ],
    });
  });
});

describe('translateLines properties', () => {
  const skus = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  const barcodes = ['100', '200', '300', '400', 'A', 'B'];
  const sku = fc.constantFrom(...skus);
  const barcode = fc.constantFrom(...barcodes);
  const mapping: fc.Arbitrary<ProductMapping> = fc.record({
    aliases: fc.dictionary(sku, barcode, { maxKeys: 4 }),
    bundles: fc.dictionary(
      sku,
      fc.array(fc.record({ barcode, units: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
      {
        maxKeys: 3,
      },
    ),
  });
  const orderLines = fc
    .array(fc.record({ sku, quantity: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 8 })
    .map((rows) => rows.map((row, i) => line(row.sku, row.quantity, String(i))));

  const translated = (lines: OrderLine[], m: ProductMapping): WmsLine[] => {
    const result = translateLines(lines, m);
    if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
    return result.lines;
  };
  const total = (lines: WmsLine[]) => lines.reduce((sum, l) => sum + l.units, 0);
  const sorted = (lines: WmsLine[]) => [...lines].sort((a, b) => a.barcode.localeCompare(b.barcode));

  it('conserves units: quantity × units per bundle (or 1) in, the same total out', () => {
    fc.assert(
      fc.property(orderLines, mapping, (lines, m) => {
        const expected = lines.reduce((sum, l) => {
          const bundle = Object.hasOwn(m.bundles, l.sku) ? m.bundles[l.sku] : undefined;
          return sum + l.quantity * (bundle ? bundle.reduce((n, c) => n + c.units, 0) : 1);
        }, 0);
        expect(total(translated(lines, m))).toBe(expected);
      }),
    );
  });

  it('outputs each barcode once, with positive units', () => {
    fc.assert(
      fc.property(orderLines, mapping, (lines, m) => {
        const out = translated(lines, m);
        expect(new Set(out.map((l) => l.barcode)).size).toBe(out.length);
        for (const l of out) expect(l.units).toBeGreaterThan(0);
      }),
    );
  });

  it('is idempotent: translated lines translate to themselves under the identity mapping', () => {
    fc.assert(
      fc.property(orderLines, mapping, (lines, m) => {
        const once = translated(lines, m);
        const identity: ProductMapping = { aliases: {}, bundles: {}, barcodes: new Set(once.map((l) => l.barcode)) };
        const asCartLines = once.map((l, i) => line(l.barcode, l.units, String(i)));
        expect(translated(asCartLines, identity)).toEqual(once);
      }),
    );
  });

  it('gives the same lines whatever the order of the cart lines', () => {
    fc.assert(
      fc.property(
        orderLines.chain((lines) =>
          fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length })),
        ),
        mapping,
        ([lines, shuffled], m) => {
          expect(sorted(translated(shuffled, m))).toEqual(sorted(translated(lines, m)));
        },
      ),
    );
  });
});
