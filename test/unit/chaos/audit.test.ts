import { audit, type AuditedOrder } from '../../../chaos/audit';

const row = (status: string, overrides: Partial<NonNullable<AuditedOrder['index']>> = {}) => ({
  status,
  lastError: null,
  cancelReason: null,
  holdCount: 0,
  ...overrides,
});

const shipped = (key: string, overrides: Partial<AuditedOrder> = {}): AuditedOrder => ({
  key,
  fate: 'ship',
  malformed: false,
  lowStock: false,
  index: row('confirmed'),
  easyPost: ['shipped'],
  fulfillments: ['9400100000000000000001'],
  ...overrides,
});

const cancelled = (key: string, overrides: Partial<AuditedOrder> = {}): AuditedOrder => ({
  key,
  fate: 'cancel',
  malformed: false,
  lowStock: false,
  cancelAt: 'at_wms',
  index: row('cancelled', { cancelReason: 'buyer changed their mind' }),
  easyPost: ['cancelled'],
  fulfillments: [],
  ...overrides,
});

describe('audit', () => {
  it('passes orders that ended exactly once where their plan says', () => {
    const result = audit([
      shipped('shop/1'),
      shipped('shop/2', { lowStock: true, index: row('confirmed', { holdCount: 1 }) }),
      cancelled('woo/2'),
      cancelled('woo/4', { cancelAt: 'received', easyPost: [] }),
      cancelled('woo/5', { cancelAt: 'error', malformed: true, easyPost: [] }),
      {
        key: 'woo/3',
        fate: 'malformed',
        malformed: true,
        lowStock: false,
        badField: 'shipTo.zip',
        index: row('error', { lastError: 'shipTo.zip: required' }),
        easyPost: [],
        fulfillments: [],
      },
    ]);
    expect(result).toEqual({
      duplicates: [],
      cartDuplicates: [],
      shippedAfterCancel: [],
      lost: [],
      mismatches: [],
      fates: { ship: { planned: 2, ok: 2 }, cancel: { planned: 3, ok: 3 }, malformed: { planned: 1, ok: 1 } },
      lowStock: { planned: 1, ok: 1 },
      statuses: { confirmed: 2, cancelled: 3, error: 1 },
    });
  });

  it('counts two EasyPost orders for one cart order as duplicates at EasyPost', () => {
    const result = audit([shipped('shop/1', { easyPost: ['shipped', 'new'] })]);
    expect(result.duplicates).toEqual(['shop/1: 2 orders at EasyPost (shipped, new)']);
    expect(result.fates.ship).toEqual({ planned: 1, ok: 0 });
  });

  it('counts two fulfillments for one shipment as a duplicate at the cart, not two for two shipments', () => {
    const result = audit([
      shipped('shop/1', { fulfillments: ['9400A', '9400A'] }),
      shipped('woo/2', { fulfillments: ['9400B', '9400C'] }),
    ]);
    expect(result.cartDuplicates).toEqual(['shop/1: 2 fulfillments in the cart for shipment 9400A']);
    expect(result.duplicates).toEqual([]);
  });

  it('counts an order the cart was told is cancelled and EasyPost shipped as shipped after its cancel', () => {
    const result = audit([
      cancelled('shop/1', { cancelAt: 'sending', easyPost: ['shipped'] }),
      cancelled('woo/2', { cancelAt: 'on_hold', lowStock: true, easyPost: ['created'] }),
      // Refused by EasyPost because it had shipped: the cart was told the cancel failed, so shipping is right.
      cancelled('woo/3', { index: row('cancel_failed', { cancelReason: 'refused' }), easyPost: ['shipped'] }),
    ]);
    expect(result.shippedAfterCancel).toEqual([
      'shop/1: the cart was told cancelled (cancelled in sending), yet EasyPost shipped it',
    ]);
    expect(result.mismatches).toEqual(['woo/2: cancelled, but open at EasyPost (created)']);
    expect(result.fates.cancel).toEqual({ planned: 3, ok: 1 });
  });

  it('counts orders never pulled, never sent or without tracking as lost, once each', () => {
    const result = audit([
      shipped('woo/1', { easyPost: [], fulfillments: [], index: undefined }),
      shipped('woo/2', { fulfillments: [], index: row('shipped') }),
      cancelled('woo/3', { index: undefined, easyPost: [] }),
    ]);
    expect(result.lost).toEqual([
      'woo/1: never pulled from the cart',
      'woo/2: its tracking never reached the cart',
      'woo/3: never pulled from the cart',
    ]);
    expect(result.mismatches).toEqual(['woo/2: ended shipped, expected confirmed']);
    expect(result.statuses).toEqual({ unpulled: 2, shipped: 1 });
  });

  it('wants low-stock orders held then confirmed, malformed ones in error naming the field, cancels with a reason', () => {
    const result = audit(
      [
        shipped('shop/4', { lowStock: true, index: row('on_hold', { holdCount: 2 }), easyPost: [], fulfillments: [] }),
        {
          key: 'shop/1',
          fate: 'malformed',
          malformed: true,
          lowStock: false,
          badField: 'shipTo',
          index: row('error', { lastError: 'lines: empty' }),
          easyPost: ['created'],
          fulfillments: [],
        },
        cancelled('woo/2', { index: row('cancelled') }),
      ],
      ['epf:order:elsewhere:9'],
    );
    expect(result.lost).toEqual(['shop/4: never reached EasyPost (on_hold)']);
    expect(result.mismatches).toEqual([
      'EasyPost has an order no cart placed: epf:order:elsewhere:9',
      'shop/4: ended on_hold, expected confirmed',
      'shop/1: malformed, yet sent to EasyPost',
      'shop/1: error does not name shipTo: lines: empty',
      'woo/2: cancelled without a reason',
    ]);
    expect(result.lowStock).toEqual({ planned: 1, ok: 0 });
  });
});
