import fc from 'fast-check';
import { parseCsv } from '../../../src/cli/csv';
import { csvField, csvRecord } from '../../../src/cli/csv-writer';

describe('the CSV writer', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('TEE, RED')).toBe('"TEE, RED"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes numbers, ISO dates and empty cells for null and undefined', () => {
    expect(csvRecord([3, new Date('2027-03-14T09:00:00Z'), null, undefined, ''])).toBe(
      '3,2027-03-14T09:00:00.000Z,,,\r\n',
    );
  });

  it('ends every record with CRLF', () => {
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
  });

  it('is read back as written by the CSV parser', () => {
    // The parser trims cells and skips blank rows (it reads what people type): generate what survives that.
    const cell = fc
      .string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r\n', '#', 'é') })
      .map((s) => s.trim());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
        const data = rows.filter((row) => row.some((value) => value !== ''));
        const text = [['a', 'b', 'c'], ...data].map(csvRecord).join('');
        expect(parseCsv(text).map((record) => Object.values(record.values))).toEqual(data);
      }),
    );
  });
});
