import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WpError } from '../errors';
import { page, parseQuery, productQuerySchema } from '../listing';
import { touch } from '../orders';
import type { Site, WooProduct } from '../state';
import { parseParams } from '../validation';
import { siteOf } from './auth';
import { sendPage } from './orders';

/** `woocommerce_rest_batch_items_limit`'s default (docs/woocommerce-api.md §5). */
const BATCH_LIMIT = 100;

const batchSchema = z.object({
  create: z.array(z.unknown()).default([]),
  update: z
    .array(
      z.object({
        id: z.number().int(),
        stock_quantity: z.number().int().nullable().optional(),
        manage_stock: z.boolean().optional(),
      }),
    )
    .default([]),
  delete: z.array(z.unknown()).default([]),
});

function invalidId(id: unknown) {
  return { id, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } };
}

function updateStock(site: Site, item: z.output<typeof batchSchema>['update'][number]): WooProduct | object {
  const product = site.products.get(item.id);
  if (!product) return invalidId(item.id);
  if (item.manage_stock !== undefined) product.manage_stock = item.manage_stock;
  if (item.stock_quantity !== undefined) product.stock_quantity = item.stock_quantity;
  product.stock_status = product.manage_stock && (product.stock_quantity ?? 0) <= 0 ? 'outofstock' : 'instock';
  touch(product);
  return structuredClone(product);
}

/** `products` (with the comma-separated `sku` filter) and `products/batch` of wc/v3. */
export function productRoutes(app: FastifyInstance): void {
  app.get('/products', async (request, reply) => {
    const query = parseQuery(productQuerySchema, request.query);
    const skus = query.sku === undefined ? undefined : new Set(query.sku.split(','));
    const products = [...siteOf(request).products.values()].filter((product) => !skus || skus.has(product.sku));
    return sendPage(reply, page(products, query));
  });

  app.route({
    method: ['POST', 'PUT', 'PATCH'],
    url: '/products/batch',
    handler: async (request) => {
      const raw = (request.body ?? {}) as Record<string, unknown>;
      const total = ['create', 'update', 'delete'].reduce(
        (sum, key) => sum + (Array.isArray(raw[key]) ? (raw[key] as unknown[]).length : 0),
        0,
      );
      // The limit is checked before anything else, on the three lists together.
      if (total > BATCH_LIMIT) {
        const message = `Unable to accept more than ${BATCH_LIMIT} items for this request.`;
        throw new WpError(413, 'woocommerce_rest_request_entity_too_large', message);
      }
      const body = parseParams(batchSchema, raw);
      const site = siteOf(request);
      return {
        ...(body.create.length > 0 && { create: body.create.map(() => invalidId(0)) }),
        ...(body.update.length > 0 && { update: body.update.map((item) => updateStock(site, item)) }),
        ...(body.delete.length > 0 && { delete: body.delete.map(invalidId) }),
      };
    },
  });
}
