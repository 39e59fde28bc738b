import { cartLinesForShipment, completesOrder } from '../../../src/domain/shipment-lines';
import type { ProductMapping } from '../../../src/domain/translation';

const mapping: ProductMapping = {
  aliases: { SOCK: 'b-sock', TOTE: 'b-tote' },
  bundles: {
    GIFT: [
      { barcode: 'b-sock', units: 2 },
      { barcode: 'b-tote', units: 1 },
    ],
  },
};
const lines = [
  { lineId: 'l1', sku: 'SOCK', quantity: 3 },
  { lineId: 'l2', sku: 'GIFT', quantity: 1 },
  { lineId: 'l3', sku: 'TOTE', quantity: 1 },
];

describe('cartLinesForShipment', () => {
  it('names the cart lines a partial package carried', () => {
    expect(cartLinesForShipment(lines, mapping, [], [{ barcode: 'b-sock', units: 2 }], false)).toEqual([
      { lineId: 'l1', quantity: 2 },
    ]);
  });

  it('lets earlier packages take their units first, and ships a bundle only when all its parts have', () => {
    const earlier = [[{ barcode: 'b-sock', units: 3 }]];
    const current = [
      { barcode: 'b-sock', units: 2 },
      { barcode: 'b-tote', units: 1 },
    ];
    expect(cartLinesForShipment(lines, mapping, earlier, current, false)).toEqual([{ lineId: 'l2', quantity: 1 }]);
  });

  it('closes every open line with the package that completes the order', () => {
    const earlier = [[{ barcode: 'b-sock', units: 3 }]];
    expect(cartLinesForShipment(lines, mapping, earlier, [{ barcode: 'b-tote', units: 1 }], true)).toEqual([
      { lineId: 'l2', quantity: 1 },
      { lineId: 'l3', quantity: 1 },
    ]);
  });

  it('ships untranslatable lines only with the completing package', () => {
    const odd = [{ lineId: 'x', sku: 'UNMAPPED', quantity: 2 }];
    const strict = { ...mapping, barcodes: new Set(['b-sock']) };
    expect(cartLinesForShipment(odd, strict, [], [{ barcode: 'b-sock', units: 1 }], false)).toEqual([]);
    expect(cartLinesForShipment(odd, strict, [], [], true)).toEqual([{ lineId: 'x', quantity: 2 }]);
  });
});

describe('completesOrder', () => {
  it('completes the order with the last package of the final count only', () => {
    // Two packages read after the order shipped: both carry orderComplete, only the second completes the order.
    expect(completesOrder({ orderComplete: true, packageCount: 2 }, 0)).toBe(false);
    expect(completesOrder({ orderComplete: true, packageCount: 2 }, 1)).toBe(true);
    expect(completesOrder({ orderComplete: false, packageCount: 1 }, 0)).toBe(false);
    expect(completesOrder({ orderComplete: true, packageCount: 1 }, 0)).toBe(true);
  });
});
