import { formatFields, formatTable } from '../../../src/cli/format';
import { parseOrderFix } from '../../../src/cli/order-fix-input';

describe('CLI output and input', () => {
  it('aligns table columns and marks empty cells', () => {
    expect(
      formatTable(
        ['A', 'LONGER'],
        [
          ['xyz', undefined],
          ['', 'v'],
        ],
      ),
    ).toBe('A    LONGER\nxyz  -\n-    v');
  });

  it('aligns field labels', () => {
    expect(
      formatFields([
        ['id', 'acme'],
        ['test key', undefined],
      ]),
    ).toBe('id        acme\ntest key  -');
  });

  it('reads a fix strictly, so a misspelt field is reported rather than ignored', () => {
    expect(parseOrderFix({ shipTo: { zip: '12345' }, skus: { l1: 'TEE-M' } })).toEqual({
      shipTo: { zip: '12345' },
      skus: { l1: 'TEE-M' },
    });
    expect(() => parseOrderFix({ shipto: { zip: '1' } })).toThrow('--file: Unrecognized key: "shipto"');
    expect(() => parseOrderFix({ shipTo: { zipcode: '1' } })).toThrow('shipTo: Unrecognized key: "zipcode"');
    expect(() => parseOrderFix({})).toThrow('--file: the fix changes nothing');
  });
});
