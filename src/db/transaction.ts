import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // Between two queries a checked-out connection has no 'error' listener: one PostgreSQL drops then (a restart)
  // would be an unhandled event that kills the process. The next query fails instead, and the caller sees that.
  const ignore = () => undefined;
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw err;
  } finally {
    client.off('error', ignore);
    // A connection that cannot even roll back is discarded, not handed to the next caller.
    client.release(broken);
  }
}
