import type { FastifyReply, FastifyRequest } from 'fastify';
import { applyFault, type FaultResponses } from '../shared/fault-hook';
import type { SimContext } from './context';
import type { FaultKind } from './control-schemas';
import { operationNameOf, type GraphqlRequest } from './execute';
import type { ShopState } from './state';

// Bodies Shopify sends with these statuses (docs/shopify-api.md §Errors: assumed, Shopify does not document them).
const SERVER_ERROR_BODY: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Unavailable' };
const RATE_LIMIT_BODY =
  'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.';

/** Shopify's answers to faults; `throttle` empties the shop's bucket, so the cost check answers THROTTLED. */
function responses(shop: ShopState | undefined): FaultResponses<FaultKind> {
  return {
    throttle: () => {
      shop?.bucket.drain();
      return undefined;
    },
    server_error: (reply, rule) =>
      reply.code(rule.status).send({ errors: SERVER_ERROR_BODY[rule.status] ?? 'Internal Server Error' }),
    rate_limit: (reply, rule) =>
      reply.code(429).header('retry-after', String(rule.retryAfterS)).send({ errors: RATE_LIMIT_BODY }),
  };
}

/**
 * Applies the first matching fault to an Admin API request, before the GraphQL runs (rules name operations, so this
 * runs in the handler, after the body is parsed). Returns true when the fault answered (or killed) the request.
 */
export async function applyShopifyFault(
  context: SimContext,
  shop: ShopState | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
  closing: AbortSignal,
): Promise<boolean> {
  const rule = context.faults.draw(operationNameOf(request.body as GraphqlRequest | undefined));
  if (!rule) return false;
  return applyFault(rule, request, reply, { log: context.requests, closing, responses: responses(shop) });
}
