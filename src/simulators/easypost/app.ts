import type { FastifyError, FastifyInstance } from 'fastify';
import { logger } from '../../logger';
import type { SimContext } from './context';
import type { EasyPostSimControl } from './control';
import { SimApiError } from './errors';
import { installFaults } from './faults';
import { CONTROL_PREFIX } from '../shared/control-path';
import { createSimServer, parseJsonOrNothing } from '../shared/server';
import { API_PREFIX } from './paths';
import { installAuth } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { controlRoutes } from './routes/control';
import { orderRoutes } from './routes/orders';

const log = logger.child({ component: 'easypost-simulator' });

/** Any failure becomes the API's error body: ours as thrown, fastify's (bad JSON, wrong content type) as 400. */
function toApiError(error: FastifyError | SimApiError): SimApiError {
  if (error instanceof SimApiError) return error;
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    log.error({ err: error }, 'Simulator handler failed');
    return new SimApiError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }
  return new SimApiError(status === 413 ? 413 : 400, 'REQUEST.BODY.INVALID', error.message);
}

/** The simulator's HTTP server: the vendor API under its real prefix and the control API under /__sim/. */
export function buildApp(context: SimContext, control: EasyPostSimControl, closing: AbortSignal): FastifyInstance {
  const app = createSimServer();
  parseJsonOrNothing(app, (message) => new SimApiError(400, 'REQUEST.BODY.INVALID', message));

  app.setErrorHandler<FastifyError | SimApiError>((error, _request, reply) => {
    const apiError = toApiError(error);
    return reply.code(apiError.status).send(apiError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new SimApiError(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    return reply.code(404).send(error.toBody());
  });

  context.requests.install(app);
  installFaults(app, context.faults, context.requests, closing);
  void app.register(
    async (api) => {
      installAuth(api, context);
      orderRoutes(api, context);
      catalogRoutes(api);
    },
    { prefix: API_PREFIX },
  );
  void app.register(async (sim) => controlRoutes(sim, control), { prefix: CONTROL_PREFIX });
  return app;
}
