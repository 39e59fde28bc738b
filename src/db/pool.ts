import { Pool } from 'pg';
import { logger } from '../logger';

/** One pool per process; the worker and the API share this shape. */
export function createPool(databaseUrl: string, max = 10): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, application_name: 'epf' });
  // An idle connection that PostgreSQL drops (a restart, a failover) is an 'error' event on the pool; unhandled, it
  // would kill the process. The pool discards that connection itself and the next query opens a new one.
  pool.on('error', (err) => logger.warn({ err: err.message }, 'Idle PostgreSQL connection lost'));
  return pool;
}
