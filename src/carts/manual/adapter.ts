import type { Pool } from 'pg';
import type { CartAdapter } from '../adapter';

/**
 * The `manual` order source: orders an operator submits with `epf orders submit`. There is no cart to pull from or
 * tell, so tracking is recorded in tracking_pushes, where `epf orders show` displays it.
 */
export function createManualCartAdapter(pool: Pool, cartId: string): CartAdapter {
  return {
    async listOrders(cursor) {
      return { orders: [], cursor: cursor ?? '', hasMore: false };
    },
    async acceptOrder() {},
    async answerCancellation() {},
    async pushTracking(push) {
      await pool.query(
        `INSERT INTO tracking_pushes (cart_id, cart_order_id, shipment_id, carrier, tracking_code, tracking_url)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [cartId, push.cartOrderId, push.shipmentId, push.carrier, push.trackingCode, push.trackingUrl ?? null],
      );
    },
    async pushInventory() {
      return { batches: 0 };
    },
  };
}
