import type { Order, Pick, Tracker } from './schemas';
import { lowerBound } from './timestamp';

/** One package of an order: a pick and its tracker, or a tracker that no pick names. */
export interface Shipment {
  orderId: string;
  orderStatus: string;
  /** The warehouse the order names (an assumed field, doc §4). */
  warehouseId?: string;
  pickId?: string;
  tracker?: Tracker;
  /** Units per product, counted from the pick's per-unit inventories (doc §4). */
  lineItems: { productId?: string; barcode?: string; units: number }[];
  updatedAt: string;
}

/** How far back `ordersUpdatedSince` looks for orders that ship late, unless told otherwise. */
export const SHIPMENT_LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;

function unitsByProduct(pick: Pick): Shipment['lineItems'] {
  const lines = new Map<string, Shipment['lineItems'][number]>();
  for (const { product } of pick.inventories) {
    const key = product.id ?? product.barcode ?? '';
    const line = lines.get(key) ?? { productId: product.id, barcode: product.barcode ?? undefined, units: 0 };
    line.units += 1;
    lines.set(key, line);
  }
  return [...lines.values()];
}

/** The shipments an order carries: there is no shipments endpoint, so they come from `picks[]` and `trackers[]` (doc §8). */
export function shipmentsOf(order: Order): Shipment[] {
  const base = { orderId: order.id, orderStatus: order.status, warehouseId: order.warehouse_id ?? undefined };
  const fromPicks: Shipment[] = order.picks.map((pick) => ({
    ...base,
    pickId: pick.id,
    tracker: pick.tracker ?? undefined,
    lineItems: unitsByProduct(pick),
    updatedAt: pick.updated_at ?? order.updated_at,
  }));
  const picked = new Set(fromPicks.map((shipment) => shipment.tracker?.id));
  const loose: Shipment[] = order.trackers
    .filter((tracker) => !picked.has(tracker.id))
    .map((tracker) => ({ ...base, tracker, lineItems: [], updatedAt: tracker.updated_at ?? order.updated_at }));
  return [...fromPicks, ...loose];
}

/** The bounds of a pickup's listing (ISO strings, as `timestamp` yields): see `ordersUpdatedSince`. */
export interface UpdatedSinceBounds {
  since: string;
  createdAfter: string;
}

/**
 * One page of the newest-first order list, filtered as `ordersUpdatedSince` does: the orders updated at or after
 * `since`, and whether the listing is over (an old, unchanged order was reached, or the page was short). Lets a
 * pickup act on each page as it comes and resume at the next one after a failure.
 */
export function updatedInPage(
  page: readonly Order[],
  bounds: UpdatedSinceBounds,
  perPage: number,
): { orders: Order[]; done: boolean } {
  const sinceIso = lowerBound(new Date(bounds.since));
  const createdAfterIso = lowerBound(new Date(bounds.createdAfter));
  const orders: Order[] = [];
  for (const order of page) {
    if (order.updated_at >= sinceIso) orders.push(order);
    else if (order.created_at < createdAfterIso) return { orders, done: true };
  }
  return { orders, done: page.length < perPage };
}

/**
 * Orders updated at or after `since`, from a newest-first order list. The API has no time filter (doc §2), so we
 * page and filter here. The list is sorted by `created_at`, so an old order that ships today sits deep in it: we stop
 * only once an order was both created before `createdAfter` and not updated since `since`, which is also right if
 * the list turns out to be sorted by `updated_at`. Orders that ship more than `since - createdAfter` after creation
 * are missed: webhooks (doc §9) and per-order `getOrder` are the other paths for those.
 */
export async function* ordersUpdatedSince(
  orders: AsyncIterable<Order>,
  since: Date,
  createdAfter: Date,
): AsyncGenerator<Order> {
  const sinceIso = lowerBound(since);
  const createdAfterIso = lowerBound(createdAfter);
  for await (const order of orders) {
    if (order.updated_at >= sinceIso) yield order;
    else if (order.created_at < createdAfterIso) return;
  }
}
