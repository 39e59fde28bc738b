import { createHash } from 'node:crypto';
import type { EasyPostClient } from './client';
import { mentions } from './listing-probe';
import { LOOKUP_PAGE_BUDGET, ordersCreatedSince, PageReader, type WindowStrategy } from './order-window';
import { PAGE_SIZE } from './paging';
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
  /** Orders created before this cannot be ours: a list that ignores `query` is read back to here, not to its start. */
  createdAfter?: Date;
  /** Pages the lookup may read before it gives up with `lookup_inconclusive`; default `LOOKUP_PAGE_BUDGET`. */
  pageBudget?: number;
  perPage?: number;
}

/** How a lookup found its answer: the server's `query` filter, or a read of the window in the list's own sort. */
export type LookupStrategy = 'query' | `scan_${WindowStrategy}`;

export interface MarkerLookup {
  /** The newest non-cancelled order carrying the marker. */
  order?: Order;
  strategy: LookupStrategy;
  pagesRead: number;
}

/**
 * The answer of a server that filtered on `query`: every order it lists names the marker, and the result ends
 * within the budget. Undefined as soon as a page lists an order that does not name it: the server ignores `query`.
 */
async function filteredResults(reader: PageReader, marker: string): Promise<Order[] | undefined> {
  const orders: Order[] = [];
  for (let page = 0; ; page += 1) {
    const items = await reader.read(page);
    if (!items.every((order) => mentions(order, marker))) return undefined;
    orders.push(...items);
    if (reader.isLast(items)) return orders;
  }
}

/**
 * Looks `marker` up without trusting the list's unverified behaviour (doc §2). It asks the server to filter with
 * `query`; if every order answered names the marker, that answer is small and complete whatever its sort. If not,
 * the server ignores `query` and lists every order: the lookup reads the orders created since `createdAfter` in the
 * sort it detects (see `ordersCreatedSince`), within the page budget. It never answers "none" from a partial read:
 * that would send the order twice; it throws `lookup_inconclusive` instead.
 */
export async function lookUpMarker(
  client: Pick<EasyPostClient, 'listOrders'>,
  marker: string,
  { createdAfter, pageBudget = LOOKUP_PAGE_BUDGET, perPage = PAGE_SIZE }: FindByMarkerOptions = {},
): Promise<MarkerLookup> {
  const reader = new PageReader(
    (page) => client.listOrders({ page, perPage, query: marker }),
    perPage,
    pageBudget,
    `the order marked ${marker}`,
  );
  let candidates = await filteredResults(reader, marker);
  let strategy: LookupStrategy = 'query';
  if (!candidates) {
    // The same pages serve: an ignored `query` lists exactly what no `query` would.
    const window = await ordersCreatedSince(reader, createdAfter ? lowerBound(createdAfter) : '');
    candidates = window.orders;
    strategy = `scan_${window.strategy}`;
  }
  const ours = candidates.filter(
    (order) => hasMarker(order.description, marker) && order.status !== ORDER_STATUS.cancelled,
  );
  const order = ours.reduce<Order | undefined>(
    (newest, candidate) => (newest && newest.created_at >= candidate.created_at ? newest : candidate),
    undefined,
  );
  return { order, strategy, pagesRead: reader.pagesRead };
}

/** The newest non-cancelled order carrying `marker`, if any; see `lookUpMarker`. */
export async function findOrderByMarker(
  client: Pick<EasyPostClient, 'listOrders'>,
  marker: string,
  options: FindByMarkerOptions = {},
): Promise<Order | undefined> {
  return (await lookUpMarker(client, marker, options)).order;
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
 * The send activity (activities/order.ts) notes every create durably in `beforeCreate`, and looks the marker up
 * first whenever a create was ever sent for the order, once that create has had time to commit and show in the
 * listing (EASYPOST_CREATE_SETTLE_SECONDS). Its calls are bound to the activity attempt, so a create never leaves after
 * the attempt's deadline, when Temporal's retry may already be looking. The first send posts straight away: no order
 * can exist yet. What remains is a create that takes longer than the settle time to commit or to be listed; the
 * reconciliation of markers finds those.
 */
export async function createOrderIdempotently(
  client: Pick<EasyPostClient, 'listOrders' | 'createOrder'>,
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
