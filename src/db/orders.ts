import type { Pool, PoolClient } from 'pg';
import type { OrderStatus } from '../domain/order-status';
import { withTransaction } from './transaction';

/** One transition of an order, as the workflow reports it. */
export interface OrderTransition {
  cartId: string;
  cartOrderId: string;
  cartOrderNumber: string;
  merchantId: string;
  workflowId: string;
  status: OrderStatus;
  easyPostOrderId?: string;
  warehouseId?: string;
  lastError?: string;
  holdCount: number;
  nextResendAt?: string;
  summary: string;
  /** Who caused it: `workflow`, or `operator`/`cart` for cancels. */
  actor: string;
  detail?: Record<string, unknown>;
}

export interface OrderRow {
  cart_id: string;
  cart_order_id: string;
  cart_order_number: string;
  merchant_id: string;
  workflow_id: string;
  status: OrderStatus;
  easypost_order_id: string | null;
  warehouse_id: string | null;
  last_error: string | null;
  hold_count: number;
  next_resend_at: Date | null;
  summary: string | null;
  received_at: Date;
  updated_at: Date;
}

export interface OrderFilter {
  status?: OrderStatus;
  merchantId?: string;
  cartId?: string;
  since?: Date;
  limit?: number;
}

/** The durable orders index (one row per cart order) and the audit log beside it. */
export function createOrderIndex(pool: Pool) {
  return {
    /**
     * Upserts each order's row and appends to the audit log, atomically. Safe to repeat (activity retries): the row
     * ends in the last state, the audit log may hold a transition twice.
     */
    async recordTransitions(transitions: OrderTransition[]): Promise<void> {
      await withTransaction(pool, async (client) => {
        for (const t of transitions) await writeTransition(client, t);
      });
    },

    async list(filter: OrderFilter = {}): Promise<OrderRow[]> {
      const { rows } = await pool.query<OrderRow>(
        `SELECT * FROM orders
         WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR merchant_id = $2)
           AND ($3::text IS NULL OR cart_id = $3) AND ($4::timestamptz IS NULL OR updated_at >= $4)
         ORDER BY updated_at DESC LIMIT $5`,
        [
          filter.status ?? null,
          filter.merchantId ?? null,
          filter.cartId ?? null,
          filter.since ?? null,
          filter.limit ?? 100,
        ],
      );
      return rows;
    },

    /** Workflow IDs of the merchant's orders on hold (waiting for stock), for the inventory pickup to wake. */
    async heldWorkflowIds(merchantId: string): Promise<string[]> {
      const { rows } = await pool.query<{ workflow_id: string }>(
        `SELECT workflow_id FROM orders WHERE merchant_id = $1 AND status = 'on_hold' ORDER BY updated_at`,
        [merchantId],
      );
      return rows.map((row) => row.workflow_id);
    },

    /** By cart order ID, cart order number or EasyPost order ID. */
    async find(cartId: string | undefined, reference: string): Promise<OrderRow[]> {
      const { rows } = await pool.query<OrderRow>(
        `SELECT * FROM orders WHERE ($1::text IS NULL OR cart_id = $1)
           AND (cart_order_id = $2 OR cart_order_number = $2 OR easypost_order_id = $2)
         ORDER BY updated_at DESC`,
        [cartId ?? null, reference],
      );
      return rows;
    },
  };
}

export type OrderIndex = ReturnType<typeof createOrderIndex>;

async function writeTransition(client: PoolClient, t: OrderTransition): Promise<void> {
  await client.query(
    `INSERT INTO orders (cart_id, cart_order_id, cart_order_number, merchant_id, workflow_id, status,
       easypost_order_id, warehouse_id, last_error, hold_count, next_resend_at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (cart_id, cart_order_id) DO UPDATE SET status = $6,
       easypost_order_id = COALESCE($7, orders.easypost_order_id), warehouse_id = COALESCE($8, orders.warehouse_id),
       last_error = $9, hold_count = $10, next_resend_at = $11, summary = $12, updated_at = now()`,
    [
      t.cartId,
      t.cartOrderId,
      t.cartOrderNumber,
      t.merchantId,
      t.workflowId,
      t.status,
      t.easyPostOrderId ?? null,
      t.warehouseId ?? null,
      t.lastError ?? null,
      t.holdCount,
      t.nextResendAt ?? null,
      t.summary,
    ],
  );
  await client.query(
    `INSERT INTO audit_log (actor, action, merchant_id, cart_id, cart_order_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.actor, `order.${t.status}`, t.merchantId, t.cartId, t.cartOrderId, t.detail ?? {}],
  );
}
