import type { Pool } from 'pg';

/** Activities that only need the database. */
export function createDatabaseActivities(pool: Pool) {
  return {
    /** Reports the PostgreSQL version and how many migrations are applied. */
    async checkDatabase(): Promise<{ serverVersion: string; appliedMigrations: number }> {
      const { rows } = await pool.query<{ server_version: string; applied: string }>(
        `SELECT current_setting('server_version') AS server_version, (SELECT count(*) FROM schema_migrations) AS applied`,
      );
      const row = rows[0]!;
      return { serverVersion: row.server_version, appliedMigrations: Number(row.applied) };
    },
  };
}
