import {
  classifyExceptions,
  DEFAULT_THRESHOLDS,
  type ExceptionMerchant,
  type ExceptionOrder,
} from '../../../src/domain/exceptions';
import { shellWord } from '../../../src/domain/shell-word';
import { merchantSettingsSchema } from '../../../src/domain/merchant-settings';
import { orderWorkflowId } from '../../../workflows/definitions';

const NOW = new Date('2027-03-14T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

const merchant = (overrides: Partial<ExceptionMerchant> = {}): ExceptionMerchant => ({
  id: 'acme',
  name: 'Acme Inc',
  mode: 'test',
  hasTestKey: true,
  hasProductionKey: false,
  settings: merchantSettingsSchema.parse({}),
  ...overrides,
});

let next = 0;
const order = (overrides: Partial<ExceptionOrder> = {}): ExceptionOrder => {
  next += 1;
  return {
    cart_id: 'acme-shop',
    cart_order_id: `o${next}`,
    cart_order_number: '#1001',
    merchant_id: 'acme',
    workflow_id: orderWorkflowId('acme-shop', `o${next}`),
    status: 'error',
    last_error: null,
    last_error_field: null,
    last_error_type: null,
    hold_count: 0,
    held_since: null,
    received_at: hoursAgo(5),
    updated_at: hoursAgo(4),
    lines: [{ sku: 'TEE-X', quantity: 1 }],
    ...overrides,
  };
};

const classify = (orders: ExceptionOrder[], merchants = [merchant()], thresholds = DEFAULT_THRESHOLDS) =>
  classifyExceptions(merchants, orders, thresholds, NOW);
const only = (o: ExceptionOrder, merchants?: ExceptionMerchant[]) => {
  const found = classify([o], merchants);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('classifyExceptions: orders in error', () => {
  it('an unknown SKU: add the alias (the SKU from the message), then retry', () => {
    const found = only(
      order({
        last_error: 'lines[0].sku: unknown SKU "TEE X": add an alias to an EasyPost barcode',
        last_error_field: 'lines[0].sku',
        last_error_type: 'InvalidOrder',
      }),
    );
    expect(found).toMatchObject({
      kind: 'unknown_sku',
      merchantId: 'acme',
      field: 'lines[0].sku',
      since: hoursAgo(4).toISOString(),
      fix: `epf aliases set acme 'TEE X' <barcode>, then epf orders retry '#1001' --cart acme-shop`,
      order: { cartId: 'acme-shop', cartOrderNumber: '#1001', status: 'error' },
    });
    expect(found.reason).toContain('unknown SKU');
  });

  it('a SKU with no EasyPost product (synced products): the alias for our own line, then retry', () => {
    const found = only(
      order({
        last_error: 'lines[2].sku: "TEE-XL" has no EasyPost product; add an alias',
        last_error_field: 'lines[2].sku',
        last_error_type: 'InvalidOrder',
      }),
    );
    expect(found).toMatchObject({
      kind: 'unknown_sku',
      field: 'lines[2].sku',
      fix: `epf aliases set acme TEE-XL <barcode>, then epf orders retry '#1001' --cart acme-shop`,
    });
  });

  it('a barcode EasyPost does not know: the same fix, the SKU left to the operator', () => {
    const found = only(
      order({
        last_error: 'unknown barcode',
        last_error_field: 'line_items[0].product.barcode',
        last_error_type: 'InvalidOrder',
      }),
    );
    expect(found.kind).toBe('unknown_sku');
    expect(found.fix).toBe(`epf aliases set acme <sku> <barcode>, then epf orders retry '#1001' --cart acme-shop`);
  });

  it('an unmapped ship method: map it (the method from the message), then retry', () => {
    const found = only(
      order({
        last_error:
          'shipMethod: no EasyPost service for ship method "Express Air": add a ship-method rule or a default service',
        last_error_field: 'shipMethod',
        last_error_type: 'InvalidOrder',
      }),
    );
    expect(found).toMatchObject({
      kind: 'unmapped_ship_method',
      field: 'shipMethod',
      fix: `epf ship-methods set acme 'Express Air' <service>, then epf orders retry '#1001' --cart acme-shop`,
    });
  });

  it('any other named field: fix the order', () => {
    const found = only(
      order({ last_error: 'shipTo.zip: required', last_error_field: 'shipTo.zip', last_error_type: 'InvalidOrder' }),
    );
    expect(found).toMatchObject({
      kind: 'order_error',
      field: 'shipTo.zip',
      reason: 'shipTo.zip: required',
      fix: `epf orders fix '#1001' --cart acme-shop --file fix.json`,
    });
  });

  it('EasyPost unreachable through every retry: resend', () => {
    const found = only(order({ last_error: 'EasyPost answered 503', last_error_type: 'EasyPostUnavailable' }));
    expect(found).toMatchObject({ kind: 'order_error', fix: `epf orders retry '#1001' --cart acme-shop` });
    expect(found.field).toBeUndefined();
  });

  it('a refused key: one exception for the merchant (its key), listed first, and one per order (retry)', () => {
    const refused = (hours: number) =>
      order({ last_error: 'EasyPost refused the key', last_error_type: 'AuthFailed', updated_at: hoursAgo(hours) });
    const found = classify([refused(1), refused(3)]);
    expect(found.map((e) => [e.kind, e.order?.status])).toEqual([
      ['auth_failed', undefined],
      ['auth_failed', 'error'],
      ['auth_failed', 'error'],
    ]);
    expect(found[0]).toMatchObject({
      reason: 'EasyPost refused the test key on 2 order(s)',
      since: hoursAgo(3).toISOString(),
      fix: `epf merchants add acme --name 'Acme Inc' --test-key-env EASYPOST_TEST_KEY, then retry each order`,
    });
    expect(found[1]!.since).toBe(hoursAgo(3).toISOString());
    expect(found[1]!.fix).toBe(`fix the key, then epf orders retry '#1001' --cart acme-shop`);
  });
});

describe('classifyExceptions: merchants', () => {
  it('a merchant without the key of its mode', () => {
    const found = classify([], [merchant({ mode: 'production', hasTestKey: true, hasProductionKey: false })]);
    expect(found).toEqual([
      {
        key: 'missing_key:acme:production',
        kind: 'missing_key',
        merchantId: 'acme',
        reason: 'no EasyPost production key, and the merchant is in production mode: nothing can be sent',
        fix: `epf merchants add acme --name 'Acme Inc' --production-key-env EASYPOST_PRODUCTION_KEY`,
      },
    ]);
    expect(classify([], [merchant({ mode: 'test', hasTestKey: true })])).toEqual([]);
  });
});

describe('classifyExceptions: orders that wait too long', () => {
  it('on hold: counted from when the hold began, not from the last daily resend', () => {
    const held = (days: number) =>
      order({
        status: 'on_hold',
        hold_count: days,
        last_error: 'insufficient inventory',
        held_since: hoursAgo(days * 24),
        updated_at: hoursAgo(2),
      });
    expect(classify([held(2)])).toEqual([]);
    expect(only(held(4))).toMatchObject({
      kind: 'long_hold',
      since: hoursAgo(96).toISOString(),
      reason: 'on hold for over 3 day(s), 4 hold(s): insufficient inventory',
      fix: `epf orders retry '#1001' --cart acme-shop, or epf orders cancel '#1001' --cart acme-shop --reason "..."`,
    });
    expect(classify([held(2)], undefined, { ...DEFAULT_THRESHOLDS, holdDays: 1 })).toHaveLength(1);
  });

  it('received: past its delivery time by the threshold, which the merchant slots move', () => {
    const received = order({ status: 'received', received_at: hoursAgo(2), updated_at: hoursAgo(2) });
    expect(only(received)).toMatchObject({ kind: 'stuck', since: hoursAgo(2).toISOString() });
    expect(classify([order({ status: 'received', received_at: hoursAgo(0.5) })])).toEqual([]);
    // Slots at 23:00 Los Angeles: an order received 2 hours ago is not due yet.
    const slots = merchant({
      settings: merchantSettingsSchema.parse({ orderDelivery: { mode: 'slots', times: ['23:00'] } }),
    });
    expect(classify([received], [slots])).toEqual([]);
  });

  it('sending for over the threshold', () => {
    expect(only(order({ status: 'sending', updated_at: hoursAgo(2) }))).toMatchObject({
      kind: 'stuck',
      fix: `epf orders show '#1001' --cart acme-shop`,
    });
    expect(classify([order({ status: 'sending', updated_at: hoursAgo(0.5) })])).toEqual([]);
  });

  it('at the warehouse without shipping for over the threshold', () => {
    expect(classify([order({ status: 'at_wms', updated_at: hoursAgo(6 * 24) })])).toEqual([]);
    expect(only(order({ status: 'at_wms', updated_at: hoursAgo(8 * 24) }))).toMatchObject({ kind: 'stuck' });
    expect(
      classify([order({ status: 'at_wms', updated_at: hoursAgo(8 * 24) })], undefined, {
        ...DEFAULT_THRESHOLDS,
        wmsDays: 9,
      }),
    ).toEqual([]);
  });
});

describe('classifyExceptions: cancels and tracking', () => {
  it('cancel_failed, and a cancel that was not done (EasyPost unreachable)', () => {
    expect(only(order({ status: 'cancel_failed', updated_at: hoursAgo(1) }))).toMatchObject({
      kind: 'cancel_failed',
      fix: `epf orders show '#1001' --cart acme-shop; to ask again: epf orders cancel '#1001' --cart acme-shop --reason "..."`,
    });
    const notDone = order({
      status: 'at_wms',
      updated_at: hoursAgo(1),
      last_error: 'Cancel not done: EasyPost answered 503',
      last_error_type: 'CancelFailed',
    });
    expect(only(notDone)).toMatchObject({ kind: 'cancel_not_done', reason: 'Cancel not done: EasyPost answered 503' });
    // Before the warehouse, after a send whose answer was lost: asking again is the fix, never a retry (a resend).
    const mayBeSent = order({ ...notDone, status: 'error' });
    expect(only(mayBeSent)).toMatchObject({ kind: 'cancel_not_done', fix: expect.stringMatching(/^ask again: /) });
  });

  it('shipped with a tracking push that failed; not a shipped order whose pushes went out', () => {
    const failed = order({
      status: 'shipped',
      last_error: 'Shopify answered 401',
      last_error_type: 'TrackingPushFailed',
    });
    expect(only(failed)).toMatchObject({
      kind: 'tracking_push_failed',
      reason: 'tracking not pushed to the cart: Shopify answered 401',
      fix: `epf orders retry '#1001' --cart acme-shop`,
    });
    expect(
      classify([order({ status: 'shipped' }), order({ status: 'confirmed' }), order({ status: 'cancelled' })]),
    ).toEqual([]);
  });
});

describe('classifyExceptions: identity and order', () => {
  it('keys a situation by kind, subject and start, the same on every run', () => {
    const held = order({ status: 'on_hold', held_since: hoursAgo(100), last_error: 'x' });
    const first = classifyExceptions([merchant()], [held], DEFAULT_THRESHOLDS, NOW);
    const later = classifyExceptions([merchant()], [held], DEFAULT_THRESHOLDS, new Date(NOW.getTime() + 3_600_000));
    expect(first[0]!.key).toBe(`long_hold:${held.workflow_id}:${hoursAgo(100).toISOString()}`);
    expect(later[0]!.key).toBe(first[0]!.key);
  });

  it('sorts by merchant, merchants before orders, then oldest first', () => {
    const beta = merchant({ id: 'beta', hasTestKey: false });
    const found = classify(
      [
        order({ merchant_id: 'beta', status: 'cancel_failed', updated_at: hoursAgo(1) }),
        order({ status: 'cancel_failed', updated_at: hoursAgo(1) }),
        order({ status: 'cancel_failed', updated_at: hoursAgo(9) }),
      ],
      [merchant(), beta],
    );
    expect(found.map((e) => [e.merchantId, e.kind, e.since])).toEqual([
      ['acme', 'cancel_failed', hoursAgo(9).toISOString()],
      ['acme', 'cancel_failed', hoursAgo(1).toISOString()],
      ['beta', 'missing_key', undefined],
      ['beta', 'cancel_failed', hoursAgo(1).toISOString()],
    ]);
  });
});

describe('shellWord', () => {
  it('leaves plain words, quotes the rest so a fix pastes as one word', () => {
    expect(shellWord('TEE-M_2/x.y')).toBe('TEE-M_2/x.y');
    expect(shellWord('#1001')).toBe(`'#1001'`);
    expect(shellWord(`Bob's Tees`)).toBe(`'Bob'\\''s Tees'`);
  });
});
