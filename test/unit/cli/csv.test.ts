import { parseCsv } from '../../../src/cli/csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM, keyed by the header', () => {
    const text = '\uFEFFSKU,Barcode\r\n"TEE, RED",0123\r\n"say ""hi""",0456\n\n';
    expect(parseCsv(text)).toEqual([
      { line: 2, values: { sku: 'TEE, RED', barcode: '0123' } },
      { line: 3, values: { sku: 'say "hi"', barcode: '0456' } },
    ]);
  });

  it('keeps line numbers right across quoted newlines and fills missing cells with ""', () => {
    expect(parseCsv('a,b\n"x\ny",1\nz')).toEqual([
      { line: 2, values: { a: 'x\ny', b: '1' } },
      { line: 4, values: { a: 'z', b: '' } },
    ]);
  });
});
