import fc from 'fast-check';
import type { ProductMapping } from '../../../src/domain/translation';
import {
  cartLevels,
  changedLevels,
  stockOfWarehouses,
  unreservedUnits,
  type UnreservedOrder,
} from '../../../src/domain/cart-levels';

const level = (barcode: string, warehouseId: string, quantity: number) => ({ barcode, warehouseId, quantity });
const noMapping: ProductMapping = { aliases: {}, bundles: {} };

describe('what a cart is shown', () => {
  const levels = [level('111', 'wh_a', 10), level('111', 'wh_b', 5), level('222', 'wh_b', 7)];

  it('sums only the warehouses the cart sells from (none configured: all of them)', () => {
    expect(stockOfWarehouses(levels, ['wh_a'])).toEqual(new Map([['111', 10]]));
    expect(stockOfWarehouses(levels, ['wh_b'])).toEqual(
      new Map([
        ['111', 5],
        ['222', 7],
      ]),
    );
    expect(stockOfWarehouses(levels, [])).toEqual(
      new Map([
        ['111', 15],
        ['222', 7],
      ]),
    );
  });

  it('maps barcodes back to every SKU aliased to them; a barcode without an alias is its own SKU', () => {
    const mapping: ProductMapping = { aliases: { 'SOCK-M': '111', 'SOCK-M-2PK-OLD': '111' }, bundles: {} };
    const shown = cartLevels({
      stock: stockOfWarehouses(levels, []),
      unreserved: new Map(),
      mapping,
      minimumInventory: 0,
    });
    expect(shown).toEqual([
      { sku: '222', quantity: 7 },
      { sku: 'SOCK-M', quantity: 15 },
      { sku: 'SOCK-M-2PK-OLD', quantity: 15 },
    ]);
  });

  it('counts a bundle as the fewest whole sets its components make', () => {
    const mapping: ProductMapping = {
      aliases: {},
      bundles: {
        'GIFT-SET': [
          { barcode: '111', units: 2 },
          { barcode: '222', units: 1 },
        ],
        'NO-STOCK-SET': [{ barcode: '999', units: 1 }],
      },
    };
    const shown = cartLevels({
      stock: new Map([
        ['111', 15],
        ['222', 7],
      ]),
      unreserved: new Map(),
      mapping,
      minimumInventory: 0,
    });
    expect(shown).toContainEqual({ sku: 'GIFT-SET', quantity: 7 });
    expect(shown).toContainEqual({ sku: 'NO-STOCK-SET', quantity: 0 });
  });

  it('subtracts orders not yet at the WMS that draw from the cart, never going below 0', () => {
    const mapping: ProductMapping = {
      aliases: { 'SOCK-M': '111' },
      bundles: { 'GIFT-SET': [{ barcode: '111', units: 2 }] },
    };
    const orders: UnreservedOrder[] = [
      { warehouseId: undefined, lines: [{ sku: 'SOCK-M', quantity: 3 }] },
      { warehouseId: 'wh_a', lines: [{ sku: 'GIFT-SET', quantity: 2 }] },
      // Routed to a warehouse this cart does not sell from.
      { warehouseId: 'wh_z', lines: [{ sku: 'SOCK-M', quantity: 100 }] },
      // Lines unknown (recorded before lines were kept) or malformed take nothing.
      { warehouseId: undefined, lines: undefined },
      { warehouseId: undefined, lines: [{ sku: 'SOCK-M', quantity: 1 }] },
    ];
    const unreserved = unreservedUnits(orders, mapping, ['wh_a', 'wh_b']);
    expect(unreserved).toEqual(new Map([['111', 3 + 4 + 1]]));
    const shown = cartLevels({ stock: new Map([['111', 10]]), unreserved, mapping, minimumInventory: 0 });
    expect(shown).toEqual([
      { sku: 'GIFT-SET', quantity: 1 },
      { sku: 'SOCK-M', quantity: 2 },
    ]);
    const oversold = cartLevels({ stock: new Map([['111', 1]]), unreserved, mapping, minimumInventory: 0 });
    expect(oversold.every((shownLevel) => shownLevel.quantity === 0)).toBe(true);
  });

  it('shows 0 at or below the minimum inventory', () => {
    const shown = cartLevels({
      stock: new Map([
        ['a', 3],
        ['b', 4],
      ]),
      unreserved: new Map(),
      mapping: noMapping,
      minimumInventory: 3,
    });
    expect(shown).toEqual([
      { sku: 'a', quantity: 0 },
      { sku: 'b', quantity: 4 },
    ]);
  });

  it('pushes only the values that changed or were never pushed', () => {
    const pushed = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const next = [
      { sku: 'a', quantity: 1 },
      { sku: 'b', quantity: 3 },
      { sku: 'c', quantity: 0 },
    ];
    expect(changedLevels(next, pushed)).toEqual([
      { sku: 'b', quantity: 3 },
      { sku: 'c', quantity: 0 },
    ]);
    expect(changedLevels(next, new Map(next.map(({ sku, quantity }) => [sku, quantity])))).toEqual([]);
  });
});

describe('inventory math properties', () => {
  const barcodes = ['b1', 'b2', 'b3', 'b4'];
  const barcode = fc.constantFrom(...barcodes);
  const stock = fc.array(fc.tuple(barcode, fc.integer({ min: -5, max: 500 }))).map((entries) => new Map(entries));
  const mapping: fc.Arbitrary<ProductMapping> = fc.record({
    aliases: fc.dictionary(fc.constantFrom('s1', 's2', 's3'), barcode),
    bundles: fc.dictionary(
      fc.constantFrom('k1', 'k2'),
      fc.uniqueArray(fc.record({ barcode, units: fc.integer({ min: 1, max: 6 }) }), {
        minLength: 1,
        maxLength: 3,
        selector: (component) => component.barcode,
      }),
    ),
  });
  const input = fc.record({
    stock,
    unreserved: stock.map((map) => new Map([...map].map(([key, units]) => [key, Math.abs(units)]))),
    mapping,
    minimumInventory: fc.integer({ min: 0, max: 20 }),
  });
  const availableOf = (i: { stock: Map<string, number>; unreserved: Map<string, number> }, b: string) =>
    Math.max(0, (i.stock.get(b) ?? 0) - (i.unreserved.get(b) ?? 0));

  it('never shows a negative level, and each level is 0 or above the minimum', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const { quantity } of cartLevels(i)) {
          expect(Number.isInteger(quantity)).toBe(true);
          expect(quantity === 0 || quantity > i.minimumInventory).toBe(true);
        }
      }),
    );
  });

  it('never shows more bundles than any component can make', () => {
    fc.assert(
      fc.property(input, (i) => {
        const shown = new Map(cartLevels(i).map(({ sku, quantity }) => [sku, quantity]));
        for (const [sku, components] of Object.entries(i.mapping.bundles)) {
          for (const component of components) {
            expect(shown.get(sku)! * component.units).toBeLessThanOrEqual(availableOf(i, component.barcode));
          }
        }
      }),
    );
  });

  it('never shows an alias more than its barcode has available', () => {
    fc.assert(
      fc.property(input, (i) => {
        const shown = new Map(cartLevels(i).map(({ sku, quantity }) => [sku, quantity]));
        for (const [sku, target] of Object.entries(i.mapping.aliases)) {
          if (Object.hasOwn(i.mapping.bundles, sku)) continue;
          expect(shown.get(sku)).toBeLessThanOrEqual(availableOf(i, target));
        }
      }),
    );
  });

  it('shows less, never more, when more units are promised to orders not yet at the WMS', () => {
    fc.assert(
      fc.property(input, barcode, fc.integer({ min: 1, max: 50 }), (i, extraBarcode, extra) => {
        const more = new Map(i.unreserved);
        more.set(extraBarcode, (more.get(extraBarcode) ?? 0) + extra);
        const before = new Map(cartLevels(i).map(({ sku, quantity }) => [sku, quantity]));
        for (const { sku, quantity } of cartLevels({ ...i, unreserved: more })) {
          expect(quantity).toBeLessThanOrEqual(before.get(sku)!);
        }
      }),
    );
  });
});
