import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCartStore } from '../db/carts';
import { cartSettingsSchema } from '../merchants/settings';
import type { ApiDeps } from './app';
import { page, pageQuery } from './paging';
import { patchOf } from './patch';
import { ApiError, route } from './route';
import { changesSchema, reconcileAfter, reconcileResultSchema } from './schedules';

/** A cart as the API shows it: never its credentials (the store does not read them back). */
const cartSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  type: z.string(),
  name: z.string(),
  settings: cartSettingsSchema,
});

const params = z.strictObject({ id: z.string().min(1) });

/** GET /carts, GET /carts/:id and PATCH /carts/:id, as `epf carts set`. */
export function registerCartRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const carts = createCartStore(deps.pool);
  const tag = 'carts';

  route(
    app,
    'GET',
    '/carts',
    {
      tag,
      summary: "every cart, or one merchant's, by ID",
      query: pageQuery.extend({ merchant: z.string().min(1).optional() }),
      responses: {
        200: {
          description: 'one page',
          schema: z.object({ carts: z.array(cartSchema), nextCursor: z.string().optional() }),
        },
      },
    },
    async ({ query }) => {
      const all = (await carts.list()).filter((cart) => !query.merchant || cart.merchantId === query.merchant);
      const { items, nextCursor } = page(all, (cart) => cart.id, query);
      return { carts: items, nextCursor };
    },
  );

  route(
    app,
    'GET',
    '/carts/:id',
    {
      tag,
      summary: 'a cart and its settings',
      params,
      responses: { 200: { description: 'the cart', schema: cartSchema }, 404: 'no such cart' },
    },
    async ({ params: { id } }) => (await carts.get(id)) ?? notFound(id),
  );

  route(
    app,
    'PATCH',
    '/carts/:id',
    {
      tag,
      summary: 'change the given name and settings; audited (actor api), schedules reconciled at once',
      params,
      body: z.strictObject({ name: z.string().min(1).optional(), settings: patchOf(cartSettingsSchema).optional() }),
      responses: {
        200: {
          description: 'the cart, the changed fields and the schedules reconciling changed',
          schema: z.object({ cart: cartSchema, changes: changesSchema, schedules: reconcileResultSchema }),
        },
        404: 'no such cart',
      },
    },
    async ({ params: { id }, body }) => {
      const { cart, changes } = (await carts.update(id, body, 'api')) ?? notFound(id);
      return { cart, changes, schedules: await reconcileAfter(deps, changes) };
    },
  );
}

function notFound(id: string): never {
  throw new ApiError(404, `cart ${id} does not exist`);
}
