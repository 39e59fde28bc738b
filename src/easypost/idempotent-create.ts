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
}

/**
 * Creates the order at most once per marker, adopting one an earlier attempt already created.
 *
 * How the send activity uses it:
 *   createOrderIdempotently(client, request, {
 *     marker: orderMarker(workflowId),
 *     checkExistingFirst: Context.current().info.attempt > 1 || input.isResend,
 *     createdAfter: <workflow start time minus clock skew>,
 *   })
 * The first attempt of the first send posts straight away: no order can exist yet. Any later attempt follows a
 * failure that may have committed (timeout or reset after sending, 5xx, unreadable 2xx), so it adopts what the lookup
 * finds. A resend (after `on_hold`, `error` or exhausted retries) restarts at attempt 1 but sets `isResend`, because
 * the activity before it may have ended on such a failure. Residual races: a POST the server is still processing when
 * the retry looks up, and an order committed but not yet in listings (doc §2); the periodic duplicate reconciliation
 * (`workflows/reconcile-duplicates.ts`) finds what they let through.
 */
export async function createOrderIdempotently(
  client: Pick<EasyPostClient, 'listOrders' | 'createOrder'>,
  request: CreateOrderRequest,
  { marker, checkExistingFirst, createdAfter }: IdempotentCreateOptions,
): Promise<{ order: Order; adopted: boolean }> {
  if (checkExistingFirst) {
    const existing = await findOrderByMarker(client, marker, { createdAfter });
    if (existing) return { order: existing, adopted: true };
  }
  const order = await client.createOrder({ ...request, description: describeWithMarker(request.description, marker) });
  return { order, adopted: false };
}
