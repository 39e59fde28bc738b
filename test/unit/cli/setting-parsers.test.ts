import { InvalidArgumentError } from 'commander';
import { cartSettingsSchema, merchantSettingsSchema } from '../../../src/domain/merchant-settings';
import { bySchema, integerBy, parseOrderDelivery } from '../../../src/cli/parsers';
import { formatChanges, givenOnly } from '../../../src/cli/setting-changes';
import { changedFields } from '../../../src/db/audit';

describe('settings options', () => {
  it.each([
    ['immediately', { mode: 'immediately' }],
    ['grace:15', { mode: 'grace', minutes: 15 }],
    ['slots:09:00,14:30', { mode: 'slots', times: ['09:00', '14:30'], zone: 'America/Los_Angeles' }],
    ['slots:09:00@Europe/Berlin', { mode: 'slots', times: ['09:00'], zone: 'Europe/Berlin' }],
  ])('--order-delivery %s', (value, expected) => {
    expect(parseOrderDelivery(value)).toEqual(expected);
  });

  it.each([
    ['later', 'must be immediately, grace:<minutes> or slots:HH:MM,HH:MM[@Zone]'],
    ['immediately:5', 'must be immediately, grace:<minutes> or slots:HH:MM,HH:MM[@Zone]'],
    ['grace:0', 'grace minutes must be a whole number from 1 to 10080'],
    ['grace:x', 'grace minutes must be a whole number from 1 to 10080'],
    ['slots:09:00,9:30', 'slot 9:30 must be a local time HH:MM'],
    ['slots:09:00@Mars/Base', 'zone must be an IANA time zone, e.g. America/Los_Angeles'],
  ])('--order-delivery rejects %j', (value, message) => {
    expect(() => parseOrderDelivery(value)).toThrow(new InvalidArgumentError(message));
  });

  it('takes the bounds of whole numbers from the settings schema', () => {
    const pickup = integerBy(merchantSettingsSchema.shape.shipmentPickupSeconds.unwrap());
    expect(pickup('30')).toBe(30);
    expect(() => pickup('29')).toThrow('must be a whole number from 30 to 86400');
    expect(() => integerBy(merchantSettingsSchema.shape.resendHour.unwrap())('x')).toThrow('from 0 to 23');
  });

  it.each(['2026-01', '2026-10', '2027-04'])('--api-version %s', (value) => {
    expect(bySchema(cartSettingsSchema.shape.apiVersion.unwrap())(value)).toBe(value);
  });

  it.each(['2026-02', '26-10', '2026-10-01', 'latest', 'unstable'])('--api-version rejects %j', (value) => {
    expect(() => bySchema(cartSettingsSchema.shape.apiVersion.unwrap())(value)).toThrow(
      new InvalidArgumentError('must be a Shopify API version YYYY-MM with MM one of 01, 04, 07, 10, e.g. 2026-10'),
    );
  });

  it('keeps only the options given, and prints only the fields that changed', () => {
    expect(givenOnly({ a: 1, b: undefined, c: false })).toEqual({ a: 1, c: false });
    const changes = changedFields(
      { pull: 300, delivery: { mode: 'immediately' }, zone: 'UTC' },
      { pull: 60, delivery: { mode: 'grace', minutes: 5 }, zone: 'UTC', warehouse: 'wh_1' },
    );
    expect(changes).toEqual({
      before: { pull: 300, delivery: { mode: 'immediately' }, warehouse: null },
      after: { pull: 60, delivery: { mode: 'grace', minutes: 5 }, warehouse: 'wh_1' },
    });
    expect(formatChanges(changes).split('\n')).toEqual([
      'pull: 300 -> 60',
      'delivery: {"mode":"immediately"} -> {"mode":"grace","minutes":5}',
      'warehouse: null -> wh_1',
    ]);
    expect(formatChanges(changedFields({ a: 1 }, { a: 1 }))).toBe('nothing changed');
  });
});
