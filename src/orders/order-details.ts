import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { OrderRow } from '../db/orders';
import { createPullStore } from '../db/pulls';
import type { FilteredLine } from '../domain/item-filter';
import { statusQuery, type OrderStatusView } from '../../workflows/definitions';
import { listTrackingPushes, type TrackingPushRow } from './tracking-pushes';
import { callWorkflow } from './workflow-call';

/** An orders-index row as scripts see it (`epf orders list --json`, the API): the status view's field names. */
export function orderJson(row: OrderRow) {
  return {
    cartId: row.cart_id,
    cartOrderId: row.cart_order_id,
    cartOrderNumber: row.cart_order_number,
    merchantId: row.merchant_id,
    workflowId: row.workflow_id,
    status: row.status,
    easyPostOrderId: row.easypost_order_id ?? undefined,
    warehouseId: row.warehouse_id ?? undefined,
    lastError: row.last_error ?? undefined,
    holdCount: row.hold_count,
    nextResendAt: row.next_resend_at?.toISOString(),
    summary: row.summary ?? undefined,
    receivedAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface OrderDetails {
  order: ReturnType<typeof orderJson>;
  /** The workflow's `status` query; null when it could not answer, and `liveUnavailable` says why. */
  live: OrderStatusView | null;
  liveUnavailable?: string;
  trackingPushes: TrackingPushRow[];
  /** Cart lines the cart's item filter kept out of what went to the warehouse, each with its reason. */
  filteredLines: FilteredLine[];
}

/**
 * One order as `epf orders show` and `GET /orders/:ref` give it: the index row, the workflow's live status, the
 * tracking sent to the cart and the lines the cart's item filter kept out. `temporal` is called lazily so that a Temporal that cannot be reached only loses the
 * live part: the index is enough to show an order (a stopped worker, a workflow past retention).
 */
export async function orderDetails(pool: Pool, temporal: () => Promise<Client>, row: OrderRow): Promise<OrderDetails> {
  const live = async () => {
    try {
      const client = await temporal();
      return await callWorkflow(client, row.workflow_id, () =>
        client.workflow.getHandle(row.workflow_id).query(statusQuery),
      );
    } catch (err) {
      return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    }
  };
  const [view, trackingPushes, filteredLines] = await Promise.all([
    live(),
    listTrackingPushes(pool, row.cart_id, row.cart_order_id),
    createPullStore(pool).filteredLines(row.cart_id, row.cart_order_id),
  ]);
  return typeof view === 'string'
    ? { order: orderJson(row), live: null, liveUnavailable: view, trackingPushes, filteredLines }
    : { order: orderJson(row), live: view, trackingPushes, filteredLines };
}
