import { Pool } from 'pg';
import { databaseLimits, type DatabaseLimits } from '../config/database';
import { logger } from '../logger';

/** The client gives up this long after PostgreSQL should have cancelled a statement: the server went silent. */
const CLIENT_GRACE_MS = 5_000;

/**
 * One pool per process; the worker and the API share this shape. Every wait is bounded (`limits`, from the
 * DATABASE_* variables by default): connecting, a statement, a transaction left idle, a peer that vanished.
 */
export function createPool(databaseUrl: string, max = 10, limits: DatabaseLimits = databaseLimits()): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max,
    application_name: 'epf',
    connectionTimeoutMillis: limits.connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: limits.keepaliveDelayMs,
    statement_timeout: limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    query_timeout: limits.statementTimeoutMs === 0 ? undefined : limits.statementTimeoutMs + CLIENT_GRACE_MS,
  });
  // An idle connection that PostgreSQL drops (a restart, a failover) is an 'error' event on the pool; unhandled, it
  // would kill the process. The pool discards that connection itself and the next query opens a new one.
  pool.on('error', (err) => logger.warn({ err: err.message }, 'Idle PostgreSQL connection lost'));
  return pool;
}
