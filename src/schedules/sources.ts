import type { Pool } from 'pg';
import { envSchema, loadConfig } from '../config/env';
import { createCartStore } from '../db/carts';
import { createMerchantStore } from '../db/merchants';
import type { ScheduleSources } from './reconcile';

/**
 * The carts and merchants the schedules are derived from, as PostgreSQL has them now, and whether exceptions are
 * alerted: the worker posts them, so whoever reconciles needs the worker's EXCEPTIONS_WEBHOOK_URL too.
 */
export async function loadScheduleSources(pool: Pool, env: NodeJS.ProcessEnv = process.env): Promise<ScheduleSources> {
  const { EXCEPTIONS_WEBHOOK_URL } = loadConfig(envSchema.pick({ EXCEPTIONS_WEBHOOK_URL: true }), env);
  const [carts, merchants] = await Promise.all([createCartStore(pool).list(), createMerchantStore(pool).list()]);
  return { carts, merchants, exceptionsAlert: EXCEPTIONS_WEBHOOK_URL !== undefined };
}
