import type { FastifyInstance } from 'fastify';
import { servedApiVersion } from '../api-versions';
import type { SimContext } from '../context';
import { executeAdmin, type GraphqlRequest } from '../execute';
import { applyShopifyFault } from '../faults';

const INVALID_TOKEN = '[API] Invalid API key or access token (unrecognized login or wrong password)';

type AdminRoute = { Params: { shopId: string; version: string }; Body: GraphqlRequest | undefined };

/**
 * `POST /shops/<shopId>/admin/api/<version>/graphql.json`: each shop lives under its own path prefix, standing in for
 * its own `<shop>.myshopify.com` host, so a shop URL plus Shopify's path is all a client needs. Every answer names the
 * version that served it in `X-Shopify-API-Version` (an expired one falls forward to the oldest supported), and one
 * whose document used deprecated fields lists them in `X-Shopify-API-Deprecated-Reason`.
 */
export function adminApiRoutes(app: FastifyInstance, context: SimContext, closing: AbortSignal): void {
  app.post<AdminRoute>('/shops/:shopId/admin/api/:version/graphql.json', async (request, reply) => {
    const shop = context.shops.get(request.params.shopId);
    const version = servedApiVersion(request.params.version);
    if (version) reply.header('x-shopify-api-version', version);
    if (await applyShopifyFault(context, shop, request, reply, closing)) return reply;
    if (!shop || !version) return reply.code(404).send({ errors: 'Not Found' });
    if (request.headers['x-shopify-access-token'] !== shop.accessToken) {
      return reply.code(401).send({ errors: INVALID_TOKEN });
    }
    // Late requests come due around each request, never within one: a listing shows none it released.
    context.lateRequests.releaseDue(shop, context.ids);
    const result = await executeAdmin(shop, context.ids, request.body, version);
    context.lateRequests.releaseDue(shop, context.ids);
    if (result.deprecations?.length) reply.header('x-shopify-api-deprecated-reason', result.deprecations.join(', '));
    return reply.code(result.status).send(result.body);
  });
}
