/** The order workflow's states; the names are a contract shared by the CLI, the API, the docs and search attributes. */
export const ORDER_STATUSES = [
  'received',
  'sending',
  'at_wms',
  'on_hold',
  'error',
  'shipped',
  'confirmed',
  'cancelled',
  'cancel_failed',
] as const;

/** One of `ORDER_STATUSES`. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// The order workflow's diagram (docs/architecture.md), edge by edge.
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  received: ['sending', 'cancelled'],
  // A send whose answer was lost may have created the order: a cancel looks it up and cancels it at EasyPost first,
  // and when EasyPost refuses (already picked) the order is at the warehouse after all: cancel_failed.
  sending: ['at_wms', 'on_hold', 'error', 'cancelled', 'cancel_failed'],
  // at_wms: EasyPost shipped an order whose create answer was lost (its shipments prove it is there). error: a
  // cancel that could not reach EasyPost stops the daily resend until a person looks.
  on_hold: ['sending', 'cancelled', 'cancel_failed', 'at_wms', 'error'],
  error: ['sending', 'cancelled', 'cancel_failed', 'at_wms'],
  at_wms: ['shipped', 'cancelled', 'cancel_failed'],
  // A later cancel may still succeed (or be refused again), and the order stays tracked until it ships.
  cancel_failed: ['shipped', 'cancelled', 'cancel_failed'],
  // Split shipments arrive one by one.
  shipped: ['shipped', 'confirmed'],
  confirmed: [],
  cancelled: [],
};

/** Whether the workflow may move an order from `from` to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Confirmed and cancelled orders are finished: the workflow completes. */
export function isTerminal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}

/** A cancel request is acted on in any state before shipped, and retried from cancel_failed. */
export function canCancel(status: OrderStatus): boolean {
  return canTransition(status, 'cancelled');
}

/** `fixOrder` applies only to orders that are stopped waiting for a person or for stock. */
export function canFix(status: OrderStatus): boolean {
  return status === 'error' || status === 'on_hold';
}

/** Short human labels for summaries, the CLI and the API. */
export const STATUS_LABELS: Record<OrderStatus, string> = {
  received: 'Received',
  sending: 'Sending to EasyPost',
  at_wms: 'At the warehouse',
  on_hold: 'On hold (waiting for stock)',
  error: 'Error (needs a fix)',
  shipped: 'Shipped',
  confirmed: 'Confirmed (tracking sent to the cart)',
  cancelled: 'Cancelled',
  cancel_failed: 'Cancel failed (already picked)',
};
