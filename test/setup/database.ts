import { join } from 'node:path';
import { Pool } from 'pg';
import { dropDatabase, ensureDatabase } from '../../src/db/databases';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { migrate } from '../../src/db/migrate';
import { freePort } from '../../src/net/free-port';

export interface TestDatabase {
  adminUrl: string;
  url: string;
  stop(): Promise<void>;
}

/**
 * A fresh, migrated database for this run: on the server at DATABASE_URL when set (dropped afterwards),
 * else on an embedded server under .data/ that is deleted on stop.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL
    ? { adminUrl: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({
        dataDir: join(__dirname, '..', '..', '.data', `test-postgres-${process.pid}`),
        port: await freePort(),
        persistent: false,
      });
  const name = `epf_test_${process.pid}_${Date.now()}`;
  const url = await ensureDatabase(server.adminUrl, name);
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  return {
    adminUrl: server.adminUrl,
    url,
    async stop() {
      await dropDatabase(server.adminUrl, name);
      await server.stop();
    },
  };
}
