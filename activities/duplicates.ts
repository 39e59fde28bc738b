import type { Pool } from 'pg';
import { createWarehouseDuplicateStore } from '../src/db/warehouse-duplicates';
import {
  EasyPostError,
  ORDER_STATUS,
  ordersCreatedSince,
  orderMarker,
  PageReader,
  type EasyPostClient,
  type Order,
} from '../src/easypost';
import { PAGE_SIZE } from '../src/easypost/paging';
import { lowerBound } from '../src/easypost/timestamp';
import { markerOwner } from '../src/orders/marker-owner';
import { toActivityFailure } from './easypost-failure';

/** Orders a check may read: 20,000, a busy merchant's day. */
export const DUPLICATE_CHECK_PAGE_BUDGET = 200;
export const DEFAULT_DUPLICATE_WINDOW_MINUTES = 24 * 60;
export const DEFAULT_SETTLE_MINUTES = 10;

export interface DuplicateCheckInput {
  merchantId: string;
  /** How far back orders are read; default a day. */
  windowMinutes?: number;
  /** Orders younger than this are left to the next run: a send still in flight may yet adopt or fail. */
  settleMinutes?: number;
}

export interface DuplicateCheckResult {
  ordersRead: number;
  pagesRead: number;
  /** Markers still carried by two or more live orders: `duplicate_at_warehouse` exceptions. */
  duplicates: number;
  /** Extra orders cancelled because the order tracks another and they were not picked yet. */
  cancelled: number;
}

/** The index row an order's marker names. */
interface IndexedOrder {
  workflow_id: string;
  cart_id: string;
  cart_order_id: string;
  easypost_order_id: string | null;
}

/** The epf markers in an order's description (`epf:<workflowId>`, see `orderMarker`). */
function markersOf(order: Order): string[] {
  return (order.description ?? '').split(/\s+/).filter((token) => token.startsWith('epf:'));
}

/** The live orders of the window, by marker, those younger than `settledBefore` left out. */
function liveByMarker(orders: Order[], settledBefore: number): Map<string, Order[]> {
  const live = new Map<string, Order[]>();
  for (const order of orders) {
    if (order.status === ORDER_STATUS.cancelled || Date.parse(order.created_at) > settledBefore) continue;
    for (const marker of markersOf(order)) live.set(marker, [...(live.get(marker) ?? []), order]);
  }
  return live;
}

/** The index rows the markers name (a hashed marker of a long workflow ID is not undone, so never matches). */
async function indexedOrders(pool: Pool, merchantId: string, markers: string[]): Promise<Map<string, IndexedOrder>> {
  const { rows } = await pool.query<IndexedOrder>(
    `SELECT workflow_id, cart_id, cart_order_id, easypost_order_id FROM orders
     WHERE merchant_id = $1 AND workflow_id = ANY($2::text[])`,
    [merchantId, markers.flatMap((marker) => markerOwner(marker)?.workflowId ?? [])],
  );
  return new Map(rows.map((row) => [orderMarker(row.workflow_id), row]));
}

export function createDuplicateActivities(deps: {
  pool: Pool;
  easyPostClient(merchantId: string): Promise<EasyPostClient>;
}) {
  const duplicates = createWarehouseDuplicateStore(deps.pool);

  /**
   * Cancels the orders of a marker other than the one its order tracks, while EasyPost still lets it (`created`),
   * auditing each; returns the orders left live. Nothing is cancelled when the index tracks none of them: which one
   * the warehouse should ship is then a person's call.
   */
  async function cancelExtras(
    client: EasyPostClient,
    merchantId: string,
    marker: string,
    carrying: Order[],
    indexed: IndexedOrder | undefined,
  ): Promise<Order[]> {
    const kept = indexed?.easypost_order_id;
    if (!indexed || !kept || !carrying.some((order) => order.id === kept)) return carrying;
    const left: Order[] = [];
    for (const order of carrying) {
      if (order.id === kept || order.status !== ORDER_STATUS.created) {
        left.push(order);
        continue;
      }
      try {
        await client.cancelOrder(order.id);
      } catch (err) {
        // Picked meanwhile: it stays an exception for a person.
        if (err instanceof EasyPostError && err.kind === 'cancel_refused') {
          left.push(order);
          continue;
        }
        throw toActivityFailure(err);
      }
      await duplicates.recordCancelled({
        merchantId,
        cartId: indexed.cart_id,
        cartOrderId: indexed.cart_order_id,
        marker,
        cancelled: order.id,
        kept,
      });
    }
    return left;
  }

  return {
    /**
     * Reads the merchant's EasyPost orders created in the window (in the list's own sort, within a page budget) and
     * groups the settled live ones by marker. For a marker two or more carry (an order sent twice), the extras are
     * cancelled when the order tracks one of them and they are not picked yet; what stays duplicated is recorded,
     * and `epf exceptions` shows it as `duplicate_at_warehouse`. Markers seen once again are forgotten.
     */
    async checkDuplicatesAtEasyPost(input: DuplicateCheckInput): Promise<DuplicateCheckResult> {
      const now = Date.now();
      const windowMs = (input.windowMinutes ?? DEFAULT_DUPLICATE_WINDOW_MINUTES) * 60_000;
      const settledBefore = now - (input.settleMinutes ?? DEFAULT_SETTLE_MINUTES) * 60_000;
      const client = await deps.easyPostClient(input.merchantId);
      const reader = new PageReader(
        (page) => client.listOrders({ page, perPage: PAGE_SIZE }),
        PAGE_SIZE,
        DUPLICATE_CHECK_PAGE_BUDGET,
        `the orders of the last ${windowMs / 60_000} minutes`,
      );
      let orders: Order[];
      try {
        ({ orders } = await ordersCreatedSince(reader, lowerBound(new Date(now - windowMs))));
      } catch (err) {
        throw toActivityFailure(err);
      }
      const live = liveByMarker(orders, settledBefore);
      const twice = [...live.entries()].filter(([, carrying]) => carrying.length > 1);
      const indexed = await indexedOrders(
        deps.pool,
        input.merchantId,
        twice.map(([marker]) => marker),
      );
      const found: { marker: string; workflowId: string | null; easyPostOrderIds: string[] }[] = [];
      let cancelled = 0;
      for (const [marker, carrying] of twice) {
        const left = await cancelExtras(client, input.merchantId, marker, carrying, indexed.get(marker));
        cancelled += carrying.length - left.length;
        if (left.length < 2) continue;
        const oldestFirst = [...left].sort((a, b) => a.created_at.localeCompare(b.created_at));
        found.push({
          marker,
          workflowId: indexed.get(marker)?.workflow_id ?? null,
          easyPostOrderIds: oldestFirst.map((order) => order.id),
        });
      }
      const settled = orders.filter((order) => Date.parse(order.created_at) <= settledBefore);
      await duplicates.reconcile(input.merchantId, found, [...new Set(settled.flatMap(markersOf))]);
      return { ordersRead: orders.length, pagesRead: reader.pagesRead, duplicates: found.length, cancelled };
    },
  };
}
