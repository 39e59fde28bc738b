import type { Pool } from 'pg';
import type { FilteredLine } from '../domain/item-filter';

/** Where each cart's order pull resumes, and the orders a rule skipped (so none is ever skipped silently). */
export function createPullStore(pool: Pool) {
  return {
    async cursor(cartId: string): Promise<string | undefined> {
      const { rows } = await pool.query<{ cursor: string }>('SELECT cursor FROM cart_cursors WHERE cart_id = $1', [
        cartId,
      ]);
      return rows[0]?.cursor;
    },

    async saveCursor(cartId: string, cursor: string): Promise<void> {
      await pool.query(
        `INSERT INTO cart_cursors (cart_id, cursor) VALUES ($1, $2)
         ON CONFLICT (cart_id) DO UPDATE SET cursor = $2, updated_at = now()`,
        [cartId, cursor],
      );
    },

    async recordSkip(skip: { cartId: string; cartOrderId: string; cartOrderNumber: string; rule: string }) {
      await pool.query(
        `INSERT INTO skipped_orders (cart_id, cart_order_id, cart_order_number, rule) VALUES ($1, $2, $3, $4)
         ON CONFLICT (cart_id, cart_order_id) DO UPDATE SET rule = $4, last_seen_at = now()`,
        [skip.cartId, skip.cartOrderId, skip.cartOrderNumber, skip.rule],
      );
    },

    /** The lines the cart's item filter kept out of an order that was started; a repeated pull replaces them. */
    async recordFilteredLines(filtered: { cartId: string; cartOrderId: string; lines: FilteredLine[] }) {
      await pool.query(
        `INSERT INTO filtered_lines (cart_id, cart_order_id, lines) VALUES ($1, $2, $3)
         ON CONFLICT (cart_id, cart_order_id) DO UPDATE SET lines = $3, recorded_at = now()`,
        [filtered.cartId, filtered.cartOrderId, JSON.stringify(filtered.lines)],
      );
    },

    /** The lines the cart's item filter kept out of this order; empty when it kept none out. */
    async filteredLines(cartId: string, cartOrderId: string): Promise<FilteredLine[]> {
      const { rows } = await pool.query<{ lines: FilteredLine[] }>(
        'SELECT lines FROM filtered_lines WHERE cart_id = $1 AND cart_order_id = $2',
        [cartId, cartOrderId],
      );
      return rows[0]?.lines ?? [];
    },

    /** Records an accept the cart did not take (again): the next pulls retry it. */
    async deferAccept(cartId: string, cartOrderId: string, error: string): Promise<void> {
      await pool.query(
        `INSERT INTO pending_accepts (cart_id, cart_order_id, last_error) VALUES ($1, $2, $3)
         ON CONFLICT (cart_id, cart_order_id) DO UPDATE SET attempts = pending_accepts.attempts + 1,
           last_error = $3, last_failed_at = now()`,
        [cartId, cartOrderId, error],
      );
    },

    /** The cart's accepts still to repeat, oldest first. */
    async pendingAccepts(cartId: string, limit = 100): Promise<string[]> {
      const { rows } = await pool.query<{ cart_order_id: string }>(
        'SELECT cart_order_id FROM pending_accepts WHERE cart_id = $1 ORDER BY first_failed_at LIMIT $2',
        [cartId, limit],
      );
      return rows.map((row) => row.cart_order_id);
    },

    async acceptSettled(cartId: string, cartOrderId: string): Promise<void> {
      await pool.query('DELETE FROM pending_accepts WHERE cart_id = $1 AND cart_order_id = $2', [cartId, cartOrderId]);
    },

    /** Skipped orders, most recently seen first; `merchantId` filters through the carts table. */
    async listSkipped(filter: { merchantId?: string; cartId?: string; since?: Date; limit?: number }) {
      const { rows } = await pool.query<{
        cart_id: string;
        cart_order_id: string;
        cart_order_number: string;
        rule: string;
        last_seen_at: Date;
      }>(
        `SELECT s.* FROM skipped_orders s JOIN carts c ON c.id = s.cart_id
         WHERE ($1::text IS NULL OR c.merchant_id = $1) AND ($2::text IS NULL OR s.cart_id = $2)
           AND ($3::timestamptz IS NULL OR s.last_seen_at >= $3)
         ORDER BY s.last_seen_at DESC LIMIT $4`,
        [filter.merchantId ?? null, filter.cartId ?? null, filter.since ?? null, filter.limit ?? 100],
      );
      return rows.map((row) => ({
        cartId: row.cart_id,
        cartOrderId: row.cart_order_id,
        cartOrderNumber: row.cart_order_number,
        rule: row.rule,
        lastSeenAt: row.last_seen_at,
      }));
    },
  };
}

export type PullStore = ReturnType<typeof createPullStore>;
