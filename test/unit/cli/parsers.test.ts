import { InvalidArgumentError } from 'commander';
import { integerIn, parseComponent, parseSince, parseSlug } from '../../../src/cli/parsers';

describe('CLI parsers', () => {
  const now = new Date('2027-03-14T12:00:00Z');

  it.each([
    ['7d', '2027-03-07T12:00:00.000Z'],
    ['12h', '2027-03-14T00:00:00.000Z'],
    ['30m', '2027-03-14T11:30:00.000Z'],
    ['2027-03-01', '2027-03-01T00:00:00.000Z'],
    ['2027-03-01T09:00:00-08:00', '2027-03-01T17:00:00.000Z'],
  ])('--since %s', (value, expected) => {
    expect(parseSince(value, now).toISOString()).toBe(expected);
  });

  it.each(['yesterday', '7w', '2027-13-45', ''])('--since rejects %j', (value) => {
    expect(() => parseSince(value, now)).toThrow(InvalidArgumentError);
  });

  // Found by test/fuzz/cli.fuzz.test.ts: an age beyond the Date range came back as an Invalid Date.
  it('--since refuses an age reaching back before any date', () => {
    expect(() => parseSince('99999999999999d', now)).toThrow('reaches back before any date');
  });

  it('reads bundle components as barcode:units', () => {
    expect(parseComponent('0123:2')).toEqual({ barcode: '0123', units: 2 });
    expect(() => parseComponent('0123')).toThrow('must be barcode:units');
    expect(() => parseComponent('0123:0')).toThrow('must be barcode:units');
    // Found by test/fuzz/api.fuzz.test.ts (the same limit on PUT /bundles): units are a PostgreSQL integer.
    expect(() => parseComponent('0123:2147483648')).toThrow('units from 1 to 2147483647');
  });

  it('bounds whole numbers and says the range', () => {
    expect(integerIn(0, 23)('7')).toBe(7);
    for (const bad of ['24', '-1', '1.5', 'x']) expect(() => integerIn(0, 23)(bad)).toThrow('from 0 to 23');
  });

  it('says what the domain says about slugs', () => {
    expect(parseSlug('acme-2')).toBe('acme-2');
    expect(() => parseSlug('Acme')).toThrow('must be a lowercase slug');
  });
});
