import type { Pool } from 'pg';

/** The EasyPost pickups that resume from a stored point, one cursor per merchant and kind. */
export type PickupKind = 'shipments';

/** Where each merchant's EasyPost pickups resume. */
export function createMerchantCursorStore(pool: Pool) {
  return {
    async get(merchantId: string, kind: PickupKind): Promise<string | undefined> {
      const { rows } = await pool.query<{ cursor: string }>(
        'SELECT cursor FROM merchant_cursors WHERE merchant_id = $1 AND kind = $2',
        [merchantId, kind],
      );
      return rows[0]?.cursor;
    },

    async save(merchantId: string, kind: PickupKind, cursor: string): Promise<void> {
      await pool.query(
        `INSERT INTO merchant_cursors (merchant_id, kind, cursor) VALUES ($1, $2, $3)
         ON CONFLICT (merchant_id, kind) DO UPDATE SET cursor = $3, updated_at = now()`,
        [merchantId, kind, cursor],
      );
    },
  };
}

export type MerchantCursorStore = ReturnType<typeof createMerchantCursorStore>;
