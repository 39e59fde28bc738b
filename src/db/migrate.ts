import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, QueryConfig, QueryResultRow } from 'pg';

const MIGRATIONS_DIR = join(__dirname, 'migrations');
// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK_ID = 7_233_001;
/**
 * Migrating may wait for another process's migrations (the advisory lock) and rewrite or index big tables: far
 * longer than the pool's statement timeout, but still bounded, on the server and in the client.
 */
export const MIGRATION_TIMEOUT_MS = 30 * 60 * 1000;

export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

/** The SQL files under src/db/migrations, in version order (`0001_name.sql`, `0002_name.sql`, ...). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the migrations not yet applied, each in its own transaction, under an advisory lock so that
 * several workers starting at once migrate exactly once. Refuses to run if an applied file was edited.
 * Returns the versions it applied.
 */
export async function migrate(pool: Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  // pg honours a per-query `query_timeout`; @types/pg's QueryConfig does not list it.
  const query = <R extends QueryResultRow>(text: string, values?: unknown[]) =>
    client.query<R>({ text, values, query_timeout: MIGRATION_TIMEOUT_MS } as QueryConfig);
  try {
    await query(`SET statement_timeout = ${MIGRATION_TIMEOUT_MS}`);
    await query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied = new Map(rows.map((row) => [row.version, row.checksum]));
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.version} was edited after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await query('BEGIN');
      try {
        await query(migration.sql);
        await query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
          migration.version,
          migration.checksum,
        ]);
        await query('COMMIT');
      } catch (err) {
        await query('ROLLBACK');
        throw new Error(`Migration ${migration.version} failed: ${(err as Error).message}`, { cause: err });
      }
      done.push(migration.version);
    }
    return done;
  } finally {
    await query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    // The connection goes back to the pool with the pool's own statement timeout.
    await query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}
