import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { createOrderIndex } from '../db/orders';
import { createPullStore } from '../db/pulls';
import { ORDER_STATUSES } from '../domain/order-status';

const listQuery = z
  .object({
    merchant: z.string().min(1).optional(),
    cart: z.string().min(1).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();
const orderQuery = listQuery.extend({ status: z.enum(ORDER_STATUSES).optional() }).strict();

/** GET /orders and GET /orders/skipped: the orders index and the orders pull rules skipped. */
export function registerOrderRoutes(app: FastifyInstance, pool: Pool): void {
  const orders = createOrderIndex(pool);
  const pulls = createPullStore(pool);

  app.get('/orders', async (request, reply) => {
    const query = orderQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(badRequest(query.error));
    const { status, merchant, cart, since, limit } = query.data;
    const rows = await orders.list({
      status,
      merchantId: merchant,
      cartId: cart,
      since: since ? new Date(since) : undefined,
      limit,
    });
    return { orders: rows };
  });

  app.get('/orders/skipped', async (request, reply) => {
    const query = listQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(badRequest(query.error));
    const { merchant, cart, since, limit } = query.data;
    const skipped = await pulls.listSkipped({
      merchantId: merchant,
      cartId: cart,
      since: since ? new Date(since) : undefined,
      limit,
    });
    return { skipped };
  });
}

/** One message per bad parameter, each naming it. */
function badRequest(error: z.ZodError) {
  return {
    error: 'invalid query',
    problems: error.issues.map((issue) => ({
      field: issue.path.join('.') || (issue as { keys?: string[] }).keys?.join(', ') || 'query',
      message: issue.message,
    })),
  };
}
