import type { FastifyInstance } from 'fastify';
import { basicControlRoutes, type WithId } from '../../shared/control-routes';
import type { ShopifySimControl } from '../control';
import { parseControl } from '../control-error';
import {
  shopQuerySchema,
  type CancelInput,
  type InventoryItemsInput,
  type OrderInput,
  type RequestInput,
  type ShopInput,
} from '../control-schemas';

/**
 * `/__sim/`: the control API (ours, not Shopify's). JSON in and out, no auth.
 * Bodies go to the typed control unchecked: it validates them and names bad fields.
 */
export function controlRoutes(app: FastifyInstance, control: ShopifySimControl): void {
  const shopOf = (query: unknown) => parseControl(shopQuerySchema, query).shop;

  basicControlRoutes(app, control);

  app.post<{ Body: ShopInput | undefined }>('/shops', async (request, reply) =>
    reply.code(201).send(control.createShop(request.body ?? {})),
  );
  app.post<{ Body: OrderInput }>('/orders', async (request, reply) =>
    reply.code(201).send(control.createOrder(request.body)),
  );
  app.post<WithId & { Body: CancelInput | undefined }>('/orders/:id/cancel', async (request) =>
    control.cancelOrder(request.params.id, request.body ?? {}),
  );
  app.post<WithId & { Body: RequestInput | undefined }>('/fulfillment-orders/:id/request', async (request) =>
    control.requestFulfillment(request.params.id, request.body ?? {}),
  );
  app.post<{ Body: InventoryItemsInput }>('/inventory-items', async (request, reply) =>
    reply.code(201).send({ inventory: control.addInventoryItems(request.body) }),
  );

  app.get('/fulfillment-orders', async (request) => ({
    fulfillment_orders: control.fulfillmentOrders(shopOf(request.query)),
  }));
  app.get('/fulfillments', async (request) => ({ fulfillments: control.fulfillments(shopOf(request.query)) }));
  app.get('/inventory', async (request) => ({ inventory: control.inventory(shopOf(request.query)) }));
  app.get('/fulfillment-services', async (request) => ({
    fulfillment_services: control.fulfillmentServices(shopOf(request.query)),
  }));
  app.get<{ Querystring: { shop?: string } }>('/notifications', async (request) => ({
    notifications: control.notifications(request.query.shop),
  }));
  app.get('/operations', async (request) => ({ operations: control.operations(shopOf(request.query)) }));
  app.get('/fault-counts', async () => ({ counts: control.faultCounts() }));
}
