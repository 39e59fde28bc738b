import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BcError } from '../errors';
import type { BcVariant, Store } from '../state';
import { parseParams } from '../validation';
import { storeOf } from './auth';

/** The Inventory API's items per adjustment (docs/bigcommerce-api.md §5). */
const ADJUSTMENT_LIMIT = 2000;

const variantQuerySchema = z.object({
  'sku:in': z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(250).default(50),
});

const adjustmentSchema = z.object({
  reason: z.string().optional(),
  items: z
    .array(
      z.object({
        location_id: z.number().int(),
        sku: z.string().optional(),
        variant_id: z.number().int().optional(),
        quantity: z.number().int().min(0),
      }),
    )
    .min(1),
});

const variantView = (variant: BcVariant) => ({
  id: variant.id,
  product_id: variant.product_id,
  sku: variant.sku,
  inventory_level: [...variant.inventory.values()].reduce((sum, quantity) => sum + quantity, 0),
});

function variantFor(store: Store, item: { sku?: string; variant_id?: number }): BcVariant | undefined {
  if (item.sku !== undefined) return store.variants.get(item.sku);
  return [...store.variants.values()].find((variant) => variant.id === item.variant_id);
}

/** `GET /v3/catalog/variants` (the `sku:in` filter) and `PUT /v3/inventory/adjustments/absolute`. */
export function catalogRoutes(app: FastifyInstance): void {
  app.get('/catalog/variants', async (request) => {
    const query = parseParams(variantQuerySchema, request.query);
    const skus = query['sku:in'] === undefined ? undefined : new Set(query['sku:in'].split(','));
    const all = [...storeOf(request).variants.values()].filter((variant) => !skus || skus.has(variant.sku));
    const totalPages = Math.ceil(all.length / query.limit);
    const data = all.slice((query.page - 1) * query.limit, query.page * query.limit).map(variantView);
    return {
      data,
      meta: {
        pagination: {
          total: all.length,
          count: data.length,
          per_page: query.limit,
          current_page: query.page,
          total_pages: totalPages,
        },
      },
    };
  });

  app.put('/inventory/adjustments/absolute', async (request) => {
    const raw = (request.body ?? {}) as { items?: unknown };
    if (Array.isArray(raw.items) && raw.items.length > ADJUSTMENT_LIMIT) {
      throw new BcError(422, `The number of items must not exceed ${ADJUSTMENT_LIMIT}.`, 'v3');
    }
    const body = parseParams(adjustmentSchema, request.body);
    const store = storeOf(request);
    // One bad item refuses the whole adjustment: nothing is applied.
    const resolved = body.items.map((item) => {
      const variant = variantFor(store, item);
      if (!variant) throw new BcError(422, `Item with sku ${item.sku ?? item.variant_id} was not found.`, 'v3');
      if (!store.locations.includes(item.location_id)) {
        throw new BcError(422, `Location with id ${item.location_id} was not found.`, 'v3');
      }
      return { variant, item };
    });
    for (const { variant, item } of resolved) variant.inventory.set(item.location_id, item.quantity);
    const transaction = { transaction_id: randomUUID(), reason: body.reason ?? '', items: resolved.length };
    store.adjustments.push(transaction);
    return { transaction_id: transaction.transaction_id };
  });
}
