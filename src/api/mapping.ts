import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createMerchantStore } from '../db/merchants';
import { createMappingStore } from '../db/product-mapping';
import { MAX_BUNDLE_UNITS } from '../domain/translation';
import type { ApiDeps } from './app';
import { ApiError, route } from './route';

const text = z.string().trim().min(1);

/** PUT /aliases, /bundles and /ship-methods: how a merchant's cart orders become EasyPost orders (`epf aliases set`). */
export function registerMappingRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const merchants = createMerchantStore(deps.pool);
  const mapping = createMappingStore(deps.pool);
  const tag = 'mapping';
  const responses = { 200: 'stored', 404: 'no such merchant' };
  const requireMerchant = async (merchantId: string) => {
    if (!(await merchants.get(merchantId))) throw new ApiError(404, `merchant ${merchantId} does not exist`);
  };

  route(
    app,
    'PUT',
    '/aliases/:merchantId/:sku',
    {
      tag,
      summary: 'map a cart SKU to an EasyPost product barcode',
      params: z.strictObject({ merchantId: text, sku: text }),
      body: z.strictObject({ barcode: text }),
      responses,
    },
    async ({ params: { merchantId, sku }, body: { barcode } }) => {
      await requireMerchant(merchantId);
      await mapping.setAlias(merchantId, sku, barcode);
      return { merchantId, sku, barcode };
    },
  );

  route(
    app,
    'PUT',
    '/bundles/:merchantId/:sku',
    {
      tag,
      summary: "replace a bundle's components: the EasyPost products in one bundle",
      params: z.strictObject({ merchantId: text, sku: text }),
      body: z.strictObject({
        components: z
          .array(z.strictObject({ barcode: text, units: z.number().int().min(1).max(MAX_BUNDLE_UNITS) }))
          .min(1),
      }),
      responses,
    },
    async ({ params: { merchantId, sku }, body: { components } }) => {
      await requireMerchant(merchantId);
      await mapping.setBundle(merchantId, sku, components);
      return { merchantId, sku, components };
    },
  );

  route(
    app,
    'PUT',
    '/ship-methods/:merchantId/:method',
    {
      tag,
      summary: "map a cart's shipping method (matched case-insensitively) to an EasyPost service",
      params: z.strictObject({ merchantId: text, method: text }),
      body: z.strictObject({ service: text }),
      responses,
    },
    async ({ params: { merchantId, method }, body: { service } }) => {
      await requireMerchant(merchantId);
      await mapping.setShipMethod(merchantId, method, service);
      return { merchantId, method, service };
    },
  );
}
