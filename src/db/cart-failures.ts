import type { Pool } from 'pg';

/** The cart calls whose failures are counted: each pull of orders, each push of stock, each webhook check. */
export type CartOperation = 'pull' | 'inventory_push' | 'webhook';

/** A cart operation failing since `firstFailedAt`, `consecutive` attempts in a row. */
export interface CartFailure {
  cartId: string;
  merchantId: string;
  cartType: string;
  cartName: string;
  operation: CartOperation;
  consecutive: number;
  /** The last failure was the cart refusing our credentials (401/403). */
  auth: boolean;
  lastError: string;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

/** Consecutive failures of each cart's pulls and pushes, cleared by the next success (`cart_failures`). */
export function createCartFailureStore(pool: Pool) {
  return {
    async recordFailure(cartId: string, operation: CartOperation, failure: { error: string; auth: boolean }) {
      await pool.query(
        `INSERT INTO cart_failures (cart_id, operation, last_error, auth) VALUES ($1, $2, $3, $4)
         ON CONFLICT (cart_id, operation) DO UPDATE SET consecutive = cart_failures.consecutive + 1,
           last_error = $3, auth = $4, last_failed_at = now()`,
        [cartId, operation, failure.error, failure.auth],
      );
    },

    async recordSuccess(cartId: string, operation: CartOperation): Promise<void> {
      await pool.query('DELETE FROM cart_failures WHERE cart_id = $1 AND operation = $2', [cartId, operation]);
    },

    /** Every failing operation, or one merchant's. */
    async list(merchantId?: string): Promise<CartFailure[]> {
      const { rows } = await pool.query<{
        cart_id: string;
        merchant_id: string;
        type: string;
        name: string;
        operation: CartOperation;
        consecutive: number;
        auth: boolean;
        last_error: string;
        first_failed_at: Date;
        last_failed_at: Date;
      }>(
        `SELECT f.*, c.merchant_id, c.type, c.name FROM cart_failures f JOIN carts c ON c.id = f.cart_id
         WHERE $1::text IS NULL OR c.merchant_id = $1 ORDER BY f.first_failed_at`,
        [merchantId ?? null],
      );
      return rows.map((row) => ({
        cartId: row.cart_id,
        merchantId: row.merchant_id,
        cartType: row.type,
        cartName: row.name,
        operation: row.operation,
        consecutive: row.consecutive,
        auth: row.auth,
        lastError: row.last_error,
        firstFailedAt: row.first_failed_at,
        lastFailedAt: row.last_failed_at,
      }));
    },
  };
}

export type CartFailureStore = ReturnType<typeof createCartFailureStore>;
