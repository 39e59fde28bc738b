import type { Pool } from 'pg';
import { SecretBox } from '../src/crypto/secret-box';
import { createCartStore } from '../src/db/carts';
import { createMerchantStore } from '../src/db/merchants';
import { createOrderIndex } from '../src/db/orders';
import { createMappingStore } from '../src/db/product-mapping';
import { createCartAdapters } from '../src/carts/registry';
import { createPullStore } from '../src/db/pulls';
import { createDatabaseActivities } from './database';
import { createPullActivities } from './pulls';
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
  const box = new SecretBox(deps.secretKey);
  const carts = createCartStore(pool, box);
  const orders = createOrderIndex(pool);
  const adapterFor = createCartAdapters({ pool, carts });
  return {
    ...createDatabaseActivities(pool),
    ...createOrderActivities({
      merchants: createMerchantStore(pool, box),
      carts,
      mappings: createMappingStore(pool),
      orders,
      easyPostBaseUrl: deps.easyPostBaseUrl,
      adapterFor,
    }),
    ...createPullActivities({ carts, orders, pulls: createPullStore(pool), adapterFor }),
  };
}
