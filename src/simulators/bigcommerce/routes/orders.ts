import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { BcError, notFound } from '../errors';
import { orderQuerySchema, pageOf, pageQuerySchema, parseV2Query, seconds, type OrderQuery } from '../listing';
import { setStatus } from '../orders';
import { rfc2822, type BcOrder, type Store } from '../state';
import { ORDER_STATUSES } from '../statuses';
import { parseParams } from '../validation';
import { storeOf } from './auth';

export type WithOrder = { Params: { storeHash: string; order_id: string } };

const WRITABLE = ['status_id', 'staff_notes', 'customer_message'];
const updateSchema = z.object({
  status_id: z
    .number()
    .int()
    .refine((id) => id in ORDER_STATUSES, 'must be an order status ID')
    .optional(),
  staff_notes: z.string().optional(),
  customer_message: z.string().optional(),
});

export function orderIn(store: Store, id: string): BcOrder {
  const order = store.orders.get(Number(id));
  if (!order) throw notFound();
  return order;
}

/** A V2 collection page, or 204 No Content when it is empty. */
export function sendPage<T>(reply: FastifyReply, page: T[] | undefined) {
  return page === undefined ? reply.code(204).send() : reply.send(structuredClone(page));
}

function matches(order: BcOrder, query: OrderQuery): boolean {
  const modified = seconds(order.date_modified);
  return (
    (query.status_id === undefined || order.status_id === query.status_id) &&
    (query.min_date_created === undefined || seconds(order.date_created) >= seconds(query.min_date_created)) &&
    (query.min_date_modified === undefined || modified >= seconds(query.min_date_modified)) &&
    (query.max_date_modified === undefined || modified <= seconds(query.max_date_modified))
  );
}

function sorted(orders: BcOrder[], sort: string): BcOrder[] {
  const [field = 'id', direction = 'asc'] = sort.split(':') as [keyof BcOrder, string];
  const key = (order: BcOrder) =>
    field === 'date_created' || field === 'date_modified' ? seconds(order[field]) : Number(order[field]);
  // Ties by ID, so paging is stable (assumed: MySQL gives no order within a tie).
  const list = [...orders].sort((a, b) => key(a) - key(b) || a.id - b.id);
  return direction === 'desc' ? list.reverse() : list;
}

/** `GET /v2/orders`, `GET|PUT /v2/orders/{id}` and the order's products and shipping addresses. */
export function orderRoutes(app: FastifyInstance): void {
  app.get('/orders', async (request, reply) => {
    const query = parseV2Query(orderQuerySchema, request.query);
    const orders = [...storeOf(request).orders.values()].filter((order) => matches(order, query));
    return sendPage(reply, pageOf(sorted(orders, query.sort), query));
  });

  app.get<WithOrder>('/orders/:order_id', async (request) =>
    structuredClone(orderIn(storeOf(request), request.params.order_id)),
  );

  app.put<WithOrder>('/orders/:order_id', async (request) => {
    const order = orderIn(storeOf(request), request.params.order_id);
    const readOnly = Object.keys((request.body ?? {}) as object).find((key) => !WRITABLE.includes(key));
    if (readOnly) {
      throw new BcError(400, `The field '${readOnly}' cannot be written to. Please remove it from your request.`);
    }
    const body = parseParams(updateSchema, request.body, 'v2');
    if (body.staff_notes !== undefined) order.staff_notes = body.staff_notes;
    if (body.customer_message !== undefined) order.customer_message = body.customer_message;
    if (body.status_id !== undefined) setStatus(order, body.status_id);
    // Every save moves the modified date, whatever changed.
    order.date_modified = rfc2822(new Date());
    return structuredClone(order);
  });

  app.get<WithOrder>('/orders/:order_id/products', async (request, reply) => {
    const store = storeOf(request);
    const order = orderIn(store, request.params.order_id);
    return sendPage(reply, pageOf(store.products.get(order.id) ?? [], parseV2Query(pageQuerySchema, request.query)));
  });

  app.get<WithOrder>('/orders/:order_id/shipping_addresses', async (request, reply) => {
    const store = storeOf(request);
    const order = orderIn(store, request.params.order_id);
    return sendPage(reply, pageOf(store.addresses.get(order.id) ?? [], parseV2Query(pageQuerySchema, request.query)));
  });
}
