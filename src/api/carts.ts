import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CART_TYPES } from '../carts/registry';
import { createCartStore } from '../db/carts';
import { cartOrderSchema } from '../domain/order';
import { cartSettingsSchema } from '../domain/merchant-settings';
import { addCart, updateCart } from '../operations/carts';
import type { ApiDeps } from './app';
import { operationDeps } from './operation-deps';
import { page, pageQuery } from './paging';
import { patchOf } from './patch';
import { ApiError, route } from './route';
import { changesSchema, reconcileResultSchema } from './schedules';

/** A cart as the API shows it: never its credentials (the store does not read them back). */
const cartSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  type: z.string(),
  name: z.string(),
  settings: cartSettingsSchema,
});

const params = z.strictObject({ id: z.string().min(1) });

/** A new cart, as `epf carts add` takes it. */
const newCartSchema = z.strictObject({
  id: cartOrderSchema.shape.cartId.describe('cart ID, a lowercase slug'),
  merchantId: cartOrderSchema.shape.merchantId.describe('the merchant the cart belongs to'),
  type: z.enum(CART_TYPES),
  name: z.string().trim().min(1).describe('display name'),
  credentials: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("the cart's API credentials (shape per cart type); stored encrypted, never answered"),
  settings: patchOf(cartSettingsSchema).optional().describe('the settings to change from their defaults'),
});

/** GET /carts, GET /carts/:id, POST /carts and PATCH /carts/:id, as `epf carts list|show|add|set`. */
export function registerCartRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const carts = createCartStore(deps.pool);
  const operations = operationDeps(deps);
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
    'POST',
    '/carts',
    {
      tag,
      summary: 'add a cart to a merchant, as epf carts add; its pull and push schedules start at once',
      body: newCartSchema,
      responses: {
        201: {
          description: 'the cart (never its credentials) and the schedules reconciling changed',
          schema: z.object({ cart: cartSchema, schedules: reconcileResultSchema }),
        },
        404: 'no such merchant',
        409: 'the cart exists: change it with PATCH',
      },
    },
    async ({ body }, reply) => {
      const { cart, schedules } = await addCart(operations, body, { onlyNew: true });
      return reply.code(201).send({ cart, schedules });
    },
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
      return (await updateCart(operations, id, body)) ?? notFound(id);
    },
  );
}

function notFound(id: string): never {
  throw new ApiError(404, `cart ${id} does not exist`);
}
