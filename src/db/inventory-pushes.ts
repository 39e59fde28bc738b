import type { Pool } from 'pg';
import type { InventoryLevel } from '../carts/adapter';
import { withTransaction } from './transaction';

/** How long the record of past pushes is kept; the levels each cart was last told are kept for good. */
export const PUSH_RECORD_RETENTION_DAYS = 30;

/** One push that ran. */
export interface InventoryPushRecord {
  cartId: string;
  snapshotId: string;
  pushedAt: Date;
  /** SKUs computed for the cart. */
  skus: number;
  /** SKUs whose level differed from what the cart was last told: the ones pushed. */
  changed: number;
  batches: number;
  levels: InventoryLevel[];
}

/** A SKU's level as the cart was last told it. */
export interface PushedLevel extends InventoryLevel {
  pushedAt: Date;
}

/** What each cart was told about stock, and when. */
export function createInventoryPushStore(pool: Pool) {
  return {
    /** The cart's latest push, if any. */
    async latest(cartId: string): Promise<InventoryPushRecord | undefined> {
      const { rows } = await pool.query<{
        snapshot_id: string;
        pushed_at: Date;
        skus: number;
        changed: number;
        batches: number;
        levels: InventoryLevel[];
      }>(
        `SELECT snapshot_id, pushed_at, skus, changed, batches, levels FROM inventory_pushes
         WHERE cart_id = $1 ORDER BY id DESC LIMIT 1`,
        [cartId],
      );
      const row = rows[0];
      return (
        row && {
          cartId,
          snapshotId: row.snapshot_id,
          pushedAt: row.pushed_at,
          skus: row.skus,
          changed: row.changed,
          batches: row.batches,
          levels: row.levels,
        }
      );
    },

    /** The level each SKU was last pushed to the cart, and when, by SKU. */
    async pushedLevels(cartId: string): Promise<PushedLevel[]> {
      const { rows } = await pool.query<{ sku: string; quantity: number; pushed_at: Date }>(
        'SELECT sku, quantity, pushed_at FROM inventory_pushed_levels WHERE cart_id = $1 ORDER BY sku',
        [cartId],
      );
      return rows.map((row) => ({ sku: row.sku, quantity: row.quantity, pushedAt: row.pushed_at }));
    },

    /** Records a push the cart accepted: the run, and each SKU's new level; prunes old run records. */
    async record(push: Omit<InventoryPushRecord, 'pushedAt'>): Promise<void> {
      await withTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO inventory_pushes (cart_id, snapshot_id, skus, changed, batches, levels)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [push.cartId, push.snapshotId, push.skus, push.changed, push.batches, JSON.stringify(push.levels)],
        );
        await client.query(
          `INSERT INTO inventory_pushed_levels (cart_id, sku, quantity, snapshot_id)
           SELECT $1, l.sku, l.quantity, $2 FROM jsonb_to_recordset($3::jsonb) AS l (sku text, quantity integer)
           ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity,
             snapshot_id = EXCLUDED.snapshot_id, pushed_at = now()`,
          [push.cartId, push.snapshotId, JSON.stringify(push.levels)],
        );
        await client.query(
          `DELETE FROM inventory_pushes WHERE cart_id = $1 AND pushed_at < now() - make_interval(days => $2)
             AND id <> (SELECT max(id) FROM inventory_pushes WHERE cart_id = $1)`,
          [push.cartId, PUSH_RECORD_RETENTION_DAYS],
        );
      });
    },
  };
}

export type InventoryPushStore = ReturnType<typeof createInventoryPushStore>;
