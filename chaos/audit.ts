// The verdict of a chaos run, from what the simulators and the orders index hold at the end. Pure.
import type { Fate } from './load';

/** Where each fate ends. */
export const FINAL_STATUSES: Record<Fate, readonly string[]> = {
  ship: ['confirmed'],
  cancel: ['cancelled', 'cancel_failed'],
  malformed: ['error'],
};

export const orderKey = (cartId: string, cartOrderId: string) => `${cartId}/${cartOrderId}`;

/** One planned order and what the world shows of it at the end. */
export interface AuditedOrder {
  key: string;
  fate: Fate;
  badField?: string;
  /** Its orders index row, if it was ever pulled. */
  index?: { status: string; lastError: string | null; cancelReason: string | null };
  /** Statuses of the EasyPost orders carrying its marker. */
  easyPost: string[];
  /** Tracking numbers its cart received (Shopify fulfillments, WooCommerce shipment trackings). */
  trackings: number;
}

export interface AuditResult {
  duplicates: string[];
  lost: string[];
  mismatches: string[];
  /** Planned orders per fate, and how many of them ended as they should. */
  fates: Record<Fate, { planned: number; ok: number }>;
  /** Final status in the orders index → orders (`unpulled` for none). */
  statuses: Record<string, number>;
}

/** Every order exactly once where it belongs; `strays` are EasyPost orders whose marker names no planned order. */
export function audit(orders: readonly AuditedOrder[], strays: readonly string[] = []): AuditResult {
  const result: AuditResult = {
    duplicates: [],
    lost: [],
    mismatches: strays.map((marker) => `EasyPost has an order no cart placed: ${marker}`),
    fates: { ship: { planned: 0, ok: 0 }, cancel: { planned: 0, ok: 0 }, malformed: { planned: 0, ok: 0 } },
    statuses: {},
  };
  for (const order of orders) {
    const status = order.index?.status ?? 'unpulled';
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    const problems = problemsOf(order);
    result.duplicates.push(...problems.duplicates.map((p) => `${order.key}: ${p}`));
    result.lost.push(...problems.lost.map((p) => `${order.key}: ${p}`));
    result.mismatches.push(...problems.mismatches.map((p) => `${order.key}: ${p}`));
    result.fates[order.fate].planned += 1;
    if (Object.values(problems).every((list) => list.length === 0)) result.fates[order.fate].ok += 1;
  }
  return result;
}

function problemsOf(order: AuditedOrder) {
  const duplicates: string[] = [];
  const lost: string[] = [];
  const mismatches: string[] = [];
  const { index, easyPost, trackings, fate } = order;
  const sent = fate !== 'malformed';

  if (easyPost.length > 1) duplicates.push(`${easyPost.length} orders at EasyPost (${easyPost.join(', ')})`);
  if (trackings > 1) duplicates.push(`tracking pushed to the cart ${trackings} times`);
  if (sent && easyPost.length === 0) lost.push(`never reached EasyPost (${index?.status ?? 'never pulled'})`);
  if (!sent && easyPost.length > 0) mismatches.push(`malformed, yet sent to EasyPost`);
  if (fate === 'ship' && easyPost.length > 0 && trackings === 0) lost.push('its tracking never reached the cart');
  if (fate !== 'ship' && trackings > 0) mismatches.push(`${fate} order has tracking in the cart`);

  if (!index) {
    if (!sent) lost.push('never pulled from the cart');
    return { duplicates, lost, mismatches };
  }
  if (!FINAL_STATUSES[fate].includes(index.status)) {
    mismatches.push(`ended ${index.status}, expected ${FINAL_STATUSES[fate].join(' or ')}`);
  }
  if (fate === 'malformed' && order.badField && !index.lastError?.includes(order.badField)) {
    mismatches.push(`error does not name ${order.badField}: ${index.lastError ?? 'no error'}`);
  }
  if (fate === 'cancel' && FINAL_STATUSES.cancel.includes(index.status)) {
    if (!index.cancelReason) mismatches.push(`${index.status} without a reason`);
    if (index.status === 'cancelled' && !easyPost.includes('cancelled')) {
      mismatches.push(`cancelled, but not at EasyPost (${easyPost.join(', ') || 'none'})`);
    }
  }
  return { duplicates, lost, mismatches };
}
