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
import { createShipmentActivities } from './shipments';
import { createMerchantCursorStore } from '../src/db/merchant-cursors';
import { createEasyPostClient } from '../src/easypost';
import { meteredFetch } from './metered-fetch';
import { createOrderActivities } from './orders';
import { createInventoryStore } from '../src/db/inventory';
import { createInventoryActivities } from './inventory';
import { createInventoryPushStore } from '../src/db/inventory-pushes';
import { createInventoryPushActivities } from './inventory-push';
import { createExceptionActivities } from './exceptions';
import { createEasyPostPacing } from '../src/db/easypost-pacing';
import { paceRequests } from './easypost-pacing';
import { createDuplicateActivities } from './duplicates';

/** What activities are built from; the worker builds it once, tests pass their own. */
export interface ActivityDeps {
  pool: Pool;
  /** EPF_SECRET_KEY: decrypts credentials inside activities, so no key ever reaches a workflow. */
  secretKey: string;
  easyPostBaseUrl: string;
  /** EXCEPTIONS_WEBHOOK_URL: where new exceptions are posted; unset, nothing is. */
  exceptionsWebhookUrl?: string;
}

/** Every activity the worker registers, as closures over shared dependencies. */
export function createActivities(deps: ActivityDeps) {
  const { pool } = deps;
  const box = new SecretBox(deps.secretKey);
  const carts = createCartStore(pool, box);
  const orders = createOrderIndex(pool);
  const { adapterFor, adapterForCart } = createCartAdapters({ pool, carts, fetchFor: meteredFetch });
  const merchants = createMerchantStore(pool, box);
  const mappings = createMappingStore(pool);
  const inventory = createInventoryStore(pool);
  const pacing = createEasyPostPacing(pool);
  const easyPostClient = async (merchantId: string) => {
    const { apiKey, requestsPerSecond } = await merchants.easyPostAccess(merchantId);
    return createEasyPostClient({
      apiKey,
      baseUrl: deps.easyPostBaseUrl,
      fetch: meteredFetch('easypost'),
      throttle: paceRequests(pacing, merchantId, requestsPerSecond),
    });
  };
  return {
    ...createDatabaseActivities(pool),
    ...createOrderActivities({
      merchants,
      carts,
      mappings,
      orders,
      inventory,
      pacing,
      easyPostClient,
      adapterFor,
    }),
    ...createPullActivities({ carts, orders, pulls: createPullStore(pool), adapterForCart }),
    ...createShipmentActivities({ orders, cursors: createMerchantCursorStore(pool), easyPostClient }),
    ...createInventoryActivities({ orders, inventory, carts, mappings, easyPostClient }),
    ...createInventoryPushActivities({
      carts,
      inventory,
      pushes: createInventoryPushStore(pool),
      mappings,
      orders,
      adapterForCart,
    }),
    ...createExceptionActivities({ pool, webhookUrl: deps.exceptionsWebhookUrl }),
    ...createDuplicateActivities({ pool, easyPostClient }),
  };
}
