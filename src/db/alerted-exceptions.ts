import type { Pool } from 'pg';
import { withTransaction } from './transaction';

/** The exceptions the alert webhook has seen, by key (src/domain/exceptions.ts), and which it was told about. */
export function createAlertedExceptionStore(pool: Pool) {
  return {
    /**
     * Makes the table hold exactly `keys` (new ones first seen now, gone ones forgotten, so trouble that comes back
     * is alerted again) and returns those the webhook has not been told about.
     */
    async sync(keys: string[]): Promise<Set<string>> {
      return withTransaction(pool, async (client) => {
        await client.query('DELETE FROM alerted_exceptions WHERE NOT (key = ANY($1::text[]))', [keys]);
        await client.query(
          'INSERT INTO alerted_exceptions (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING',
          [keys],
        );
        const { rows } = await client.query<{ key: string }>(
          'SELECT key FROM alerted_exceptions WHERE alerted_at IS NULL',
        );
        return new Set(rows.map((row) => row.key));
      });
    },

    /** The webhook accepted these. */
    async markAlerted(keys: string[]): Promise<void> {
      await pool.query('UPDATE alerted_exceptions SET alerted_at = now() WHERE key = ANY($1::text[])', [keys]);
    },
  };
}
