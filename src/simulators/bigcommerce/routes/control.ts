import type { FastifyInstance } from 'fastify';
import { basicControlRoutes, type WithId } from '../../shared/control-routes';
import type { BigCommerceSimControl } from '../control';
import { storeQuerySchema, type OrderInput, type ProductInput, type StoreInput } from '../control-schemas';
import { parseParams } from '../validation';

/**
 * `/__sim/`: the control API (ours, not BigCommerce's). JSON in and out, no auth.
 * Bodies go to the typed control unchecked: it validates them and names bad fields.
 */
export function controlRoutes(app: FastifyInstance, control: BigCommerceSimControl): void {
  basicControlRoutes(app, control);

  app.post<{ Body: StoreInput | undefined }>('/stores', async (request, reply) =>
    reply.code(201).send(control.createStore(request.body ?? {})),
  );
  app.post<{ Body: OrderInput }>('/orders', async (request, reply) =>
    reply.code(201).send(control.createOrder(request.body)),
  );
  app.post<WithId>('/orders/:id/cancel', async (request) => control.cancelOrder(Number(request.params.id)));
  app.post<{ Body: ProductInput }>('/products', async (request, reply) =>
    reply.code(201).send(control.setProduct(request.body)),
  );

  app.get('/orders', async (request) => ({
    orders: control.orders(parseParams(storeQuerySchema, request.query).store),
  }));
  app.get('/stock', async (request) => ({ stock: control.stock(parseParams(storeQuerySchema, request.query).store) }));
}
