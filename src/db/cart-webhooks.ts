import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { SecretBox } from '../crypto/secret-box';

/** A disabled webhook stays an exception this long after a pull found it; found again later, it starts over. */
export const WEBHOOK_DISABLED_FRESH_HOURS = 48;

/** What a pull found wrong with a cart's webhooks (`cart_webhooks`), joined with the cart. */
export interface CartWebhookProblem {
  cartId: string;
  merchantId: string;
  cartType: string;
  /** Set when a pull found a webhook disabled in the last WEBHOOK_DISABLED_FRESH_HOURS. */
  disabled?: { foundAt: Date; detail: string };
  /** Set while registering the webhooks fails. */
  failing?: { since: Date; error: string };
}

interface ProblemRow {
  cart_id: string;
  merchant_id: string;
  type: string;
  disabled_found_at: Date | null;
  disabled_detail: string | null;
  failing_error: string | null;
  failing_since: Date | null;
}

/**
 * Each cart's webhook secret and health. The secret is generated once per cart (32 random bytes, hex) and sealed like
 * cart credentials; the API reads it to check signatures, the worker to register the webhooks.
 */
export function createCartWebhookStore(pool: Pool, box: SecretBox) {
  return {
    /** The cart's secret, created now when it has none (`created`: the cart's webhooks must be given it). */
    async secret(cartId: string): Promise<{ secret: string; created: boolean }> {
      const candidate = randomBytes(32).toString('hex');
      const inserted = await pool.query(
        'INSERT INTO cart_webhooks (cart_id, secret_enc) VALUES ($1, $2) ON CONFLICT (cart_id) DO NOTHING',
        [cartId, box.encrypt(candidate)],
      );
      if (inserted.rowCount === 1) return { secret: candidate, created: true };
      // A second statement: it sees a row another process committed after the insert's snapshot.
      const existing = await this.existingSecret(cartId);
      if (existing === undefined) throw new Error(`Cart ${cartId} has no webhook secret and none could be stored`);
      return { secret: existing, created: false };
    },

    /** The cart's secret if it has one: a delivery for a cart without one cannot be genuine. */
    async existingSecret(cartId: string): Promise<string | undefined> {
      const { rows } = await pool.query<{ secret_enc: Buffer }>(
        'SELECT secret_enc FROM cart_webhooks WHERE cart_id = $1',
        [cartId],
      );
      return rows[0] && box.decrypt(rows[0].secret_enc);
    },

    async recordDisabled(cartId: string, detail: string): Promise<void> {
      await pool.query('UPDATE cart_webhooks SET disabled_found_at = now(), disabled_detail = $2 WHERE cart_id = $1', [
        cartId,
        detail,
      ]);
    },

    async recordFailing(cartId: string, error: string): Promise<void> {
      await pool.query(
        `UPDATE cart_webhooks SET failing_error = $2, failing_since = COALESCE(failing_since, now())
         WHERE cart_id = $1`,
        [cartId, error],
      );
    },

    async recordRegistered(cartId: string): Promise<void> {
      await pool.query(
        'UPDATE cart_webhooks SET failing_error = NULL, failing_since = NULL WHERE cart_id = $1 AND failing_since IS NOT NULL',
        [cartId],
      );
    },
  };
}

export type CartWebhookStore = ReturnType<typeof createCartWebhookStore>;

/** The carts whose webhooks need a person at `now`: disabled recently, or failing to register. */
export async function cartWebhookProblems(pool: Pool, now: Date, merchantId?: string): Promise<CartWebhookProblem[]> {
  const { rows } = await pool.query<ProblemRow>(
    `SELECT w.*, c.merchant_id, c.type FROM cart_webhooks w JOIN carts c ON c.id = w.cart_id
     WHERE ($3::text IS NULL OR c.merchant_id = $3)
       AND (w.failing_since IS NOT NULL
         OR w.disabled_found_at > $1::timestamptz - make_interval(hours => $2))
     ORDER BY w.cart_id`,
    [now, WEBHOOK_DISABLED_FRESH_HOURS, merchantId ?? null],
  );
  return rows.map((row) => ({
    cartId: row.cart_id,
    merchantId: row.merchant_id,
    cartType: row.type,
    ...(row.disabled_found_at &&
    row.disabled_found_at.getTime() > now.getTime() - WEBHOOK_DISABLED_FRESH_HOURS * 3_600_000
      ? { disabled: { foundAt: row.disabled_found_at, detail: row.disabled_detail ?? '' } }
      : {}),
    ...(row.failing_since ? { failing: { since: row.failing_since, error: row.failing_error ?? '' } } : {}),
  }));
}
