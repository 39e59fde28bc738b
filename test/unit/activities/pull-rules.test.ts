import { applyRules } from '../../../activities/pull';
import { cartSettingsSchema } from '../../../src/domain/merchant-settings';
import { sampleOrder } from '../../helpers/orders';

describe('pull rules', () => {
  const order = sampleOrder({ placedAt: '2026-11-01T10:00:00-08:00' });

  it('skips an order placed before the cart went live, naming the rule', () => {
    const settings = cartSettingsSchema.parse({ earliestOrderAt: '2026-11-02T00:00:00Z' });
    expect(applyRules({ kind: 'order', order }, settings)).toEqual({
      kind: 'skipped',
      cartOrderId: order.cartOrderId,
      cartOrderNumber: order.cartOrderNumber,
      rule: "placed before the cart's earliest order date 2026-11-02T00:00:00Z",
    });
  });

  it('keeps orders placed on or after that date, and every order when no date is set', () => {
    const live = cartSettingsSchema.parse({ earliestOrderAt: '2026-11-01T18:00:00Z' });
    expect(applyRules({ kind: 'order', order }, live).kind).toBe('order');
    expect(applyRules({ kind: 'order', order }, cartSettingsSchema.parse({})).kind).toBe('order');
  });

  it('takes out the lines the item filter keeps from this warehouse, and skips an order with none left', () => {
    const lines = [
      { lineId: 'l1', sku: 'SOCK-M', quantity: 2 },
      { lineId: 'l2', sku: 'GIFT-CARD', quantity: 1 },
    ];
    const mixed = sampleOrder({ lines });
    const deny = cartSettingsSchema.parse({ itemFilter: { mode: 'deny', patterns: ['GIFT-*'] } });
    expect(applyRules({ kind: 'order', order: mixed }, deny)).toEqual({
      kind: 'order',
      order: { ...mixed, lines: [lines[0]] },
      filtered: [{ ...lines[1], reason: `matches "GIFT-*" on the cart's deny-list` }],
    });

    const onlyGifts = sampleOrder({ lines: [lines[1]!] });
    expect(applyRules({ kind: 'order', order: onlyGifts }, deny)).toEqual({
      kind: 'skipped',
      cartOrderId: onlyGifts.cartOrderId,
      cartOrderNumber: onlyGifts.cartOrderNumber,
      rule: "every line filtered out by the cart's deny-list (GIFT-*)",
    });
  });
});
