import type { FastifyInstance } from 'fastify';
import type { WooCommerceSimControl } from '../control';
import {
  siteQuerySchema,
  type FaultInput,
  type OrderInput,
  type ProductInput,
  type SiteInput,
} from '../control-schemas';
import { parseParams } from '../validation';

type WithId = { Params: { id: string } };

/**
 * `/__sim/`: the control API (ours, not WooCommerce's). JSON in and out, no auth.
 * Bodies go to the typed control unchecked: it validates them and names bad fields.
 */
export function controlRoutes(app: FastifyInstance, control: WooCommerceSimControl): void {
  app.post('/reset', async () => {
    control.reset();
    return { ok: true };
  });

  app.post<{ Body: SiteInput | undefined }>('/sites', async (request, reply) =>
    reply.code(201).send(control.createSite(request.body ?? {})),
  );
  app.post<{ Body: OrderInput }>('/orders', async (request, reply) =>
    reply.code(201).send(control.createOrder(request.body)),
  );
  app.post<WithId>('/orders/:id/cancel', async (request) => control.cancelOrder(Number(request.params.id)));
  app.post<{ Body: ProductInput }>('/products', async (request, reply) =>
    reply.code(201).send(control.setProduct(request.body)),
  );

  app.get('/orders', async (request) => ({ orders: control.orders(parseParams(siteQuerySchema, request.query).site) }));
  app.get('/stock', async (request) => ({ stock: control.stock(parseParams(siteQuerySchema, request.query).site) }));

  app.get('/requests', async () => ({ requests: control.requests() }));
  app.delete('/requests', async () => {
    control.clearRequests();
    return { ok: true };
  });

  app.post<{ Body: FaultInput }>('/faults', async (request, reply) =>
    reply.code(201).send(control.addFault(request.body)),
  );
  app.delete('/faults', async () => {
    control.clearFaults();
    return { ok: true };
  });
  app.delete<WithId>('/faults/:id', async (request) => {
    control.removeFault(request.params.id);
    return { ok: true };
  });
}
