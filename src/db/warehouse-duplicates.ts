import type { Pool } from 'pg';
import type { WarehouseDuplicate } from '../domain/exceptions';
import { withTransaction } from './transaction';

export type { WarehouseDuplicate };

/** What the duplicate reconciliation found at EasyPost, kept until the extra orders are cancelled. */
export function createWarehouseDuplicateStore(pool: Pool) {
  return {
    /**
     * Records the duplicates found among the markers a reconciliation read (`seen`), and forgets those of `seen` that
     * are no longer duplicated (their extras were cancelled). Markers outside the read window keep their rows.
     */
    async reconcile(
      merchantId: string,
      found: { marker: string; workflowId: string | null; easyPostOrderIds: string[] }[],
      seen: string[],
    ): Promise<void> {
      await withTransaction(pool, async (client) => {
        const duplicated = found.map((duplicate) => duplicate.marker);
        await client.query(
          `DELETE FROM warehouse_duplicates
           WHERE merchant_id = $1 AND marker = ANY($2::text[]) AND NOT marker = ANY($3::text[])`,
          [merchantId, seen, duplicated],
        );
        for (const { marker, workflowId, easyPostOrderIds } of found) {
          await client.query(
            `INSERT INTO warehouse_duplicates (merchant_id, marker, workflow_id, easypost_order_ids)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (merchant_id, marker)
             DO UPDATE SET easypost_order_ids = EXCLUDED.easypost_order_ids, workflow_id = EXCLUDED.workflow_id`,
            [merchantId, marker, workflowId, easyPostOrderIds],
          );
        }
      });
    },

    /** The audit row of an extra order the check cancelled, on the order it duplicated. */
    async recordCancelled(entry: {
      merchantId: string;
      cartId: string;
      cartOrderId: string;
      marker: string;
      cancelled: string;
      kept: string;
    }): Promise<void> {
      await pool.query(
        `INSERT INTO audit_log (actor, action, merchant_id, cart_id, cart_order_id, detail)
         VALUES ('duplicate-check', 'order.duplicate_cancelled', $1, $2, $3, $4)`,
        [
          entry.merchantId,
          entry.cartId,
          entry.cartOrderId,
          { marker: entry.marker, cancelledEasyPostOrderId: entry.cancelled, keptEasyPostOrderId: entry.kept },
        ],
      );
    },

    async list(merchantId?: string): Promise<WarehouseDuplicate[]> {
      const { rows } = await pool.query<{
        merchant_id: string;
        marker: string;
        workflow_id: string | null;
        easypost_order_ids: string[];
        found_at: Date;
      }>(
        `SELECT merchant_id, marker, workflow_id, easypost_order_ids, found_at FROM warehouse_duplicates
         WHERE $1::text IS NULL OR merchant_id = $1 ORDER BY found_at`,
        [merchantId ?? null],
      );
      return rows.map((row) => ({
        merchantId: row.merchant_id,
        marker: row.marker,
        workflowId: row.workflow_id,
        easyPostOrderIds: row.easypost_order_ids,
        foundAt: row.found_at,
      }));
    },
  };
}
