import type { Client } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { SecretBox } from '../crypto/secret-box';
import { bearerAuth, isPublicRoute } from './auth';
import { registerCartRoutes } from './carts';
import { registerCodecRoutes } from './codec';
import { registerExceptionRoutes } from './exceptions';
import { registerInventoryRoutes } from './inventory';
import { registerMappingRoutes } from './mapping';
import { registerMerchantRoutes } from './merchants';
import { registerMetricsRoute } from './metrics';
import { registerOpenApi } from './openapi';
import { registerOrderActionRoutes } from './order-actions';
import { registerOrderBulkRoutes } from './order-bulk';
import { registerOrderRoutes } from './orders';
import { registerScheduleRoutes } from './schedules';
import { registerEasyPostWebhooks } from './webhooks';
import { registerShopifyCallbacks } from './cart-webhooks/shopify';
import { registerWooCommerceWebhooks } from './cart-webhooks/woocommerce';

export interface ApiDeps {
  pool: Pool;
  temporal: Client;
  /** Bearer token every route but /healthz, /openapi.json and the webhooks (EasyPost's, the carts') requires. */
  apiToken: string;
  /** Where order workflows start and whose schedules reconciling manages (`TEMPORAL_TASK_QUEUE`). */
  taskQueue: string;
  /**
   * Seals the EasyPost keys and cart credentials of `POST /merchants` and `POST /carts`, and opens the carts' webhook
   * secrets and Shopify client secrets (EPF_SECRET_KEY).
   */
  secretBox?: SecretBox;
  /** Verifies `POST /webhooks/easypost`; unset, that route answers 404. */
  easyPostWebhookSecret?: string;
  /** Web UI origins allowed to call `/codec/*`; unset, none. */
  codecCorsOrigins?: string[];
  /**
   * `loopback`: `/codec/*` needs no token from this machine (the local Web UI); `cookie`: it also takes the session
   * cookie `/codec/session` sets for the token (the Web UI elsewhere); unset, `token`.
   */
  codecAuth?: 'token' | 'loopback' | 'cookie';
  /** How long a `/codec/session` cookie lasts (CODEC_SESSION_HOURS); unset, 12 hours. */
  codecSessionSeconds?: number;
}

/**
 * The admin HTTP API: what the CLI does, described at `/openapi.json`. `/healthz` is unauthenticated so load
 * balancers and compose health checks can use it; `/webhooks/easypost` and `/webhooks/carts/...` check the sender's
 * signature instead of the bearer token.
 */
export function buildApi(deps: ApiDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  // First: the OpenAPI document lists the routes registered after it.
  registerOpenApi(app, isPublicRoute);
  app.addHook('onRequest', bearerAuth(deps.apiToken));
  registerOrderRoutes(app, deps);
  registerOrderActionRoutes(app, deps);
  registerOrderBulkRoutes(app, deps);
  registerMerchantRoutes(app, deps);
  registerCartRoutes(app, deps);
  registerMappingRoutes(app, deps);
  registerInventoryRoutes(app, deps);
  registerScheduleRoutes(app, deps);
  registerExceptionRoutes(app, deps);
  registerEasyPostWebhooks(app, { pool: deps.pool, temporal: deps.temporal, secret: deps.easyPostWebhookSecret });
  registerWooCommerceWebhooks(app, deps);
  registerShopifyCallbacks(app, deps);
  registerCodecRoutes(app, deps);
  registerMetricsRoute(app, deps);

  app.get('/healthz', async (_request, reply) => {
    const [database, temporal] = await Promise.all([
      probe(() => deps.pool.query('SELECT 1')),
      probe(() => deps.temporal.workflowService.getSystemInfo({})),
    ]);
    const ok = database === 'ok' && temporal === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, temporal });
  });

  return app;
}

async function probe(check: () => Promise<unknown>): Promise<string> {
  try {
    await check();
    return 'ok';
  } catch (err) {
    return `error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}
