import type { FastifyInstance } from 'fastify';
import { orderContext, type SimContext } from '../context';
import { cancelOrder, createOrder, findOrder, listOrders, patchOrder } from '../orders';
import { paginate } from '../paging';
import { ledgerOf } from './auth';

type WithId = { Params: { id: string } };
type ListQuery = { Querystring: Record<string, unknown> };

/** POST/GET orders and GET/PATCH/DELETE orders/{id} (docs §4). */
export function orderRoutes(app: FastifyInstance, context: SimContext): void {
  app.post('/orders', async (request, reply) =>
    reply.code(201).send(createOrder(ledgerOf(request), request.body, orderContext(context))),
  );

  app.get<ListQuery>('/orders', async (request) => {
    const query = request.query.query;
    const { settings } = context;
    const { orders, effects } = listOrders(ledgerOf(request), typeof query === 'string' ? query : undefined, {
      order: settings.listing_order,
      query: settings.listing_query,
      visibilityDelayMs: settings.visibility_delay_ms,
      now: Date.now(),
    });
    const page = paginate(orders, request.query);
    for (const effect of effects) context.fired.add(effect);
    return { orders: page };
  });

  app.get<WithId>('/orders/:id', async (request) => findOrder(ledgerOf(request), request.params.id));

  app.patch<WithId>('/orders/:id', async (request) =>
    patchOrder(ledgerOf(request), request.params.id, request.body, orderContext(context)),
  );

  app.delete<WithId>('/orders/:id', async (request) =>
    cancelOrder(ledgerOf(request), request.params.id, orderContext(context)),
  );
}
