import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CART_TYPES } from '../carts/registry';
import { createCartStore } from '../db/carts';
import { cartOrderSchema } from '../domain/order';
import { cartSettingsSchema } from '../domain/merchant-settings';
import { addCart, updateCart } from '../operations/carts';
import type { ApiDeps } from './app';
import { operationDeps } from './operation-deps';
import { pageQuery } from './paging';
import { patchOf } from './patch';
import { addRoute, getRoute, listRoute, updateRoute, type Resource } from './resource-routes';

/** A cart as the API shows it: never its credentials (the store does not read them back). */
const cartSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  type: z.string(),
  name: z.string(),
  settings: cartSettingsSchema,
});

const resource: Resource = { name: 'carts', noun: 'cart', schema: cartSchema };

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

  listRoute(
    app,
    resource,
    {
      summary: "every cart, or one merchant's, by ID",
      query: pageQuery.extend({ merchant: z.string().min(1).optional() }),
    },
    async (query) => (await carts.list()).filter((cart) => !query.merchant || cart.merchantId === query.merchant),
  );
  getRoute(app, resource, { summary: 'a cart and its settings', description: 'the cart' }, (id) => carts.get(id));

  addRoute(
    app,
    resource,
    {
      summary: 'add a cart to a merchant, as epf carts add; its pull and push schedules start at once',
      body: newCartSchema,
      created: 'the cart (never its credentials) and the schedules reconciling changed',
      errors: { 404: 'no such merchant', 409: 'the cart exists: change it with PATCH' },
    },
    (body) => addCart(operations, body, { onlyNew: true }),
  );
  updateRoute(
    app,
    resource,
    {
      summary: 'change the given name and settings; audited (actor api), schedules reconciled at once',
      body: z.strictObject({ name: z.string().min(1).optional(), settings: patchOf(cartSettingsSchema).optional() }),
      updated: 'the cart, the changed fields and the schedules reconciling changed',
    },
    (id, body) => updateCart(operations, id, body),
  );
}
