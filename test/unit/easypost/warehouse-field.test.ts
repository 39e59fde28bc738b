import { classifyResponse } from '../../../src/easypost/classify';
import { EasyPostError, refusesWarehouseField } from '../../../src/easypost/errors';

const refusal = (status: number, errors: unknown) =>
  classifyResponse(
    { method: 'POST', path: 'orders' },
    { status, retryAfter: null, bodyText: JSON.stringify({ errors }) },
  );

describe('refusesWarehouseField', () => {
  it.each([
    ['an unknown parameter naming the field', 400, { code: 'PARAMETER.UNKNOWN', message: 'm', field: 'warehouse_id' }],
    ['a nested error naming it', 422, { code: 'X', message: 'm', errors: [{ field: 'warehouse_id', message: 'm' }] }],
    ['a message naming it, with no field', 400, { code: 'X', message: 'warehouse_id is not permitted' }],
  ])('is true for %s', (_, status, errors) => {
    expect(refusesWarehouseField(refusal(status, errors))).toBe(true);
  });

  it.each([
    [
      'an unknown or disabled warehouse',
      422,
      { code: 'ORDER.WAREHOUSE_ID.INVALID', message: 'm', field: 'warehouse_id' },
    ],
    ['another field', 422, { code: 'ORDER.DESTINATION.INVALID', message: 'm', field: 'destination.zip' }],
    ['a shortage', 422, { code: 'ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY', message: 'warehouse_id short' }],
    ['a server error', 500, { code: 'X', message: 'm', field: 'warehouse_id' }],
  ])('is false for %s', (_, status, errors) => {
    expect(refusesWarehouseField(refusal(status, errors))).toBe(false);
  });

  it('is false for anything but an EasyPostError', () => {
    expect(refusesWarehouseField(new Error('warehouse_id'))).toBe(false);
    expect(refusesWarehouseField(new EasyPostError({ kind: 'auth', message: 'warehouse_id' }))).toBe(false);
  });
});
