import type { Pool } from 'pg';
import { SecretBox } from '../src/crypto/secret-box';
import { createCartStore } from '../src/db/carts';
import { createMerchantStore } from '../src/db/merchants';
import { createOrderIndex } from '../src/db/orders';
import { createMappingStore } from '../src/db/product-mapping';
import { createCartAdapters } from '../src/carts/registry';
import { createApiNoticeRecorder } from '../src/carts/api-notice-recorder';
import { createCartApiNoticeStore } from '../src/db/cart-api-notices';
import { logger } from '../src/logger';
import { createPullStore } from '../src/db/pulls';
import { createCartFailureStore } from '../src/db/cart-failures';
import { createEasyPostProductStore } from '../src/db/easypost-products';
import { createDatabaseActivities } from './database';
import { createPullActivities } from './pulls';
import { createCartWebhookActivities } from './cart-webhooks';
import { createShipmentActivities } from './shipments';
import { createMerchantCursorStore } from '../src/db/merchant-cursors';
import { CART_REQUEST_TIMEOUT_MS } from '../src/carts/adapter';
import { createKeptShipmentStore } from '../src/db/kept-shipments';
import { createEasyPostClient, DEFAULT_TIMEOUT_MS } from '../src/easypost';
import { createEasyPostCreates } from '../src/db/easypost-creates';
import { withAttemptClock } from './attempt-deadline';
import { boundedFetch } from './bounded-fetch';
import { meteredFetch, type ExternalService } from './metered-fetch';
import { createOrderActivities, DEFAULT_CREATE_SETTLE_MS } from './orders';
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
  /** PUBLIC_API_URL: where cart webhooks are registered to point; unset, no cart webhook is registered. */
  publicApiUrl?: string;
  /** EASYPOST_CREATE_SETTLE_SECONDS, in ms: how long a create may take to commit and show in listings. */
  createSettleMs?: number;
}

/** Every activity the worker registers, as closures over shared dependencies. */
export function createActivities(deps: ActivityDeps) {
  const { pool } = deps;
  const box = new SecretBox(deps.secretKey);
  const carts = createCartStore(pool, box);
  const orders = createOrderIndex(pool);
  // Every outside call is bound to its activity attempt: none outlives the attempt that made it.
  const cartFetch = (type: ExternalService) => boundedFetch(meteredFetch(type), CART_REQUEST_TIMEOUT_MS);
  // A cart answering with another API version or a deprecation is warned about and becomes an exception.
  const apiNotices = createApiNoticeRecorder({
    store: createCartApiNoticeStore(pool),
    log: logger.child({ component: 'cart-api' }),
  });
  const { adapterFor, adapterForCart } = createCartAdapters({
    pool,
    carts,
    fetchFor: cartFetch,
    onApiNotice: apiNotices.record,
  });
  const merchants = createMerchantStore(pool, box);
  const mappings = createMappingStore(pool);
  const inventory = createInventoryStore(pool);
  const pacing = createEasyPostPacing(pool);
  const failures = createCartFailureStore(pool);
  const products = createEasyPostProductStore(pool);
  const easyPostClient = async (merchantId: string) => {
    const { apiKey, requestsPerSecond } = await merchants.easyPostAccess(merchantId);
    return createEasyPostClient({
      apiKey,
      baseUrl: deps.easyPostBaseUrl,
      fetch: boundedFetch(meteredFetch('easypost'), DEFAULT_TIMEOUT_MS),
      throttle: paceRequests(pacing, merchantId, requestsPerSecond),
    });
  };
  return withAttemptClock({
    ...createDatabaseActivities(pool),
    ...createOrderActivities({
      merchants,
      carts,
      mappings,
      products,
      orders,
      inventory,
      pacing,
      creates: createEasyPostCreates(pool),
      createSettleMs: deps.createSettleMs ?? DEFAULT_CREATE_SETTLE_MS,
      easyPostClient,
      adapterFor,
    }),
    ...createPullActivities({ carts, orders, pulls: createPullStore(pool), failures, adapterForCart }),
    ...createCartWebhookActivities({ carts, failures, adapterForCart, publicApiUrl: deps.publicApiUrl }),
    ...createShipmentActivities({
      orders,
      cursors: createMerchantCursorStore(pool),
      kept: createKeptShipmentStore(pool),
      easyPostClient,
    }),
    ...createInventoryActivities({ orders, inventory, carts, mappings, products, easyPostClient }),
    ...createInventoryPushActivities({
      carts,
      inventory,
      pushes: createInventoryPushStore(pool),
      mappings,
      orders,
      failures,
      adapterForCart,
    }),
    ...createExceptionActivities({ pool, webhookUrl: deps.exceptionsWebhookUrl }),
    ...createDuplicateActivities({ pool, easyPostClient }),
  });
}
