import type { Pool } from 'pg';
import { createCartStore } from '../db/carts';
import { createMerchantStore } from '../db/merchants';
import type { ScheduleSources } from './reconcile';

/** The carts and merchants the schedules are derived from, as PostgreSQL has them now. */
export async function loadScheduleSources(pool: Pool): Promise<ScheduleSources> {
  const [carts, merchants] = await Promise.all([createCartStore(pool).list(), createMerchantStore(pool).list()]);
  return { carts, merchants };
}
