import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_BUNDLE_UNITS } from '../domain/translation';
import { setMappingRule, type MappingRule } from '../operations/mapping';
import type { ApiDeps } from './app';
import { route } from './route';

const text = z.string().trim().min(1);

/** PUT /aliases, /bundles and /ship-methods: how a merchant's cart orders become EasyPost orders (`epf aliases set`). */
export function registerMappingRoutes(app: FastifyInstance, deps: ApiDeps): void {
  /** `PUT /<path>/:merchantId/:<key>`: sets the rule `toRule` makes of the key and body, answered with both. */
  const putRule = <B extends z.ZodObject>(
    path: string,
    key: string,
    doc: { summary: string; body: B },
    toRule: (key: string, body: z.output<B>) => MappingRule,
  ) =>
    route(
      app,
      'PUT',
      `/${path}/:merchantId/:${key}`,
      {
        tag: 'mapping',
        summary: doc.summary,
        params: z.strictObject({ merchantId: text, [key]: text }),
        body: doc.body,
        responses: { 200: 'stored', 404: 'no such merchant' },
      },
      async ({ params, body }) => {
        const { merchantId, [key]: value } = params as Record<string, string>;
        await setMappingRule(deps.pool, merchantId!, toRule(value!, body as z.output<B>));
        return { merchantId, [key]: value, ...body };
      },
    );

  putRule(
    'aliases',
    'sku',
    { summary: 'map a cart SKU to an EasyPost product barcode', body: z.strictObject({ barcode: text }) },
    (sku, { barcode }) => ({ kind: 'alias', sku, barcode }),
  );
  putRule(
    'bundles',
    'sku',
    {
      summary: "replace a bundle's components: the EasyPost products in one bundle",
      body: z.strictObject({
        components: z
          .array(z.strictObject({ barcode: text, units: z.number().int().min(1).max(MAX_BUNDLE_UNITS) }))
          .min(1),
      }),
    },
    (sku, { components }) => ({ kind: 'bundle', sku, components }),
  );
  putRule(
    'ship-methods',
    'method',
    {
      summary: "map a cart's shipping method (matched case-insensitively) to an EasyPost service",
      body: z.strictObject({ service: text }),
    },
    (method, { service }) => ({ kind: 'shipMethod', method, service }),
  );
}
