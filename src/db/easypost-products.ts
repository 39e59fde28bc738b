import type { Pool } from 'pg';
import { withTransaction } from './transaction';

/** Each merchant's EasyPost products by barcode, as the inventory pickup last read them. */
export function createEasyPostProductStore(pool: Pool) {
  return {
    /** Replaces the merchant's products with `products` (the whole catalogue EasyPost listed) and notes the sync. */
    async replace(merchantId: string, products: { id: string; barcode: string; mode?: string | null }[]) {
      await withTransaction(pool, async (client) => {
        await client.query('DELETE FROM easypost_products WHERE merchant_id = $1', [merchantId]);
        await client.query(
          `INSERT INTO easypost_products (merchant_id, barcode, product_id)
           SELECT $1, barcode, product_id FROM unnest($2::text[], $3::text[]) AS p (barcode, product_id)
           ON CONFLICT (merchant_id, barcode) DO NOTHING`,
          [merchantId, products.map((p) => p.barcode), products.map((p) => p.id)],
        );
        await client.query(
          `INSERT INTO easypost_product_syncs (merchant_id, mode, products) VALUES ($1, $2, $3)
           ON CONFLICT (merchant_id) DO UPDATE SET mode = $2, products = $3, synced_at = now()`,
          [merchantId, products[0]?.mode ?? null, products.length],
        );
      });
    },

    /**
     * Which of `barcodes` have an EasyPost product; undefined when the merchant's products were never synced, or were
     * synced in the other mode (then nobody knows, and EasyPost judges).
     */
    async known(merchantId: string, barcodes: string[]): Promise<ReadonlySet<string> | undefined> {
      const { rows } = await pool.query<{ synced: boolean; barcode: string | null }>(
        `SELECT true AS synced, p.barcode FROM easypost_product_syncs s
         JOIN merchants m ON m.id = s.merchant_id AND (s.mode IS NULL OR s.mode = m.mode)
         LEFT JOIN easypost_products p ON p.merchant_id = s.merchant_id AND p.barcode = ANY($2::text[])
         WHERE s.merchant_id = $1`,
        [merchantId, barcodes],
      );
      if (rows.length === 0) return undefined;
      return new Set(rows.flatMap((row) => row.barcode ?? []));
    },
  };
}

export type EasyPostProductStore = ReturnType<typeof createEasyPostProductStore>;
