import { audit, type AuditedOrder } from '../../../chaos/audit';

const shipped = (key: string, overrides: Partial<AuditedOrder> = {}): AuditedOrder => ({
  key,
  fate: 'ship',
  index: { status: 'confirmed', lastError: null, cancelReason: null },
  easyPost: ['shipped'],
  trackings: 1,
  ...overrides,
});

describe('audit', () => {
  it('passes orders that ended exactly once where their fate says', () => {
    const result = audit([
      shipped('shop/1'),
      {
        key: 'woo/2',
        fate: 'cancel',
        index: { status: 'cancelled', lastError: null, cancelReason: 'buyer changed their mind' },
        easyPost: ['cancelled'],
        trackings: 0,
      },
      {
        key: 'woo/3',
        fate: 'malformed',
        badField: 'shipTo.zip',
        index: { status: 'error', lastError: 'shipTo.zip: required', cancelReason: null },
        easyPost: [],
        trackings: 0,
      },
    ]);
    expect(result).toEqual({
      duplicates: [],
      lost: [],
      mismatches: [],
      fates: { ship: { planned: 1, ok: 1 }, cancel: { planned: 1, ok: 1 }, malformed: { planned: 1, ok: 1 } },
      statuses: { confirmed: 1, cancelled: 1, error: 1 },
    });
  });

  it('counts two EasyPost orders or two trackings for one cart order as duplicates', () => {
    const result = audit([shipped('shop/1', { easyPost: ['shipped', 'new'] }), shipped('shop/2', { trackings: 2 })]);
    expect(result.duplicates).toEqual([
      'shop/1: 2 orders at EasyPost (shipped, new)',
      'shop/2: tracking pushed to the cart 2 times',
    ]);
    expect(result.fates.ship).toEqual({ planned: 2, ok: 0 });
  });

  it('counts orders never pulled, never sent or without tracking as lost, once each', () => {
    const result = audit([
      shipped('woo/1', { easyPost: [], trackings: 0, index: undefined }),
      shipped('woo/2', { trackings: 0, index: { status: 'shipped', lastError: null, cancelReason: null } }),
    ]);
    expect(result.lost).toEqual([
      'woo/1: never reached EasyPost (never pulled)',
      'woo/2: its tracking never reached the cart',
    ]);
    expect(result.mismatches).toEqual(['woo/2: ended shipped, expected confirmed']);
    expect(result.statuses).toEqual({ unpulled: 1, shipped: 1 });
  });

  it('wants malformed orders in error naming the field, and cancellations with a reason', () => {
    const result = audit(
      [
        {
          key: 'shop/1',
          fate: 'malformed',
          badField: 'shipTo',
          index: { status: 'error', lastError: 'lines: empty', cancelReason: null },
          easyPost: ['new'],
          trackings: 0,
        },
        {
          key: 'woo/2',
          fate: 'cancel',
          index: { status: 'cancelled', lastError: null, cancelReason: null },
          easyPost: ['new'],
          trackings: 0,
        },
      ],
      ['epf:order:elsewhere:9'],
    );
    expect(result.mismatches).toEqual([
      'EasyPost has an order no cart placed: epf:order:elsewhere:9',
      'shop/1: malformed, yet sent to EasyPost',
      'shop/1: error does not name shipTo: lines: empty',
      'woo/2: cancelled without a reason',
      'woo/2: cancelled, but not at EasyPost (new)',
    ]);
  });
});
