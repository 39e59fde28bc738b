import type { FastifyError, FastifyInstance } from 'fastify';
import { logger } from '../../logger';
import { CONTROL_PREFIX } from '../shared/control-path';
import { createSimServer } from '../shared/server';
import type { SimContext } from './context';
import type { WooCommerceSimControl } from './control';
import { noRoute, WpError } from './errors';
import { installFaults } from './faults';
import { SITE_PREFIX, TRACKING_NAMESPACE, WC_NAMESPACE } from './paths';
import { installAuth } from './routes/auth';
import { controlRoutes } from './routes/control';
import { orderRoutes } from './routes/orders';
import { productRoutes } from './routes/products';
import { trackingRoutes } from './routes/tracking';
import { webhookRoutes } from './routes/webhooks';

const log = logger.child({ component: 'woocommerce-simulator' });

/** Any failure becomes WordPress's error body: ours as thrown, fastify's (bad JSON) as 400 rest_invalid_json. */
function toWpError(error: FastifyError | WpError): WpError {
  if (error instanceof WpError) return error;
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    log.error({ err: error }, 'Simulator handler failed');
    return new WpError(500, 'internal_server_error', 'There has been a critical error on this website.');
  }
  return new WpError(400, 'rest_invalid_json', `Invalid JSON body passed. ${error.message}`);
}

/** The simulator's HTTP server: each store's REST API under `/sites/<id>/wp-json/` and the control API. */
export function buildApp(context: SimContext, control: WooCommerceSimControl, closing: AbortSignal): FastifyInstance {
  const app = createSimServer();

  app.setErrorHandler<FastifyError | WpError>((error, _request, reply) => {
    const wpError = toWpError(error);
    return reply.code(wpError.status).send(wpError.toBody());
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(noRoute().toBody()));

  context.requests.install(app);
  installFaults(app, context.faults.rules, context.requests, closing);
  void app.register(
    async (site) => {
      installAuth(site, context.store);
      void site.register(async (wc) => orderRoutes(wc, context.store, context.deliveries), { prefix: WC_NAMESPACE });
      void site.register(async (wc) => webhookRoutes(wc, context.store, context.deliveries), { prefix: WC_NAMESPACE });
      void site.register(async (wc) => productRoutes(wc), { prefix: WC_NAMESPACE });
      void site.register(async (tracking) => trackingRoutes(tracking), { prefix: TRACKING_NAMESPACE });
    },
    { prefix: SITE_PREFIX },
  );
  void app.register(async (sim) => controlRoutes(sim, control), { prefix: CONTROL_PREFIX });
  return app;
}
