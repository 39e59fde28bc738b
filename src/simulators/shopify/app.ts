import type { FastifyError, FastifyInstance } from 'fastify';
import { logger } from '../../logger';
import { CONTROL_PREFIX } from '../shared/control-path';
import { createSimServer, parseJsonOrNothing } from '../shared/server';
import type { SimContext } from './context';
import type { ShopifySimControl } from './control';
import { ControlError } from './control-error';
import { adminApiRoutes } from './routes/admin-api';
import { controlRoutes } from './routes/control';

const log = logger.child({ component: 'shopify-simulator' });

/** The simulator's HTTP server: shops' Admin APIs under /shops/<id>/ and the control API under /__sim/. */
export function buildApp(context: SimContext, control: ShopifySimControl, closing: AbortSignal): FastifyInstance {
  const app = createSimServer();
  parseJsonOrNothing(app, (message) => new ControlError(400, message));

  // Control errors carry their status; anything else unexpected is a 500 in Shopify's `{"errors": "..."}` shape.
  app.setErrorHandler<FastifyError | ControlError>((error, _request, reply) => {
    const status = error instanceof ControlError ? error.status : (error.statusCode ?? 500);
    if (status >= 500) log.error({ err: error }, 'Simulator handler failed');
    const message = status >= 500 ? 'Internal Server Error' : error.message;
    return reply.code(status).send({ errors: message });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ errors: 'Not Found' }));

  context.requests.install(app);
  adminApiRoutes(app, context, closing);
  void app.register(async (sim) => controlRoutes(sim, control), { prefix: CONTROL_PREFIX });
  return app;
}
