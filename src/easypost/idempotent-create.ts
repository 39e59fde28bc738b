import { createHash } from 'node:crypto';
import type { EasyPostClient } from './client';
import type { CreateOrderRequest } from './requests';
import { ORDER_STATUS, type Order } from './schemas';
import { lowerBound } from './timestamp';

// EasyPost takes no external order number or idempotency key (doc §3, §4), so the order's `description` carries a
// marker derived from the workflow ID and a retry looks it up before posting again.

const MARKER_PREFIX = 'epf:';
/**
 * Our own cap: the doc records no limit on `description`, and 100 characters leaves room for merchant text.
 * Longer workflow IDs keep a readable head and end in a hash of the whole ID, so markers stay unique.
 */
export const MAX_MARKER_LENGTH = 100;
const HASH_CHARS = 16;

/** `order:shop1:1001` → `epf:order:shop1:1001`: readable in the EasyPost dashboard, one whitespace-free token. */
export function orderMarker(workflowId: string): string {
  const readable = `${MARKER_PREFIX}${workflowId.replace(/\s+/g, '_')}`;
  if (readable.length <= MAX_MARKER_LENGTH) return readable;
  const hash = createHash('sha256').update(workflowId).digest('hex').slice(0, HASH_CHARS);
  return `${readable.slice(0, MAX_MARKER_LENGTH - HASH_CHARS - 1)}~${hash}`;
}

/** Whole-token match: `epf:order:shop1:100` must not match an order marked `epf:order:shop1:1001`. */
export function hasMarker(description: string | null | undefined, marker: string): boolean {
  return (description ?? '').split(/\s+/).includes(marker);
}

/** The description we send: the caller's text, then the marker. */
export function describeWithMarker(description: string | undefined, marker: string): string {
  return description ? `${description} ${marker}` : marker;
}

export interface FindByMarkerOptions {
  /** Orders created before this cannot be ours; paging stops there instead of reading the whole history. */
  createdAfter?: Date;
}

/**
 * The newest non-cancelled order carrying `marker`, if any. Asks the server to filter with `query` (doc §2) and checks
 * the marker here as well, since a server that ignores `query` returns every order. Paging is newest first and stops at
 * the first order last updated before `createdAfter` (an order created after it was also updated after it, whichever
 * timestamp the list is sorted by).
 */
export async function findOrderByMarker(
  client: Pick<EasyPostClient, 'iterateOrders'>,
  marker: string,
  { createdAfter }: FindByMarkerOptions = {},
): Promise<Order | undefined> {
  const bound = createdAfter && lowerBound(createdAfter);
  for await (const order of client.iterateOrders({ query: marker })) {
    if (bound !== undefined && order.updated_at < bound) return undefined;
    if (hasMarker(order.description, marker) && order.status !== ORDER_STATUS.cancelled) return order;
  }
  return undefined;
}

export interface IdempotentCreateOptions extends FindByMarkerOptions {
  marker: string;
  /** Look the marker up before posting; set on every attempt that follows a failure which may have committed. */
  checkExistingFirst: boolean;
  /** Awaited just before the create is sent (the send activity notes it durably). */
  beforeCreate?: () => Promise<void>;
}

/**
 * Creates the order at most once per marker, adopting one an earlier attempt already created.
 *
 * The send activity (activities/orders.ts) notes every create durably in `beforeCreate`, and looks the marker up
 * first whenever a create was ever sent for the order, once that create has had time to commit and show in the
 * listing (EASYPOST_CREATE_SETTLE_SECONDS). Its calls are bound to the activity attempt, so a create never leaves after
 * the attempt's deadline, when Temporal's retry may already be looking. The first send posts straight away: no order
 * can exist yet. What remains is a create that takes longer than the settle time to commit or to be listed; the
 * reconciliation of markers finds those.
 */
export async function createOrderIdempotently(
  client: Pick<EasyPostClient, 'iterateOrders' | 'createOrder'>,
  request: CreateOrderRequest,
  { marker, checkExistingFirst, createdAfter, beforeCreate }: IdempotentCreateOptions,
): Promise<{ order: Order; adopted: boolean }> {
  if (checkExistingFirst) {
    const existing = await findOrderByMarker(client, marker, { createdAfter });
    if (existing) return { order: existing, adopted: true };
  }
  await beforeCreate?.();
  const order = await client.createOrder({ ...request, description: describeWithMarker(request.description, marker) });
  return { order, adopted: false };
}
