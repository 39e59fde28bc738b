import type { Pool } from 'pg';
import type { SecretBox } from '../crypto/secret-box';
import { merchantSettingsSchema, type MerchantSettings } from '../merchants/settings';

export type EasyPostMode = 'test' | 'production';

export interface MerchantInput {
  id: string;
  name: string;
  mode: EasyPostMode;
  testKey?: string;
  productionKey?: string;
  settings?: Partial<MerchantSettings>;
}

export interface Merchant {
  id: string;
  name: string;
  mode: EasyPostMode;
  hasTestKey: boolean;
  hasProductionKey: boolean;
  settings: MerchantSettings;
}

interface MerchantRow {
  id: string;
  name: string;
  mode: EasyPostMode;
  easypost_test_key_enc: Buffer | null;
  easypost_production_key_enc: Buffer | null;
  settings: unknown;
}

/**
 * Merchants and their EasyPost keys; keys are encrypted on the way in and only decrypted for an activity's call.
 * A store built without a SecretBox (EPF_SECRET_KEY) can list and read merchants but not touch keys.
 */
export function createMerchantStore(pool: Pool, box?: SecretBox) {
  const requireBox = () => {
    if (!box) throw new Error('This merchant store was built without EPF_SECRET_KEY; it cannot handle EasyPost keys');
    return box;
  };
  const toMerchant = (row: MerchantRow): Merchant => ({
    id: row.id,
    name: row.name,
    mode: row.mode,
    hasTestKey: row.easypost_test_key_enc !== null,
    hasProductionKey: row.easypost_production_key_enc !== null,
    settings: merchantSettingsSchema.parse(row.settings),
  });

  async function find(id: string): Promise<MerchantRow | undefined> {
    const { rows } = await pool.query<MerchantRow>('SELECT * FROM merchants WHERE id = $1', [id]);
    return rows[0];
  }

  return {
    /** Creates or updates a merchant; keys left undefined keep their stored value. */
    async upsert(input: MerchantInput): Promise<Merchant> {
      const settings = merchantSettingsSchema.parse(input.settings ?? {});
      const seal = (key: string | undefined) => (key === undefined ? null : requireBox().encrypt(key));
      const { rows } = await pool.query<MerchantRow>(
        `INSERT INTO merchants (id, name, mode, easypost_test_key_enc, easypost_production_key_enc, settings)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = $2, mode = $3,
           easypost_test_key_enc = COALESCE($4, merchants.easypost_test_key_enc),
           easypost_production_key_enc = COALESCE($5, merchants.easypost_production_key_enc),
           settings = $6, updated_at = now()
         RETURNING *`,
        [input.id, input.name, input.mode, seal(input.testKey), seal(input.productionKey), settings],
      );
      return toMerchant(rows[0]!);
    },

    async list(): Promise<Merchant[]> {
      const { rows } = await pool.query<MerchantRow>('SELECT * FROM merchants ORDER BY id');
      return rows.map(toMerchant);
    },

    async get(id: string): Promise<Merchant | undefined> {
      const row = await find(id);
      return row && toMerchant(row);
    },

    /** The EasyPost key of the merchant's current mode; throws a message an operator can act on when it is missing. */
    async easyPostKey(id: string): Promise<{ mode: EasyPostMode; apiKey: string }> {
      const row = await find(id);
      if (!row) throw new Error(`Unknown merchant ${id}`);
      const sealed = row.mode === 'production' ? row.easypost_production_key_enc : row.easypost_test_key_enc;
      if (!sealed)
        throw new Error(
          `Merchant ${id} has no EasyPost ${row.mode} key: set it with epf merchants add ${id} --${row.mode}-key-env VAR`,
        );
      return { mode: row.mode, apiKey: requireBox().decrypt(sealed) };
    },
  };
}

export type MerchantStore = ReturnType<typeof createMerchantStore>;
