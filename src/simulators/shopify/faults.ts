import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimContext } from './context';
import { operationNameOf, type GraphqlRequest } from './execute';
import type { ShopState } from './state';

// Bodies Shopify sends with these statuses (docs/shopify-api.md §Errors: assumed, Shopify does not document them).
const SERVER_ERROR_BODY: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Unavailable' };
const RATE_LIMIT_BODY =
  'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.';

/**
 * Applies the first matching fault to an Admin API request, before the GraphQL runs. Returns true when the fault
 * answered (or killed) the request. `throttle` empties the shop's bucket, so the cost check answers THROTTLED.
 */
export async function applyFault(
  context: SimContext,
  shop: ShopState | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
  closing: AbortSignal,
): Promise<boolean> {
  const rule = context.faults.draw(operationNameOf(request.body as GraphqlRequest | undefined));
  if (!rule) return false;
  context.requests.noteFault(request, rule.kind);
  switch (rule.kind) {
    case 'latency':
      await sleep(rule.latencyMs, undefined, { signal: closing }).catch(() => undefined);
      return false;
    case 'throttle':
      shop?.bucket.drain();
      return false;
    case 'server_error':
      await reply.code(rule.status).send({ errors: SERVER_ERROR_BODY[rule.status] ?? 'Internal Server Error' });
      return true;
    case 'rate_limit':
      await reply.code(429).header('retry-after', String(rule.retryAfterS)).send({ errors: RATE_LIMIT_BODY });
      return true;
    case 'reset':
      context.requests.record(request, null);
      reply.hijack();
      request.raw.socket.destroy();
      return true;
  }
}
