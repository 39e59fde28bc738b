import type { Pool } from 'pg';
import { createWarehouseDuplicateStore } from '../src/db/warehouse-duplicates';
import {
  ORDER_STATUS,
  ordersCreatedSince,
  orderMarker,
  PageReader,
  type EasyPostClient,
  type Order,
} from '../src/easypost';
import { PAGE_SIZE } from '../src/easypost/paging';
import { lowerBound } from '../src/easypost/timestamp';
import { toActivityFailure } from './easypost-failure';

/** Orders a reconciliation may read: 20,000, the window of a busy merchant's day. */
export const RECONCILE_PAGE_BUDGET = 200;

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
  duplicates: number;
}

export const DEFAULT_DUPLICATE_WINDOW_MINUTES = 24 * 60;
export const DEFAULT_SETTLE_MINUTES = 10;

/** The epf markers in an order's description (`epf:<workflowId>`, see `orderMarker`). */
function markersOf(order: Order): string[] {
  return (order.description ?? '').split(/\s+/).filter((token) => token.startsWith('epf:'));
}

/** The workflow a marker names, when the orders index knows it (a hashed marker of a long ID is not undone). */
async function workflowsOf(pool: Pool, merchantId: string, markers: string[]): Promise<Map<string, string>> {
  const candidates = markers.map((marker) => marker.slice('epf:'.length));
  const { rows } = await pool.query<{ workflow_id: string }>(
    'SELECT workflow_id FROM orders WHERE merchant_id = $1 AND workflow_id = ANY($2::text[])',
    [merchantId, candidates],
  );
  return new Map(rows.map((row) => [orderMarker(row.workflow_id), row.workflow_id]));
}

export function createDuplicateActivities(deps: {
  pool: Pool;
  easyPostClient(merchantId: string): Promise<EasyPostClient>;
}) {
  const duplicates = createWarehouseDuplicateStore(deps.pool);
  return {
    /**
     * Reads the merchant's EasyPost orders created in the window (in the list's own sort, within a page budget),
     * groups the settled ones by marker, and records every marker two or more live orders carry: an order sent twice,
     * which `epf exceptions` shows as `duplicate_at_warehouse`. Markers seen once again are forgotten.
     */
    async checkDuplicatesAtEasyPost(input: DuplicateCheckInput): Promise<DuplicateCheckResult> {
      const now = Date.now();
      const windowMs = (input.windowMinutes ?? DEFAULT_DUPLICATE_WINDOW_MINUTES) * 60_000;
      const settleMs = (input.settleMinutes ?? DEFAULT_SETTLE_MINUTES) * 60_000;
      const client = await deps.easyPostClient(input.merchantId);
      const reader = new PageReader(
        (page) => client.listOrders({ page, perPage: PAGE_SIZE }),
        PAGE_SIZE,
        RECONCILE_PAGE_BUDGET,
        `the orders of the last ${windowMs / 60_000} minutes`,
      );
      let orders: Order[];
      try {
        ({ orders } = await ordersCreatedSince(reader, lowerBound(new Date(now - windowMs))));
      } catch (err) {
        throw toActivityFailure(err);
      }
      const settled = orders.filter((order) => Date.parse(order.created_at) <= now - settleMs);
      const live = new Map<string, Order[]>();
      for (const order of settled) {
        if (order.status === ORDER_STATUS.cancelled) continue;
        for (const marker of markersOf(order)) live.set(marker, [...(live.get(marker) ?? []), order]);
      }
      const twice = [...live.entries()].filter(([, carrying]) => carrying.length > 1);
      const workflows = await workflowsOf(
        deps.pool,
        input.merchantId,
        twice.map(([marker]) => marker),
      );
      const found = twice.map(([marker, carrying]) => ({
        marker,
        workflowId: workflows.get(marker) ?? null,
        easyPostOrderIds: [...carrying].sort((a, b) => a.created_at.localeCompare(b.created_at)).map((o) => o.id),
      }));
      await duplicates.reconcile(input.merchantId, found, [...new Set(settled.flatMap(markersOf))]);
      return { ordersRead: orders.length, pagesRead: reader.pagesRead, duplicates: found.length };
    },
  };
}
