import type { Pool } from 'pg';

export interface TrackingPushRow {
  shipmentId: string;
  carrier: string;
  trackingCode: string;
  trackingUrl: string | null;
  pushedAt: Date;
}

/** The tracking delivered to the order's cart (what the manual cart records), oldest first. */
export async function listTrackingPushes(pool: Pool, cartId: string, cartOrderId: string): Promise<TrackingPushRow[]> {
  const { rows } = await pool.query<TrackingPushRow>(
    `SELECT shipment_id AS "shipmentId", carrier, tracking_code AS "trackingCode", tracking_url AS "trackingUrl",
       pushed_at AS "pushedAt"
     FROM tracking_pushes WHERE cart_id = $1 AND cart_order_id = $2 ORDER BY pushed_at`,
    [cartId, cartOrderId],
  );
  return rows;
}
