import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { databaseLimits } from '../../../src/config/database';
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

// Issue 15, item 7: the pool had no connection timeout, no statement timeout and no keepalive, so an activity, a request
// or a command could wait on PostgreSQL for ever.
describe('createPool limits', () => {
  const limits = { ...databaseLimits({}), connectTimeoutMs: 500, statementTimeoutMs: 500 };

  /** Fails with a message of its own when `work` neither resolves nor rejects in time: a hang, not a timeout. */
  const within = <T>(ms: number, work: Promise<T>) =>
    Promise.race([work, sleep(ms).then(() => Promise.reject(new Error(`still waiting after ${ms} ms`)))]);

  it('fails a statement that runs past the statement timeout with a clear error', async () => {
    const pool = createPool(testEnv('databaseUrl'), 1, limits);
    try {
      await expect(within(4000, pool.query('SELECT pg_sleep(3)'))).rejects.toThrow(
        'canceling statement due to statement timeout',
      );
      // The connection is still good for the next query.
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('fails a connection to an address that never answers within the connection timeout', async () => {
    // Accepts TCP connections and never says a word, like a server whose PostgreSQL hangs.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const pool = createPool(`postgres://postgres@127.0.0.1:${port}/epf`, 1, limits);
    const started = Date.now();
    try {
      await expect(within(3000, pool.query('SELECT 1'))).rejects.toThrow(/connection timeout|timeout exceeded/);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await pool.end();
    }
  });

  it('sets the server-side timeouts from the environment, with defaults', async () => {
    const pool = createPool(
      testEnv('databaseUrl'),
      1,
      databaseLimits({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '45000' }),
    );
    try {
      const { rows } = await pool.query<{ statement: string; idle: string }>(
        `SELECT current_setting('statement_timeout') AS statement,
           current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(rows[0]).toEqual({ statement: '30s', idle: '45s' });
    } finally {
      await pool.end();
    }
  });

  it('names a bad DATABASE_* variable', () => {
    expect(() => databaseLimits({ DATABASE_STATEMENT_TIMEOUT_MS: '30s' })).toThrow(
      /^Invalid configuration: DATABASE_STATEMENT_TIMEOUT_MS /,
    );
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
