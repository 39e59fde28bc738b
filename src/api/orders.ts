import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createOrderIndex, type OrderIndex, type OrderRow } from '../db/orders';
import { createPullStore } from '../db/pulls';
import { ORDER_STATUSES } from '../domain/order-status';
import { orderDetails, orderJson } from '../orders/order-details';
import { findOrder } from '../orders/order-ref';
import type { ApiDeps } from './app';
import { orderCursor, orderCursorSchema } from './order-cursor';
import { ApiError, route } from './route';

const listQuery = z.strictObject({
  merchant: z.string().min(1).optional(),
  cart: z.string().min(1).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** `:ref` and `?cart=`: a cart order ID, order number (URL-encode the `#`) or EasyPost order ID. */
export const orderRefParams = z.strictObject({
  ref: z.string().min(1).describe('cart order ID, cart order number or EasyPost order ID'),
});
export const orderRefQuery = z.strictObject({
  cart: z.string().min(1).optional().describe('the cart, when the ref matches orders of several carts'),
});

/** The one order a ref names; 404 when none, 409 when several carts have it and `?cart=` is missing. */
export async function orderByRef(orders: OrderIndex, ref: string, cartId?: string): Promise<OrderRow> {
  const found = await findOrder(orders, ref, cartId);
  if ('row' in found) return found.row;
  if (found.problem === 'ambiguous') throw new ApiError(409, `${found.message}, pass ?cart=`);
  throw new ApiError(404, found.message);
}

/** GET /orders, GET /orders/skipped and GET /orders/:ref: the orders index, skipped orders, one order. */
export function registerOrderRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const orders = createOrderIndex(deps.pool);
  const pulls = createPullStore(deps.pool);
  const tag = 'orders';
  const since = (value: string | undefined) => (value ? new Date(value) : undefined);

  route(
    app,
    'GET',
    '/orders',
    {
      tag,
      summary: 'the orders index, most recently updated first (as epf orders list --json), a page at a time',
      query: listQuery.extend({ status: z.enum(ORDER_STATUSES).optional(), cursor: orderCursorSchema.optional() }),
      responses: { 200: 'one page of orders, and `nextCursor` when more follow' },
    },
    async ({ query: { status, merchant, cart, limit, cursor, ...query } }) => {
      const filter = { status, merchantId: merchant, cartId: cart, since: since(query.since), limit };
      const { rows, next } = await orders.listPage(filter, cursor);
      return { orders: rows.map(orderJson), nextCursor: next && orderCursor(next) };
    },
  );

  route(
    app,
    'GET',
    '/orders/skipped',
    {
      tag,
      summary: 'orders a pull rule skipped, with the rule',
      query: listQuery,
      responses: { 200: 'the skipped orders' },
    },
    async ({ query: { merchant, cart, limit, ...query } }) => ({
      skipped: await pulls.listSkipped({ merchantId: merchant, cartId: cart, since: since(query.since), limit }),
    }),
  );

  route(
    app,
    'GET',
    '/orders/:ref',
    {
      tag,
      summary: "an order: index row, the workflow's live status and the tracking sent to the cart (epf orders show)",
      params: orderRefParams,
      query: orderRefQuery,
      responses: {
        200: 'the order; `live` is null and `liveUnavailable` says why when the workflow cannot answer',
        404: 'no order matches the ref',
        409: 'the ref matches orders of several carts: pass ?cart=',
      },
    },
    async ({ params, query }) => {
      const row = await orderByRef(orders, params.ref, query.cart);
      return orderDetails(deps.pool, async () => deps.temporal, row);
    },
  );
}
