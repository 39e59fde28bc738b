import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { databaseLimits } from '../../../src/config/database';
import { dropDatabase, ensureDatabase } from '../../../src/db/databases';
import { migrate, readMigrations } from '../../../src/db/migrate';
import { createPool } from '../../../src/db/pool';
import { testEnv } from '../../setup/test-env-vars';

const adminUrl = () => testEnv('adminDatabaseUrl');
const scratchName = `epf_migrate_${process.pid}_${Date.now()}`;
let pool: Pool;

beforeAll(async () => {
  pool = new Pool({ connectionString: await ensureDatabase(adminUrl(), scratchName), max: 4 });
});

afterAll(async () => {
  await pool?.end();
  await dropDatabase(adminUrl(), scratchName);
});

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'epf-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('migrate', () => {
  it('applies every migration once on an empty database, then nothing', async () => {
    // Two workers starting together: the advisory lock makes one apply and the other find nothing to do.
    const [first, second] = await Promise.all([migrate(pool), migrate(pool)]);
    const all = readMigrations().map((migration) => migration.version);
    expect([...first, ...second].sort()).toEqual(all);
    expect(await migrate(pool)).toEqual([]);
    const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(all);
  });

  it('creates the core tables', async () => {
    const { rows } = await pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['merchants', 'carts', 'orders', 'audit_log', 'schema_migrations']),
    );
  });

  it('refuses to run when an applied migration was edited', async () => {
    const dir = migrationsDir({ '0900_probe.sql': 'CREATE TABLE probe (id int);' });
    expect(await migrate(pool, readMigrations(dir))).toEqual(['0900_probe']);
    writeFileSync(join(dir, '0900_probe.sql'), 'CREATE TABLE probe (id bigint);');
    await expect(migrate(pool, readMigrations(dir))).rejects.toThrow(/0900_probe was edited/);
  });

  it('rolls back a failing migration and records nothing', async () => {
    const dir = migrationsDir({
      '0901_broken.sql': 'CREATE TABLE half_done (id int); SELECT no_such_column FROM half_done;',
    });
    await expect(migrate(pool, readMigrations(dir))).rejects.toThrow(/Migration 0901_broken failed/);
    const { rowCount } = await pool.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(rowCount).toBe(0);
    const recorded = await pool.query(`SELECT 1 FROM schema_migrations WHERE version = '0901_broken'`);
    expect(recorded.rowCount).toBe(0);
  });

  it('waits for another process migrating longer than the pool lets a statement run', async () => {
    const quick = createPool(pool.options.connectionString!, 2, { ...databaseLimits({}), statementTimeoutMs: 300 });
    const other = await pool.connect();
    try {
      // Another worker holds the migration lock (src/db/migrate.ts) for a while, e.g. building an index.
      await other.query('SELECT pg_advisory_lock(7233001)');
      const migrating = migrate(quick, readMigrations(migrationsDir({ '0902_after_wait.sql': 'SELECT 1;' })));
      await sleep(1000);
      await other.query('SELECT pg_advisory_unlock(7233001)');
      expect(await migrating).toEqual(['0902_after_wait']);
      // Its connection went back to the pool with the pool's own limit.
      await expect(quick.query('SELECT pg_sleep(1)')).rejects.toThrow(/statement timeout/);
    } finally {
      other.release();
      await quick.end();
    }
  });
});
