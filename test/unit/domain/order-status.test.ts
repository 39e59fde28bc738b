import {
  canCancel,
  canFix,
  canTransition,
  isTerminal,
  ORDER_STATUSES,
  STATUS_LABELS,
  type OrderStatus,
} from '../../../src/domain/order-status';

describe('order status transitions', () => {
  // The workflow's diagram, written out once more so a change to the table is a deliberate change to this list.
  const allowed: [OrderStatus, OrderStatus][] = [
    ['received', 'sending'],
    ['received', 'cancelled'],
    ['sending', 'at_wms'],
    ['sending', 'on_hold'],
    ['sending', 'error'],
    ['sending', 'cancelled'],
    ['sending', 'cancel_failed'],
    ['on_hold', 'sending'],
    ['on_hold', 'cancelled'],
    ['on_hold', 'cancel_failed'],
    ['on_hold', 'at_wms'],
    ['on_hold', 'error'],
    ['error', 'sending'],
    ['error', 'cancelled'],
    ['error', 'cancel_failed'],
    ['error', 'at_wms'],
    ['at_wms', 'shipped'],
    ['at_wms', 'cancelled'],
    ['at_wms', 'cancel_failed'],
    ['cancel_failed', 'shipped'],
    ['cancel_failed', 'cancelled'],
    ['cancel_failed', 'cancel_failed'],
    ['shipped', 'shipped'],
    ['shipped', 'confirmed'],
  ];
  const key = (from: OrderStatus, to: OrderStatus) => `${from}→${to}`;
  const allowedKeys = new Set(allowed.map(([from, to]) => key(from, to)));

  it.each(ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowedKeys.has(key(from, to)));
  });

  it('ends only in confirmed and cancelled', () => {
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(['confirmed', 'cancelled']);
  });

  it('cancels anything before shipped, and retries a failed cancel', () => {
    expect(ORDER_STATUSES.filter(canCancel)).toEqual([
      'received',
      'sending',
      'at_wms',
      'on_hold',
      'error',
      'cancel_failed',
    ]);
  });

  it('fixes only orders in error or on hold', () => {
    expect(ORDER_STATUSES.filter(canFix)).toEqual(['on_hold', 'error']);
  });

  it('can reach confirmed or cancelled from every state that is not terminal', () => {
    for (const start of ORDER_STATUSES) {
      const seen = new Set<OrderStatus>([start]);
      const queue = [start];
      for (let s = queue.shift(); s; s = queue.shift()) {
        for (const next of ORDER_STATUSES) {
          if (canTransition(s, next) && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect([...seen].some(isTerminal)).toBe(true);
    }
  });

  it('labels every state with a short distinct label', () => {
    const labels = ORDER_STATUSES.map((s) => STATUS_LABELS[s]);
    expect(new Set(labels).size).toBe(ORDER_STATUSES.length);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(40);
  });
});
