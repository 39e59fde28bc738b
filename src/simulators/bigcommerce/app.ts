import type { FastifyError, FastifyInstance } from 'fastify';
import { logger } from '../../logger';
import { CONTROL_PREFIX } from '../shared/control-path';
import { createSimServer } from '../shared/server';
import type { SimContext } from './context';
import type { BigCommerceSimControl } from './control';
import { BcError, notFound, versionOf } from './errors';
import { installFaults } from './faults';
import { STORE_PREFIX } from './paths';
import { installAuth } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { controlRoutes } from './routes/control';
import { orderRoutes } from './routes/orders';
import { shipmentRoutes } from './routes/shipments';

const log = logger.child({ component: 'bigcommerce-simulator' });

/** Any failure becomes BigCommerce's error body for the request's API version; fastify's (bad JSON) a 400. */
function toBcError(error: FastifyError | BcError, url: string): BcError {
  if (error instanceof BcError) return error;
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    log.error({ err: error }, 'Simulator handler failed');
    return new BcError(500, 'Internal Server Error', versionOf(url));
  }
  return new BcError(400, `The request body is not valid JSON. ${error.message}`, versionOf(url));
}

/** The simulator's HTTP server: each store's V2 and V3 APIs under `/stores/<hash>/`, and the control API. */
export function buildApp(context: SimContext, control: BigCommerceSimControl, closing: AbortSignal): FastifyInstance {
  const app = createSimServer();

  app.setErrorHandler<FastifyError | BcError>((error, request, reply) => {
    const bcError = toBcError(error, request.url);
    return reply.code(bcError.status).send(bcError.toBody());
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(notFound(versionOf(request.url)).toBody()));

  context.requests.install(app);
  installFaults(app, context.faults.rules, context.requests, closing);
  void app.register(
    async (store) => {
      installAuth(store, context.registry);
      void store.register(async (v2) => orderRoutes(v2), { prefix: '/v2' });
      void store.register(async (v2) => shipmentRoutes(v2, context.registry), { prefix: '/v2' });
      void store.register(async (v3) => catalogRoutes(v3), { prefix: '/v3' });
    },
    { prefix: STORE_PREFIX },
  );
  void app.register(async (sim) => controlRoutes(sim, control), { prefix: CONTROL_PREFIX });
  return app;
}
