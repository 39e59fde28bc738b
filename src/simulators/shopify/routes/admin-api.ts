import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { executeAdmin, type GraphqlRequest } from '../execute';
import { applyShopifyFault } from '../faults';

/** The Admin API version this simulator serves (docs/shopify-api.md §Version). */
export const API_VERSION = '2025-01';
const INVALID_TOKEN = '[API] Invalid API key or access token (unrecognized login or wrong password)';

type AdminRoute = { Params: { shopId: string; version: string }; Body: GraphqlRequest | undefined };

/**
 * `POST /shops/<shopId>/admin/api/<version>/graphql.json`: each shop lives under its own path prefix, standing in for
 * its own `<shop>.myshopify.com` host, so a shop URL plus Shopify's path is all a client needs.
 */
export function adminApiRoutes(app: FastifyInstance, context: SimContext, closing: AbortSignal): void {
  app.post<AdminRoute>('/shops/:shopId/admin/api/:version/graphql.json', async (request, reply) => {
    const shop = context.shops.get(request.params.shopId);
    if (await applyShopifyFault(context, shop, request, reply, closing)) return reply;
    if (!shop || request.params.version !== API_VERSION) return reply.code(404).send({ errors: 'Not Found' });
    if (request.headers['x-shopify-access-token'] !== shop.accessToken) {
      return reply.code(401).send({ errors: INVALID_TOKEN });
    }
    // Late requests come due around each request, never within one: a listing shows none it released.
    context.lateRequests.releaseDue(shop, context.ids);
    const result = await executeAdmin(shop, context.ids, request.body);
    context.lateRequests.releaseDue(shop, context.ids);
    return reply.code(result.status).send(result.body);
  });
}
