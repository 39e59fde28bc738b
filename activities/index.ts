import type { Pool } from 'pg';
import { SecretBox } from '../src/crypto/secret-box';
import { createCartStore } from '../src/db/carts';
import { createMerchantStore } from '../src/db/merchants';
import { createOrderIndex } from '../src/db/orders';
import { createMappingStore } from '../src/db/product-mapping';
import { createDatabaseActivities } from './database';
import { createOrderActivities } from './orders';

/** What activities are built from; the worker builds it once, tests pass their own. */
export interface ActivityDeps {
  pool: Pool;
  /** EPF_SECRET_KEY: decrypts credentials inside activities, so no key ever reaches a workflow. */
  secretKey: string;
  easyPostBaseUrl: string;
}

/** Every activity the worker registers, as closures over shared dependencies. */
export function createActivities(deps: ActivityDeps) {
  const { pool } = deps;
  return {
    ...createDatabaseActivities(pool),
    ...createOrderActivities({
      pool,
      merchants: createMerchantStore(pool, new SecretBox(deps.secretKey)),
      carts: createCartStore(pool),
      mappings: createMappingStore(pool),
      orders: createOrderIndex(pool),
      easyPostBaseUrl: deps.easyPostBaseUrl,
    }),
  };
}
