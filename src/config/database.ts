import { envSchema, loadConfig } from './env';

const databaseEnvSchema = envSchema.pick({
  DATABASE_CONNECT_TIMEOUT_MS: true,
  DATABASE_STATEMENT_TIMEOUT_MS: true,
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: true,
  DATABASE_KEEPALIVE_DELAY_MS: true,
});

/** How long a process waits on PostgreSQL; every pool has them (createPool), so no caller can forget them. */
export interface DatabaseLimits {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  keepaliveDelayMs: number;
}

/** The limits the environment sets, or their defaults; a bad value is a ConfigError naming the variable. */
export function databaseLimits(env: NodeJS.ProcessEnv = process.env): DatabaseLimits {
  const parsed = loadConfig(databaseEnvSchema, env);
  return {
    connectTimeoutMs: parsed.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: parsed.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    keepaliveDelayMs: parsed.DATABASE_KEEPALIVE_DELAY_MS,
  };
}
