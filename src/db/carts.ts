import type { Pool } from 'pg';
import { cartSettingsSchema, type CartSettings } from '../merchants/settings';

export interface Cart {
  id: string;
  merchantId: string;
  type: string;
  name: string;
  settings: CartSettings;
}

interface CartRow {
  id: string;
  merchant_id: string;
  type: string;
  name: string;
  settings: unknown;
}

const toCart = (row: CartRow): Cart => ({
  id: row.id,
  merchantId: row.merchant_id,
  type: row.type,
  name: row.name,
  settings: cartSettingsSchema.parse(row.settings),
});

/** Carts (order sources) of each merchant. Credentials arrive with the cart adapters. */
export function createCartStore(pool: Pool) {
  return {
    async upsert(cart: Omit<Cart, 'settings'> & { settings?: Partial<CartSettings> }): Promise<Cart> {
      const { rows } = await pool.query<CartRow>(
        `INSERT INTO carts (id, merchant_id, type, name, settings) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET merchant_id = $2, type = $3, name = $4, settings = $5, updated_at = now()
         RETURNING *`,
        [cart.id, cart.merchantId, cart.type, cart.name, cartSettingsSchema.parse(cart.settings ?? {})],
      );
      return toCart(rows[0]!);
    },

    async get(id: string): Promise<Cart | undefined> {
      const { rows } = await pool.query<CartRow>('SELECT * FROM carts WHERE id = $1', [id]);
      return rows[0] && toCart(rows[0]);
    },
  };
}

export type CartStore = ReturnType<typeof createCartStore>;
