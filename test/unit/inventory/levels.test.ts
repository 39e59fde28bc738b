import { barcodesThatRose, fingerprintOf, normaliseLevels } from '../../../src/inventory/levels';

const level = (barcode: string, warehouseId: string, quantity: number) => ({ barcode, warehouseId, quantity });

describe('stock levels', () => {
  it('normalise to one sorted row per barcode and warehouse, so equal stock has one fingerprint', () => {
    const a = normaliseLevels([
      level('2', 'wh_b', 1),
      level('1', 'wh_b', 2),
      level('1', 'wh_a', 3),
      level('1', 'wh_a', 4),
    ]);
    expect(a).toEqual([level('1', 'wh_a', 7), level('1', 'wh_b', 2), level('2', 'wh_b', 1)]);
    const b = normaliseLevels([level('1', 'wh_b', 2), level('2', 'wh_b', 1), level('1', 'wh_a', 7)]);
    expect(fingerprintOf(a)).toBe(fingerprintOf(b));
    expect(fingerprintOf(a)).not.toBe(fingerprintOf(normaliseLevels([...b, level('3', 'wh_a', 0)])));
  });

  it('report the barcodes whose total across warehouses went up', () => {
    const previous = [level('1', 'wh_a', 5), level('1', 'wh_b', 0), level('2', 'wh_a', 3)];
    // 1 moved between warehouses (same total), 2 fell, 3 is new.
    const current = [level('1', 'wh_a', 0), level('1', 'wh_b', 5), level('2', 'wh_a', 1), level('3', 'wh_a', 2)];
    expect(barcodesThatRose(previous, current)).toEqual(['3']);
    expect(barcodesThatRose([], [level('4', 'wh_a', 0)])).toEqual([]);
  });
});
