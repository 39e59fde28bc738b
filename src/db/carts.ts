import type { Pool } from 'pg';
import type { SecretBox } from '../crypto/secret-box';
import { cartSettingsSchema, type CartSettings } from '../domain/merchant-settings';
import { changedFields, recordAudit, type FieldChanges } from './audit';
import { withTransaction } from './transaction';

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

export interface CartInput extends Omit<Cart, 'settings'> {
  settings?: Partial<CartSettings>;
  /** The cart's API credentials (shape per cart type); undefined keeps the stored ones. */
  credentials?: unknown;
}

/** What `update` may change: the fields present replace the stored ones, absent ones are kept. */
export interface CartChange {
  name?: string;
  settings?: Partial<CartSettings>;
}

/**
 * Carts (order sources) of each merchant. Credentials are sealed with EPF_SECRET_KEY when a SecretBox is given;
 * a store without one (CLI reads, the API) can list carts but never read or write credentials.
 */
export function createCartStore(pool: Pool, box?: SecretBox) {
  const requireBox = () => {
    if (!box) throw new Error('This cart store was built without EPF_SECRET_KEY; it cannot handle credentials');
    return box;
  };
  return {
    /** `insertOnly`: a cart that exists by now fails with PostgreSQL's unique_violation instead of being changed. */
    async upsert(cart: CartInput, { insertOnly = false } = {}): Promise<Cart> {
      const sealed = cart.credentials === undefined ? null : requireBox().encrypt(JSON.stringify(cart.credentials));
      const { rows } = await pool.query<CartRow>(
        `INSERT INTO carts (id, merchant_id, type, name, settings, credentials_enc) VALUES ($1, $2, $3, $4, $5, $6)
         ${insertOnly ? '' : CART_UPDATE_ON_CONFLICT}
         RETURNING *`,
        [cart.id, cart.merchantId, cart.type, cart.name, cartSettingsSchema.parse(cart.settings ?? {}), sealed],
      );
      return toCart(rows[0]!);
    },

    /**
     * Changes the given name and settings of an existing cart in one transaction, with an audit row
     * ('cart.settings', {before, after} of the changed fields) when anything changed. Undefined when there is no cart.
     */
    async update(
      id: string,
      change: CartChange,
      actor: string,
    ): Promise<{ cart: Cart; changes: FieldChanges } | undefined> {
      return withTransaction(pool, async (client) => {
        const { rows } = await client.query<CartRow>('SELECT * FROM carts WHERE id = $1 FOR UPDATE', [id]);
        if (!rows[0]) return undefined;
        const before = toCart(rows[0]);
        const name = change.name ?? before.name;
        const settings = cartSettingsSchema.parse({ ...before.settings, ...change.settings });
        const changes = changedFields({ name: before.name, ...before.settings }, { name, ...settings });
        if (Object.keys(changes.after).length === 0) return { cart: before, changes };
        const { rows: updated } = await client.query<CartRow>(
          'UPDATE carts SET name = $2, settings = $3, updated_at = now() WHERE id = $1 RETURNING *',
          [id, name, settings],
        );
        await recordAudit(client, {
          actor,
          action: 'cart.settings',
          merchantId: before.merchantId,
          cartId: id,
          detail: changes,
        });
        return { cart: toCart(updated[0]!), changes };
      });
    },

    /** The cart's credentials, decrypted; only activities that call the cart ask for them. */
    async credentials(id: string): Promise<unknown> {
      const credentials = await this.credentialsIfAny(id);
      if (credentials === undefined) {
        throw new Error(`Cart ${id} has no credentials: set them with epf carts add ${id} --credentials-file`);
      }
      return credentials;
    },

    /** The same, or undefined for a cart added without any (a webhook for it cannot be genuine). */
    async credentialsIfAny(id: string): Promise<unknown> {
      const { rows } = await pool.query<{ credentials_enc: Buffer | null }>(
        'SELECT credentials_enc FROM carts WHERE id = $1',
        [id],
      );
      const sealed = rows[0]?.credentials_enc;
      return sealed ? (JSON.parse(requireBox().decrypt(sealed)) as unknown) : undefined;
    },

    async list(): Promise<Cart[]> {
      const { rows } = await pool.query<CartRow>('SELECT * FROM carts ORDER BY id');
      return rows.map(toCart);
    },

    async get(id: string): Promise<Cart | undefined> {
      const { rows } = await pool.query<CartRow>('SELECT * FROM carts WHERE id = $1', [id]);
      return rows[0] && toCart(rows[0]);
    },
  };
}

export type CartStore = ReturnType<typeof createCartStore>;

const CART_UPDATE_ON_CONFLICT = `ON CONFLICT (id) DO UPDATE SET merchant_id = $2, type = $3, name = $4, settings = $5,
  credentials_enc = COALESCE($6, carts.credentials_enc), updated_at = now()`;
