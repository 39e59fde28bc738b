import type { Client } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { bearerAuth } from './auth';
import { registerOrderRoutes } from './orders';
import { registerEasyPostWebhooks } from './webhooks';

export interface ApiDeps {
  pool: Pool;
  temporal: Client;
  /** Bearer token every route but /healthz requires. */
  apiToken: string;
  /** Verifies `POST /webhooks/easypost`; unset, that route answers 404. */
  easyPostWebhookSecret?: string;
}

/**
 * The admin HTTP API. `/healthz` is unauthenticated so load balancers and compose health checks can use it;
 * `/webhooks/easypost` checks EasyPost's signature instead of the bearer token.
 */
export function buildApi(deps: ApiDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  app.addHook('onRequest', bearerAuth(deps.apiToken));
  registerOrderRoutes(app, deps.pool);
  registerEasyPostWebhooks(app, { pool: deps.pool, temporal: deps.temporal, secret: deps.easyPostWebhookSecret });

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
