import type { Pool } from 'pg';
import { normaliseLevels, type StockLevel } from '../domain/stock-levels';
import { fingerprintOf } from './stock-fingerprint';
import { withTransaction } from './transaction';

/** How long superseded snapshots are kept; the latest is kept whatever its age. */
export const SNAPSHOT_RETENTION_DAYS = 30;

export interface InventorySnapshot {
  id: string;
  merchantId: string;
  takenAt: Date;
  levels: StockLevel[];
  fingerprint: string;
}

export interface WarehouseRecord {
  id: string;
  name: string;
  shortName?: string | null;
  disabledAt?: string | null;
}

/** Per-merchant stock snapshots and the warehouses they refer to. */
export function createInventoryStore(pool: Pool) {
  return {
    /** The merchant's newest snapshot, if any pickup has run. */
    async latestSnapshot(merchantId: string): Promise<InventorySnapshot | undefined> {
      const { rows } = await pool.query<{ id: string; taken_at: Date; levels: StockLevel[]; fingerprint: string }>(
        `SELECT id, taken_at, levels, fingerprint FROM inventory_snapshots
         WHERE merchant_id = $1 ORDER BY taken_at DESC, id DESC LIMIT 1`,
        [merchantId],
      );
      const row = rows[0];
      return row && { id: row.id, merchantId, takenAt: row.taken_at, levels: row.levels, fingerprint: row.fingerprint };
    },

    /**
     * Stores `levels` as the merchant's new snapshot unless the latest one holds the same stock, then prunes snapshots
     * older than the retention (never the latest). Serialised per merchant, so two pickups cannot both insert.
     */
    async saveSnapshotIfChanged(
      merchantId: string,
      levels: readonly StockLevel[],
    ): Promise<{ snapshotId: string; changed: boolean }> {
      const normalised = normaliseLevels(levels);
      const fingerprint = fingerprintOf(normalised);
      return withTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`inventory_snapshots:${merchantId}`]);
        const latest = await client.query<{ id: string; fingerprint: string }>(
          `SELECT id, fingerprint FROM inventory_snapshots
           WHERE merchant_id = $1 ORDER BY taken_at DESC, id DESC LIMIT 1`,
          [merchantId],
        );
        let snapshotId = latest.rows[0]?.id;
        const changed = latest.rows[0]?.fingerprint !== fingerprint;
        if (changed) {
          const inserted = await client.query<{ id: string }>(
            `INSERT INTO inventory_snapshots (merchant_id, levels, fingerprint) VALUES ($1, $2, $3) RETURNING id`,
            [merchantId, JSON.stringify(normalised), fingerprint],
          );
          snapshotId = inserted.rows[0]!.id;
        }
        await client.query(
          `DELETE FROM inventory_snapshots
           WHERE merchant_id = $1 AND id <> $2 AND taken_at < now() - make_interval(days => $3)`,
          [merchantId, snapshotId, SNAPSHOT_RETENTION_DAYS],
        );
        return { snapshotId: snapshotId!, changed };
      });
    },

    /** The merchant's warehouses as the last pickup saw them, by short name. */
    async warehouses(merchantId: string): Promise<WarehouseRecord[]> {
      const { rows } = await pool.query<{
        id: string;
        name: string;
        short_name: string | null;
        disabled_at: Date | null;
      }>('SELECT id, name, short_name, disabled_at FROM warehouses WHERE merchant_id = $1 ORDER BY short_name, id', [
        merchantId,
      ]);
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        shortName: row.short_name,
        disabledAt: row.disabled_at?.toISOString() ?? null,
      }));
    },

    /** Records the warehouses EasyPost lists; ones it no longer lists are left as they were. */
    async upsertWarehouses(merchantId: string, warehouses: readonly WarehouseRecord[]): Promise<void> {
      if (warehouses.length === 0) return;
      await pool.query(
        `INSERT INTO warehouses (merchant_id, id, name, short_name, disabled_at)
         SELECT $1, w.id, w.name, w.short_name, w.disabled_at
         FROM jsonb_to_recordset($2::jsonb) AS w (id text, name text, short_name text, disabled_at timestamptz)
         ON CONFLICT (merchant_id, id) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
           disabled_at = EXCLUDED.disabled_at, updated_at = now()`,
        [
          merchantId,
          JSON.stringify(
            warehouses.map((w) => ({
              id: w.id,
              name: w.name,
              short_name: w.shortName ?? null,
              disabled_at: w.disabledAt ?? null,
            })),
          ),
        ],
      );
    },
  };
}

export type InventoryStore = ReturnType<typeof createInventoryStore>;
