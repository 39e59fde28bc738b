import { setTimeout as sleep } from 'node:timers/promises';
import { createPool } from '../../../src/db/pool';
import { withTransaction } from '../../../src/db/transaction';
import { createTestPool } from '../../helpers/database';
import { pollUntil } from '../../helpers/poll';
import { testEnv } from '../../setup/test-env-vars';

// Found by `npm run chaos`: restarting PostgreSQL under a running worker killed it with an unhandled 'error' event,
// from an idle pooled connection ("terminating connection due to administrator command") or from one checked out
// for a transaction ("Connection terminated unexpectedly").
describe('createPool', () => {
  it('survives PostgreSQL dropping an idle connection, and reconnects on the next query', async () => {
    const pool = createPool(testEnv('databaseUrl'), 1);
    const admin = createTestPool();
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const pid = rows[0]!.pid;
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await pollUntil(() => pool.idleCount === 0, { timeoutMs: 5000 });
      const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await Promise.all([pool.end(), admin.end()]);
    }
  });
});

describe('withTransaction', () => {
  it('fails the transaction, not the process, when PostgreSQL drops its connection between queries', async () => {
    const pool = createPool(testEnv('databaseUrl'), 1);
    const admin = createTestPool();
    try {
      const transaction = withTransaction(pool, async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        await sleep(200); // the connection's 'error' arrives while no query runs
        await client.query('SELECT 1');
      });
      await expect(transaction).rejects.toThrow();
      const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
      expect(rows[0]!.one).toBe(1);
    } finally {
      await Promise.all([pool.end(), admin.end()]);
    }
  });
});
