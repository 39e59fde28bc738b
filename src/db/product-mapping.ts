import type { Pool } from 'pg';
import type { ProductMapping } from '../domain/translation';
import type { ShipMethodMap } from '../domain/ship-method';
import { withTransaction } from './transaction';

/** Aliases, bundles and ship methods: what turns a cart order into an EasyPost order. */
export function createMappingStore(pool: Pool) {
  return {
    /** The aliases and bundles that concern `skus`; without `skus`, the merchant's whole catalogue. */
    async productMapping(merchantId: string, skus?: string[]): Promise<ProductMapping> {
      const [aliases, bundles] = await Promise.all([
        pool.query<{ sku: string; barcode: string }>(
          'SELECT sku, barcode FROM sku_aliases WHERE merchant_id = $1 AND ($2::text[] IS NULL OR sku = ANY($2))',
          [merchantId, skus ?? null],
        ),
        pool.query<{ bundle_sku: string; barcode: string; units: number }>(
          `SELECT bundle_sku, barcode, units FROM bundle_components
           WHERE merchant_id = $1 AND ($2::text[] IS NULL OR bundle_sku = ANY($2)) ORDER BY bundle_sku, barcode`,
          [merchantId, skus ?? null],
        ),
      ]);
      const mapping: ProductMapping = { aliases: {}, bundles: {} };
      for (const row of aliases.rows) mapping.aliases[row.sku] = row.barcode;
      for (const row of bundles.rows) {
        (mapping.bundles[row.bundle_sku] ??= []).push({ barcode: row.barcode, units: row.units });
      }
      return mapping;
    },

    async shipMethodRules(merchantId: string): Promise<ShipMethodMap['rules']> {
      const { rows } = await pool.query<{ cart_ship_method: string; service: string }>(
        'SELECT cart_ship_method, service FROM ship_method_map WHERE merchant_id = $1',
        [merchantId],
      );
      return Object.fromEntries(rows.map((row) => [row.cart_ship_method, row.service]));
    },

    async setAlias(merchantId: string, sku: string, barcode: string): Promise<void> {
      await pool.query(
        `INSERT INTO sku_aliases (merchant_id, sku, barcode) VALUES ($1, $2, $3)
         ON CONFLICT (merchant_id, sku) DO UPDATE SET barcode = $3`,
        [merchantId, sku.trim(), barcode.trim()],
      );
    },

    /** Replaces a bundle's components. */
    async setBundle(merchantId: string, bundleSku: string, components: { barcode: string; units: number }[]) {
      await withTransaction(pool, async (client) => {
        await client.query('DELETE FROM bundle_components WHERE merchant_id = $1 AND bundle_sku = $2', [
          merchantId,
          bundleSku,
        ]);
        for (const { barcode, units } of components) {
          await client.query(
            'INSERT INTO bundle_components (merchant_id, bundle_sku, barcode, units) VALUES ($1, $2, $3, $4)',
            [merchantId, bundleSku, barcode, units],
          );
        }
      });
    },

    async setShipMethod(merchantId: string, cartShipMethod: string, service: string): Promise<void> {
      await pool.query(
        `INSERT INTO ship_method_map (merchant_id, cart_ship_method, service) VALUES ($1, lower(trim($2)), $3)
         ON CONFLICT (merchant_id, cart_ship_method) DO UPDATE SET service = $3`,
        [merchantId, cartShipMethod, service],
      );
    },
  };
}

export type MappingStore = ReturnType<typeof createMappingStore>;
