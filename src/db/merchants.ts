import type { Pool, PoolClient } from 'pg';
import type { SecretBox } from '../crypto/secret-box';
import {
  merchantSettingsSchema,
  type EasyPostMode,
  type Merchant,
  type MerchantSettings,
} from '../domain/merchant-settings';
import { changedFields, recordAudit, type FieldChanges } from './audit';
import { withTransaction } from './transaction';

export type { EasyPostMode, Merchant };

export interface MerchantInput {
  id: string;
  name: string;
  /** Undefined keeps the stored mode (a new merchant starts in test); a change goes through the mode switch. */
  mode?: EasyPostMode;
  testKey?: string;
  productionKey?: string;
  settings?: Partial<MerchantSettings>;
}

/** What `update` may change: the fields present replace the stored ones, absent ones are kept. */
export interface MerchantChange {
  mode?: EasyPostMode;
  settings?: Partial<MerchantSettings>;
}

interface MerchantRow {
  id: string;
  name: string;
  mode: EasyPostMode;
  easypost_test_key_enc: Buffer | null;
  easypost_production_key_enc: Buffer | null;
  settings: unknown;
}

/** Why a merchant cannot switch to `mode`, and how to fix it. */
export function missingKeyMessage(id: string, mode: EasyPostMode): string {
  return `merchant ${id} has no EasyPost ${mode} key: set it with epf merchants add ${id} --${mode}-key-env VAR`;
}

/**
 * Puts the merchant in `to` mode with an audit row ('merchant.mode', {from, to}) on the caller's transaction.
 * Refused when the merchant has no key for that mode: every later EasyPost call would fail on it.
 */
async function switchMode(client: PoolClient, row: MerchantRow, to: EasyPostMode, actor: string): Promise<MerchantRow> {
  if (row.mode === to) return row;
  const sealed = to === 'production' ? row.easypost_production_key_enc : row.easypost_test_key_enc;
  if (!sealed) throw new Error(missingKeyMessage(row.id, to));
  const { rows } = await client.query<MerchantRow>(
    'UPDATE merchants SET mode = $2, updated_at = now() WHERE id = $1 RETURNING *',
    [row.id, to],
  );
  await recordAudit(client, { actor, action: 'merchant.mode', merchantId: row.id, detail: { from: row.mode, to } });
  return rows[0]!;
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
    /**
     * Creates or updates a merchant; keys left undefined keep their stored value. A mode change goes through the
     * same switch as `update` (refused without the key, audited as `actor`), in the same transaction as the rest.
     * `insertOnly`: a merchant that exists by now fails with PostgreSQL's unique_violation instead of being changed.
     */
    async upsert(input: MerchantInput, actor = 'epf', { insertOnly = false } = {}): Promise<Merchant> {
      const settings = merchantSettingsSchema.parse(input.settings ?? {});
      const seal = (key: string | undefined) => (key === undefined ? null : requireBox().encrypt(key));
      return withTransaction(pool, async (client) => {
        const { rows } = await client.query<MerchantRow>(
          `INSERT INTO merchants (id, name, easypost_test_key_enc, easypost_production_key_enc, settings)
           VALUES ($1, $2, $3, $4, $5)
           ${insertOnly ? '' : MERCHANT_UPDATE_ON_CONFLICT}
           RETURNING *`,
          [input.id, input.name, seal(input.testKey), seal(input.productionKey), settings],
        );
        const row = input.mode ? await switchMode(client, rows[0]!, input.mode, actor) : rows[0]!;
        return toMerchant(row);
      });
    },

    /**
     * Changes the given settings and mode of an existing merchant in one transaction, with an audit row per kind of
     * change: 'merchant.settings' ({before, after} of the changed fields) and 'merchant.mode' ({from, to}). Undefined
     * when the merchant does not exist.
     */
    async update(
      id: string,
      change: MerchantChange,
      actor: string,
    ): Promise<{ merchant: Merchant; changes: FieldChanges } | undefined> {
      return withTransaction(pool, async (client) => {
        const locked = await client.query<MerchantRow>('SELECT * FROM merchants WHERE id = $1 FOR UPDATE', [id]);
        let row = locked.rows[0];
        if (!row) return undefined;
        const before = merchantSettingsSchema.parse(row.settings);
        const after = merchantSettingsSchema.parse({ ...before, ...change.settings });
        const changes = changedFields(before, after);
        if (Object.keys(changes.after).length > 0) {
          const updated = await client.query<MerchantRow>(
            'UPDATE merchants SET settings = $2, updated_at = now() WHERE id = $1 RETURNING *',
            [id, after],
          );
          row = updated.rows[0]!;
          await recordAudit(client, { actor, action: 'merchant.settings', merchantId: id, detail: changes });
        }
        if (change.mode && change.mode !== row.mode) {
          changes.before.mode = row.mode;
          changes.after.mode = change.mode;
          row = await switchMode(client, row, change.mode, actor);
        }
        return { merchant: toMerchant(row), changes };
      });
    },

    async list(): Promise<Merchant[]> {
      const { rows } = await pool.query<MerchantRow>('SELECT * FROM merchants ORDER BY id');
      return rows.map(toMerchant);
    },

    async get(id: string): Promise<Merchant | undefined> {
      const row = await find(id);
      return row && toMerchant(row);
    },

    /**
     * What an EasyPost client for the merchant needs: the key of its current mode and its request rate, read on every
     * call (no cache), so a mode switch or a new rate applies from the next activity on; throws a message an operator
     * can act on when the key is missing.
     */
    async easyPostAccess(id: string): Promise<{ mode: EasyPostMode; apiKey: string; requestsPerSecond: number }> {
      const row = await find(id);
      if (!row) throw new Error(`Unknown merchant ${id}`);
      const sealed = row.mode === 'production' ? row.easypost_production_key_enc : row.easypost_test_key_enc;
      if (!sealed)
        throw new Error(
          `Merchant ${id} has no EasyPost ${row.mode} key: set it with epf merchants add ${id} --${row.mode}-key-env VAR`,
        );
      return {
        mode: row.mode,
        apiKey: requireBox().decrypt(sealed),
        requestsPerSecond: merchantSettingsSchema.parse(row.settings).easyPostRequestsPerSecond,
      };
    },
  };
}

export type MerchantStore = ReturnType<typeof createMerchantStore>;

const MERCHANT_UPDATE_ON_CONFLICT = `ON CONFLICT (id) DO UPDATE SET name = $2,
  easypost_test_key_enc = COALESCE($3, merchants.easypost_test_key_enc),
  easypost_production_key_enc = COALESCE($4, merchants.easypost_production_key_enc),
  settings = $5, updated_at = now()`;
