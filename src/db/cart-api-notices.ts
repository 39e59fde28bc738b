import type { Pool } from 'pg';
import type { ShopifyApiNotice } from '../carts/shopify/api-notice';

/** A notice stays an exception this long after it was last seen; seen again later, it starts over. */
const NOTICE_FRESH_HOURS = 48;

export interface CartApiNotice extends ShopifyApiNotice {
  cartId: string;
  merchantId: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

interface NoticeRow {
  cart_id: string;
  merchant_id: string;
  requested_version: string;
  served_version: string;
  deprecated_reason: string;
  operation: string;
  first_seen_at: Date;
  last_seen_at: Date;
}

const toNotice = (row: NoticeRow): CartApiNotice => ({
  cartId: row.cart_id,
  merchantId: row.merchant_id,
  operation: row.operation,
  requestedVersion: row.requested_version,
  ...(row.served_version ? { servedVersion: row.served_version } : {}),
  ...(row.deprecated_reason ? { deprecatedReason: row.deprecated_reason } : {}),
  firstSeenAt: row.first_seen_at,
  lastSeenAt: row.last_seen_at,
});

/** What carts' APIs said about the versions epf calls (cart_api_notices). */
export function createCartApiNoticeStore(pool: Pool) {
  return {
    /** Notes that a cart's answer carried `notice` now; one row per distinct notice, refreshed each time. */
    async record(cart: { id: string; merchantId: string }, notice: ShopifyApiNotice): Promise<void> {
      await pool.query(
        `INSERT INTO cart_api_notices (cart_id, merchant_id, requested_version, served_version, deprecated_reason, operation)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (cart_id, requested_version, served_version, deprecated_reason) DO UPDATE SET
           operation = EXCLUDED.operation, last_seen_at = now(),
           first_seen_at = CASE WHEN cart_api_notices.last_seen_at < now() - make_interval(hours => $7)
             THEN now() ELSE cart_api_notices.first_seen_at END`,
        [
          cart.id,
          cart.merchantId,
          notice.requestedVersion,
          notice.servedVersion ?? '',
          notice.deprecatedReason ?? '',
          notice.operation,
          NOTICE_FRESH_HOURS,
        ],
      );
    },

    /** The notices seen in the last NOTICE_FRESH_HOURS before `now`, oldest first. */
    async fresh(now: Date, merchantId?: string): Promise<CartApiNotice[]> {
      const { rows } = await pool.query<NoticeRow>(
        `SELECT * FROM cart_api_notices
         WHERE last_seen_at > $1::timestamptz - make_interval(hours => $2) AND ($3::text IS NULL OR merchant_id = $3)
         ORDER BY first_seen_at`,
        [now, NOTICE_FRESH_HOURS, merchantId ?? null],
      );
      return rows.map(toNotice);
    },
  };
}

export type CartApiNoticeStore = ReturnType<typeof createCartApiNoticeStore>;
