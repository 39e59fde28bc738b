import { orderSummary } from '../../../src/domain/order-summary';
import { cartOrder } from './fixtures';

describe('orderSummary', () => {
  it('shows number, city, country, item count and status', () => {
    expect(orderSummary(cartOrder(), 'received')).toBe('#1001 · Portland, US · 3 items · Received');
  });

  it('adds the EasyPost ID, holds and the next resend when known', () => {
    const summary = orderSummary(cartOrder({ lines: [{ lineId: '1', sku: 'MUG', quantity: 1 }] }), 'on_hold', {
      easyPostOrderId: 'order_abc123',
      holdCount: 2,
      nextResendAt: new Date('2027-11-08T09:00:00Z'),
    });
    expect(summary).toBe(
      '#1001 · Portland, US · 1 item · On hold (waiting for stock) · order_abc123 · held 2× · resend 2027-11-08T09:00Z',
    );
  });

  it('says when a waiting order goes to the warehouse', () => {
    const summary = orderSummary(cartOrder(), 'received', { deliverAt: new Date('2027-11-08T17:00:00Z') });
    expect(summary).toBe('#1001 · Portland, US · 3 items · Received · to warehouse 2027-11-08T17:00Z');
  });

  it('leaves out names, street, email and phone', () => {
    const order = cartOrder();
    const summary = orderSummary(order, 'at_wms', { easyPostOrderId: 'order_1' });
    for (const pii of [
      order.shipTo.name,
      order.shipTo.street1,
      order.shipTo.email!,
      order.shipTo.phone!,
      order.shipTo.zip,
    ]) {
      expect(summary).not.toContain(pii);
    }
  });

  it('stays one line of at most 200 characters whatever the cart sends', () => {
    const order = cartOrder({
      cartOrderNumber: `#${'9'.repeat(300)}\n`,
      shipTo: { ...cartOrder().shipTo, city: 'Llanfair\npwllgwyngyll'.repeat(20) },
    });
    const summary = orderSummary(order, 'cancel_failed', { easyPostOrderId: `order_${'x'.repeat(300)}` });
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary).not.toMatch(/\n/);
  });
});
