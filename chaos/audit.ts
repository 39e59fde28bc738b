// The verdict of a chaos run, from what the simulators and the orders index hold at the end. Pure.
import type { CancelStage, Fate } from './load';

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
  malformed: boolean;
  lowStock: boolean;
  cancelAt?: CancelStage;
  badField?: string;
  /** Its orders index row, if it was ever pulled. */
  index?: { status: string; lastError: string | null; cancelReason: string | null; holdCount: number };
  /** Statuses of the EasyPost orders carrying its marker. */
  easyPost: string[];
  /**
   * The tracking number of each fulfillment its cart holds (Shopify fulfillments, WooCommerce shipment trackings,
   * BigCommerce shipments).
   */
  fulfillments: string[];
}

export interface AuditResult {
  /** Cart orders with more than one EasyPost order. */
  duplicates: string[];
  /** Cart orders with two fulfillments for one shipment: the buyer was emailed twice. */
  cartDuplicates: string[];
  /** Orders whose cancel was accepted (the cart was told so) that EasyPost shipped anyway. */
  shippedAfterCancel: string[];
  lost: string[];
  mismatches: string[];
  /** Planned orders per fate, and how many of them ended as they should. */
  fates: Record<Fate, { planned: number; ok: number }>;
  /** Low-stock orders to ship, and how many were held, then woken and confirmed. */
  lowStock: { planned: number; ok: number };
  /** Final status in the orders index → orders (`unpulled` for none). */
  statuses: Record<string, number>;
}

type Problems = Pick<AuditResult, 'duplicates' | 'cartDuplicates' | 'shippedAfterCancel' | 'lost' | 'mismatches'>;
const PROBLEM_LISTS = ['duplicates', 'cartDuplicates', 'shippedAfterCancel', 'lost', 'mismatches'] as const;

/** Every order exactly once where it belongs; `strays` are EasyPost orders whose marker names no planned order. */
export function audit(orders: readonly AuditedOrder[], strays: readonly string[] = []): AuditResult {
  const result: AuditResult = {
    duplicates: [],
    cartDuplicates: [],
    shippedAfterCancel: [],
    lost: [],
    mismatches: strays.map((marker) => `EasyPost has an order no cart placed: ${marker}`),
    fates: { ship: { planned: 0, ok: 0 }, cancel: { planned: 0, ok: 0 }, malformed: { planned: 0, ok: 0 } },
    lowStock: { planned: 0, ok: 0 },
    statuses: {},
  };
  for (const order of orders) {
    const status = order.index?.status ?? 'unpulled';
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    const problems = problemsOf(order);
    for (const list of PROBLEM_LISTS) result[list].push(...problems[list].map((p) => `${order.key}: ${p}`));
    const ok = PROBLEM_LISTS.every((list) => problems[list].length === 0);
    result.fates[order.fate].planned += 1;
    if (ok) result.fates[order.fate].ok += 1;
    if (order.lowStock && order.fate === 'ship') {
      result.lowStock.planned += 1;
      // One sent after the restock goes straight through: right, but not the hold the run is after.
      if (ok && (order.index?.holdCount ?? 0) > 0) result.lowStock.ok += 1;
    }
  }
  return result;
}

function problemsOf(order: AuditedOrder): Problems {
  const problems: Problems = { duplicates: [], cartDuplicates: [], shippedAfterCancel: [], lost: [], mismatches: [] };
  const { index, easyPost, fulfillments, fate } = order;

  if (easyPost.length > 1) problems.duplicates.push(`${easyPost.length} orders at EasyPost (${easyPost.join(', ')})`);
  for (const [tracking, n] of countEach(fulfillments)) {
    if (n > 1) problems.cartDuplicates.push(`${n} fulfillments in the cart for shipment ${tracking}`);
  }
  if (order.malformed && easyPost.length > 0) problems.mismatches.push('malformed, yet sent to EasyPost');
  if (fate !== 'ship' && fulfillments.length > 0) problems.mismatches.push(`${fate} order has tracking in the cart`);
  if (!index) {
    problems.lost.push('never pulled from the cart');
    return problems;
  }

  if (fate === 'ship' && easyPost.length === 0) problems.lost.push(`never reached EasyPost (${index.status})`);
  if (fate === 'ship' && easyPost.length > 0 && fulfillments.length === 0) {
    problems.lost.push('its tracking never reached the cart');
  }
  if (!FINAL_STATUSES[fate].includes(index.status)) {
    problems.mismatches.push(`ended ${index.status}, expected ${FINAL_STATUSES[fate].join(' or ')}`);
  }
  if (fate === 'malformed' && order.badField && !index.lastError?.includes(order.badField)) {
    problems.mismatches.push(`error does not name ${order.badField}: ${index.lastError ?? 'no error'}`);
  }
  if (fate === 'cancel' && FINAL_STATUSES.cancel.includes(index.status) && !index.cancelReason) {
    problems.mismatches.push(`${index.status} without a reason`);
  }
  if (index.status === 'cancelled') {
    // The cart was told the order is cancelled: nothing of it may ship, nor stay open at the warehouse.
    const shipped = easyPost.filter((status) => status === 'shipped').length;
    const planned = order.cancelAt ? ` (cancelled in ${order.cancelAt})` : '';
    if (shipped > 0) problems.shippedAfterCancel.push(`the cart was told cancelled${planned}, yet EasyPost shipped it`);
    const open = easyPost.filter((status) => status !== 'shipped' && status !== 'cancelled');
    if (open.length > 0) problems.mismatches.push(`cancelled, but open at EasyPost (${open.join(', ')})`);
  }
  return problems;
}

function countEach(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
