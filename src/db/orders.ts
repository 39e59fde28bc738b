import type { Pool, PoolClient } from 'pg';
import type { OrderRow } from '../domain/order-row';
import type { OrderStatus } from '../domain/order-status';
import type { CartLine, OrderTransition } from '../../workflows/definitions';
import { withTransaction } from './transaction';

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

export type { OrderRow };

export interface OrderFilter {
  status?: OrderStatus;
  merchantId?: string;
  cartId?: string;
  since?: Date;
  limit?: number;
}

/** Where a page of `list` ends: the last row's update time (microseconds since 1970, as text) and key. */
export interface OrderListPosition {
  updatedMicros: string;
  cartId: string;
  cartOrderId: string;
}

// The filter of `list`, `count` and `pages`: parameters $1 to $4.
const FILTER_SQL = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR merchant_id = $2)
  AND ($3::text IS NULL OR cart_id = $3) AND ($4::timestamptz IS NULL OR updated_at >= $4)`;
const filterParams = (filter: OrderFilter) => [
  filter.status ?? null,
  filter.merchantId ?? null,
  filter.cartId ?? null,
  filter.since ?? null,
];

/**
 * `find`'s query ($1 the cart or null, $2 the reference). Each of the three columns has an index (0011 added
 * cart_order_id's, as the primary key leads with cart_id), so PostgreSQL combines them with or without the cart.
 */
export const FIND_SQL = `SELECT * FROM orders WHERE ($1::text IS NULL OR cart_id = $1)
  AND (cart_order_id = $2 OR cart_order_number = $2 OR easypost_order_id = $2)
  ORDER BY updated_at DESC`;

/** The durable orders index (one row per cart order) and the audit log beside it. */
export function createOrderIndex(pool: Pool) {
  /**
   * One page of `list` (most recently updated first, then by key) after `after`, and the position of its last row
   * when more follow. An order updated meanwhile moves to the front: it is not read again.
   */
  async function listPage(
    filter: OrderFilter,
    after?: OrderListPosition,
  ): Promise<{ rows: OrderRow[]; next?: OrderListPosition }> {
    const limit = filter.limit ?? 100;
    // updated_at to the microsecond (a JavaScript Date keeps milliseconds), so no row of a shared millisecond is lost.
    const { rows } = await pool.query<OrderRow & { updated_us: string }>(
      `SELECT *, (extract(epoch FROM updated_at) * 1000000)::bigint::text AS updated_us FROM orders
       WHERE ${FILTER_SQL} AND ($5::bigint IS NULL
         OR (updated_at, cart_id, cart_order_id) < ('epoch'::timestamptz + $5::bigint * interval '1 microsecond', $6, $7))
       ORDER BY updated_at DESC, cart_id DESC, cart_order_id DESC LIMIT $8`,
      [
        ...filterParams(filter),
        after?.updatedMicros ?? null,
        after?.cartId ?? null,
        after?.cartOrderId ?? null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit).map(({ updated_us: _micros, ...row }) => row);
    const last = rows[limit - 1];
    if (rows.length <= limit || !last) return { rows: page };
    return {
      rows: page,
      next: { updatedMicros: last.updated_us, cartId: last.cart_id, cartOrderId: last.cart_order_id },
    };
  }

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
      return (await listPage(filter)).rows;
    },

    listPage,

    /** How many orders match `filter` (its limit aside). */
    async count(filter: OrderFilter): Promise<number> {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM orders WHERE ${FILTER_SQL}`,
        filterParams(filter),
      );
      return rows[0]!.n;
    },

    /**
     * Every order matching `filter` (its limit aside), page by page in key order: an export never holds the whole
     * index, and an order updated meanwhile is still read once.
     */
    async *pages(filter: OrderFilter, pageSize = 1000): AsyncGenerator<OrderRow[]> {
      let last: OrderRow | undefined;
      for (;;) {
        const { rows } = await pool.query<OrderRow>(
          `SELECT * FROM orders WHERE ${FILTER_SQL}
             AND ($5::text IS NULL OR (cart_id, cart_order_id) > ($5, $6::text))
           ORDER BY cart_id, cart_order_id LIMIT $7`,
          [...filterParams(filter), last?.cart_id ?? null, last?.cart_order_id ?? null, pageSize],
        );
        if (rows.length > 0) yield rows;
        if (rows.length < pageSize) return;
        last = rows.at(-1);
      }
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

    /** The orders that own this EasyPost order (at most one; by its unique index). */
    async withEasyPostOrderId(easyPostOrderId: string): Promise<OrderRow[]> {
      const { rows } = await pool.query<OrderRow>('SELECT * FROM orders WHERE easypost_order_id = $1', [
        easyPostOrderId,
      ]);
      return rows;
    },

    /** The order of this workflow, if the index has it yet. */
    async withWorkflowId(workflowId: string): Promise<OrderRow | undefined> {
      const { rows } = await pool.query<OrderRow>('SELECT * FROM orders WHERE workflow_id = $1', [workflowId]);
      return rows[0];
    },

    /** By cart order ID, cart order number or EasyPost order ID. */
    async find(cartId: string | undefined, reference: string): Promise<OrderRow[]> {
      // Text with NUL cannot be stored, so nothing matches it; asking PostgreSQL would fail the query instead.
      if (`${cartId ?? ''}${reference}`.includes('\u0000')) return [];
      const { rows } = await pool.query<OrderRow>(FIND_SQL, [cartId ?? null, reference]);
      return rows;
    },
  };
}

export type OrderIndex = ReturnType<typeof createOrderIndex>;

/**
 * The field and type of a transition's error. The workflow sends `{error}` in `detail` on the transitions that set
 * it; undefined means "the same error as before" (or none, when `lastError` is unset).
 */
function errorDetail(t: OrderTransition): { field: string | null; type: string | null } | undefined {
  const error = t.detail?.error as { field?: unknown; type?: unknown } | undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { field: text(error.field), type: text(error.type) };
}

async function writeTransition(client: PoolClient, t: OrderTransition): Promise<void> {
  const error = errorDetail(t);
  // held_since: set by the first on_hold, kept through the resend's `sending`, cleared by anything else.
  await client.query(
    `INSERT INTO orders (cart_id, cart_order_id, cart_order_number, merchant_id, workflow_id, status,
       easypost_order_id, warehouse_id, last_error, hold_count, next_resend_at, summary, lines,
       last_error_field, last_error_type, held_since)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
       CASE WHEN $9::text IS NOT NULL THEN $15 END, CASE WHEN $9::text IS NOT NULL THEN $16 END,
       CASE WHEN $6 = 'on_hold' THEN now() END)
     ON CONFLICT (cart_id, cart_order_id) DO UPDATE SET status = $6,
       easypost_order_id = COALESCE($7, orders.easypost_order_id), warehouse_id = COALESCE($8, orders.warehouse_id),
       last_error = $9, hold_count = $10, next_resend_at = $11, summary = $12, lines = COALESCE($13, orders.lines),
       last_error_field = CASE WHEN $9::text IS NULL THEN NULL WHEN $14 THEN $15 ELSE orders.last_error_field END,
       last_error_type = CASE WHEN $9::text IS NULL THEN NULL WHEN $14 THEN $16 ELSE orders.last_error_type END,
       held_since = CASE $6 WHEN 'on_hold' THEN COALESCE(orders.held_since, now())
         WHEN 'sending' THEN orders.held_since END,
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
      error !== undefined,
      error?.field ?? null,
      error?.type ?? null,
    ],
  );
  await client.query(
    `INSERT INTO audit_log (actor, action, merchant_id, cart_id, cart_order_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.actor, `order.${t.status}`, t.merchantId, t.cartId, t.cartOrderId, t.detail ?? {}],
  );
}
