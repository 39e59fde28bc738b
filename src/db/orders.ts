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
  /** The order's cart lines, sent when they are new (received, fixed); undefined keeps the stored ones. */
  lines?: CartLine[];
}

/** A cart line as the index keeps it: enough to know which stock an order not yet at the WMS will take. */
export interface CartLine {
  sku: string;
  quantity: number;
}

/** An order whose stock EasyPost has not reserved yet. */
export interface PendingOrder {
  workflowId: string;
  cartId: string;
  status: OrderStatus;
  /** Chosen when it was last prepared; undefined before that (or when EasyPost chooses). */
  warehouseId: string | undefined;
  /** Undefined for orders recorded before lines were kept, or whose cart data is malformed. */
  lines: CartLine[] | undefined;
}

/** Statuses of orders that will take stock but have not reserved it at EasyPost. */
export const PENDING_STATUSES = ['received', 'sending', 'on_hold', 'error'] as const satisfies OrderStatus[];

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

    /**
     * The merchant's orders not yet at the WMS (PENDING_STATUSES, or only `statuses`), oldest first: the inventory
     * push subtracts their units, the inventory pickup wakes the held ones.
     */
    async pendingOrders(
      merchantId: string,
      statuses: readonly OrderStatus[] = PENDING_STATUSES,
    ): Promise<PendingOrder[]> {
      const { rows } = await pool.query<{
        workflow_id: string;
        cart_id: string;
        status: OrderStatus;
        warehouse_id: string | null;
        lines: CartLine[] | null;
      }>(
        `SELECT workflow_id, cart_id, status, warehouse_id, lines FROM orders
         WHERE merchant_id = $1 AND status = ANY($2) ORDER BY received_at`,
        [merchantId, statuses],
      );
      return rows.map((row) => ({
        workflowId: row.workflow_id,
        cartId: row.cart_id,
        status: row.status,
        warehouseId: row.warehouse_id ?? undefined,
        lines: row.lines ?? undefined,
      }));
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
       easypost_order_id, warehouse_id, last_error, hold_count, next_resend_at, summary, lines)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (cart_id, cart_order_id) DO UPDATE SET status = $6,
       easypost_order_id = COALESCE($7, orders.easypost_order_id), warehouse_id = COALESCE($8, orders.warehouse_id),
       last_error = $9, hold_count = $10, next_resend_at = $11, summary = $12, lines = COALESCE($13, orders.lines),
       updated_at = now()`,
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
      t.lines === undefined ? null : JSON.stringify(t.lines),
    ],
  );
  await client.query(
    `INSERT INTO audit_log (actor, action, merchant_id, cart_id, cart_order_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.actor, `order.${t.status}`, t.merchantId, t.cartId, t.cartOrderId, t.detail ?? {}],
  );
}
