import { normaliseLevels } from '../../../src/domain/stock-levels';
import { fingerprintOf } from '../../../src/db/stock-fingerprint';

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
});
