import type { FastifyInstance } from 'fastify';
import { basicControlRoutes, type WithId } from '../../shared/control-routes';
import type { WooCommerceSimControl } from '../control';
import {
  deliveryOutageSchema,
  siteQuerySchema,
  type OrderInput,
  type ProductInput,
  type SiteInput,
} from '../control-schemas';
import { parseParams } from '../validation';

/**
 * `/__sim/`: the control API (ours, not WooCommerce's). JSON in and out, no auth.
 * Bodies go to the typed control unchecked: it validates them and names bad fields.
 */
export function controlRoutes(app: FastifyInstance, control: WooCommerceSimControl): void {
  basicControlRoutes(app, control);

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
  app.get('/webhooks', async (request) => ({
    webhooks: control.webhooks(parseParams(siteQuerySchema, request.query).site),
  }));
  app.post('/delivery-outage', async (request) => {
    const body = parseParams(deliveryOutageSchema, request.body);
    control.setDeliveryOutage(body.site, body.down);
    return { ok: true };
  });
}
