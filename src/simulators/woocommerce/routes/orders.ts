import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { WpError } from '../errors';
import { orderQuerySchema, page, parseQuery } from '../listing';
import { setStatus } from '../orders';
import { wpDate, type Site, type SiteStore, type WooOrder } from '../state';
import { parseParams } from '../validation';
import type { Deliveries } from '../webhooks';
import { siteOf } from './auth';

const STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'trash'];
// `any` is every status but trash, as in WooCommerce.
const ANY = STATUSES.filter((status) => status !== 'trash');

const updateSchema = z.object({ status: z.enum(STATUSES).optional() });
const noteSchema = z.object({ note: z.string().min(1), customer_note: z.boolean().default(false) });

type WithId = { Params: { siteId: string; id: string } };

function orderIn(site: Site, id: string, code = 'woocommerce_rest_shop_order_invalid_id'): WooOrder {
  const order = site.orders.get(Number(id));
  if (!order) throw new WpError(404, code, code.includes('shop_order') ? 'Invalid ID.' : 'Invalid order ID.');
  return order;
}

/** Paging headers every WordPress collection sends. */
export function sendPage<T>(reply: FastifyReply, result: { items: T[]; total: number; totalPages: number }) {
  return reply
    .header('x-wp-total', String(result.total))
    .header('x-wp-totalpages', String(result.totalPages))
    .send(structuredClone(result.items));
}

/** `orders`, `orders/{id}` and `orders/{id}/notes` of wc/v3. */
export function orderRoutes(app: FastifyInstance, store: SiteStore, deliveries: Deliveries): void {
  app.get('/orders', async (request, reply) => {
    const query = parseQuery(orderQuerySchema, request.query);
    const statuses = new Set(query.status.flatMap((status) => (status === 'any' ? ANY : [status])));
    const orders = [...siteOf(request).orders.values()].filter((order) => statuses.has(order.status));
    return sendPage(reply, page(orders, query));
  });

  app.get<WithId>('/orders/:id', async (request) => structuredClone(orderIn(siteOf(request), request.params.id)));

  // WordPress registers EDITABLE routes for POST, PUT and PATCH alike.
  app.route<WithId>({
    method: ['PUT', 'POST', 'PATCH'],
    url: '/orders/:id',
    handler: async (request) => {
      const site = siteOf(request);
      const order = orderIn(site, request.params.id);
      const body = parseParams(updateSchema, request.body);
      // A change through the API is an update like any other: webhooks hear of it, epf's own included.
      if (body.status && body.status !== order.status) {
        setStatus(order, body.status);
        deliveries.orderEvent(site, 'order.updated', order);
      }
      return structuredClone(order);
    },
  });

  app.get<WithId>('/orders/:id/notes', async (request) => {
    const site = siteOf(request);
    orderIn(site, request.params.id, 'woocommerce_rest_order_invalid_id');
    // Newest first, as WooCommerce lists order notes.
    return structuredClone([...(site.notes.get(Number(request.params.id)) ?? [])].reverse());
  });

  app.post<WithId>('/orders/:id/notes', async (request, reply) => {
    const site = siteOf(request);
    const order = orderIn(site, request.params.id, 'woocommerce_rest_order_invalid_id');
    const body = parseParams(noteSchema, request.body);
    const now = wpDate(new Date());
    const note = {
      id: store.noteId(),
      author: 'WooCommerce',
      date_created: now,
      date_created_gmt: now,
      note: body.note,
      customer_note: body.customer_note,
      added_by_user: false,
    };
    site.notes.set(order.id, [...(site.notes.get(order.id) ?? []), note]);
    return reply.code(201).send(structuredClone(note));
  });
}
