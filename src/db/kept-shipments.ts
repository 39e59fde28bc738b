import type { Pool } from 'pg';
import type { ShipmentUpdate } from '../../workflows/definitions';

/** The shipments of one EasyPost order that no running workflow could take yet. */
export interface KeptShipment {
  easyPostOrderId: string;
  merchantId: string;
  cartId: string;
  /** The `epf:<workflowId>` marker of the EasyPost order. */
  marker: string;
  /** Read from the marker; undefined when the marker is hashed. */
  workflowId?: string;
  updates: ShipmentUpdate[];
  /** Why it could not be delivered, the last time it was tried. */
  reason: string;
  /** Bumped by every `keep`: `delivered` deletes only the revision it tried. */
  revision: number;
  firstKeptAt: Date;
}

/** What `keep` writes; the merchant is the cart's when not given. */
export type KeepShipment = Omit<KeptShipment, 'merchantId' | 'revision' | 'firstKeptAt'> & { merchantId?: string };

interface KeptRow {
  easypost_order_id: string;
  merchant_id: string;
  cart_id: string;
  marker: string;
  workflow_id: string | null;
  updates: ShipmentUpdate[];
  reason: string;
  revision: number;
  first_kept_at: Date;
}

const toKept = (row: KeptRow): KeptShipment => ({
  easyPostOrderId: row.easypost_order_id,
  merchantId: row.merchant_id,
  cartId: row.cart_id,
  marker: row.marker,
  workflowId: row.workflow_id ?? undefined,
  updates: row.updates,
  reason: row.reason,
  revision: row.revision,
  firstKeptAt: row.first_kept_at,
});

/** Shipments kept until their order's workflow can take them (src/orders/shipment-events.ts). */
export function createKeptShipmentStore(pool: Pool) {
  return {
    /**
     * Keeps (or refreshes) the order's shipments. False when the marker's cart is not ours, or belongs to another
     * merchant than the one given: such an order is not this epf's to deliver.
     */
    async keep(kept: KeepShipment): Promise<boolean> {
      const { rowCount } = await pool.query(
        `INSERT INTO kept_shipments (easypost_order_id, merchant_id, cart_id, marker, workflow_id, updates, reason)
         SELECT $1, c.merchant_id, c.id, $4, $5, $6, $7 FROM carts c
         WHERE c.id = $3 AND ($2::text IS NULL OR c.merchant_id = $2)
         ON CONFLICT (easypost_order_id) DO UPDATE SET updates = EXCLUDED.updates, reason = EXCLUDED.reason,
           revision = kept_shipments.revision + 1, last_kept_at = now()`,
        [
          kept.easyPostOrderId,
          kept.merchantId ?? null,
          kept.cartId,
          kept.marker,
          kept.workflowId ?? null,
          JSON.stringify(kept.updates),
          kept.reason,
        ],
      );
      return rowCount === 1;
    },

    /** The merchant's kept shipments, oldest first. */
    async list(merchantId: string, limit = 1000): Promise<KeptShipment[]> {
      const { rows } = await pool.query<KeptRow>(
        'SELECT * FROM kept_shipments WHERE merchant_id = $1 ORDER BY first_kept_at LIMIT $2',
        [merchantId, limit],
      );
      return rows.map(toKept);
    },

    /** Kept since before `before` (all merchants, or one): what `epf exceptions` shows. */
    async keptBefore(before: Date, merchantId?: string): Promise<KeptShipment[]> {
      const { rows } = await pool.query<KeptRow>(
        `SELECT * FROM kept_shipments WHERE first_kept_at < $1 AND ($2::text IS NULL OR merchant_id = $2)
         ORDER BY first_kept_at`,
        [before, merchantId ?? null],
      );
      return rows.map(toKept);
    },

    /** Forgets a kept shipment once delivered, unless a newer `keep` of its order came meanwhile. */
    async delivered(kept: Pick<KeptShipment, 'easyPostOrderId' | 'revision'>): Promise<void> {
      await pool.query('DELETE FROM kept_shipments WHERE easypost_order_id = $1 AND revision = $2', [
        kept.easyPostOrderId,
        kept.revision,
      ]);
    },
  };
}

export type KeptShipmentStore = ReturnType<typeof createKeptShipmentStore>;
