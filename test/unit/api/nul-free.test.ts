import { nulField } from '../../../src/api/nul-free';

describe('nulField', () => {
  it('names the first string, key or value, holding a NUL', () => {
    expect(nulField({ lines: [{ sku: 'A' }, { sku: 'B\u0000' }] })).toBe('lines[1].sku');
    expect(nulField({ shipTo: { ['zip\u0000']: '1' } })).toBe('shipTo.zip\u0000');
    expect(nulField('\u0000')).toBe('');
  });

  it('passes everything else', () => {
    expect(nulField({ a: ['x', 1, null, true, { b: '\\u0000' }] })).toBeUndefined();
    expect(nulField(undefined)).toBeUndefined();
  });
});
