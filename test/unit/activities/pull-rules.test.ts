import { applyRules } from '../../../activities/pulls';
import { cartSettingsSchema } from '../../../src/merchants/settings';
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
});
