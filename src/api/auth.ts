import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { logger } from '../logger';
import { CODEC_SESSION_PATH } from './codec-session';
import { OPENAPI_PATH } from './openapi';
import { SHOPIFY_CALLBACK_PATH } from './cart-webhooks/shopify';
import { WOOCOMMERCE_WEBHOOK_PATH } from './cart-webhooks/woocommerce';
import { EASYPOST_WEBHOOK_PATH } from './webhooks';

/**
 * Routes without the bearer token: `/healthz` for load balancers and compose health checks; `/openapi.json` so
 * clients can be generated before anyone holds a token; `/webhooks/easypost` because EasyPost cannot send our token,
 * so it verifies its own `X-Hmac-Signature` (webhooks.ts), and the carts' webhooks likewise, each with its cart's
 * signature (cart-webhooks/); `/codec/session`, where a browser presents the token in a form to get the Web UI's
 * codec cookie (codec-session-routes.ts).
 */
const PUBLIC_ROUTES = new Set([
  '/healthz',
  OPENAPI_PATH,
  EASYPOST_WEBHOOK_PATH,
  WOOCOMMERCE_WEBHOOK_PATH,
  SHOPIFY_CALLBACK_PATH,
  CODEC_SESSION_PATH,
]);

/** Whether a route takes no bearer token (the OpenAPI document marks these `security: []`). */
export const isPublicRoute = (url: string): boolean => PUBLIC_ROUTES.has(url);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Another credential this route takes instead of the token (codec.ts: the Web UI, which cannot send it). */
    passesWithoutToken?: (request: FastifyRequest) => boolean;
  }
}

/**
 * A fastify `onRequest` hook: `Authorization: Bearer <API_TOKEN>` on every route but the public ones, compared in
 * constant time (isApiToken).
 */
export function bearerAuth(token: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (isPublicRoute(request.routeOptions.url ?? '')) return;
    // Browsers send CORS preflights without credentials; the route answers them (codec.ts) and exposes nothing.
    if (request.method === 'OPTIONS') return;
    if (request.routeOptions.config.passesWithoutToken?.(request)) return;
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (presented && isApiToken(presented, token)) return;
    logger.warn({ url: request.url, remote: request.ip }, 'Rejected an API call without a valid token');
    await reply.code(401).send({ error: 'missing or invalid bearer token' });
  };
}

/** Whether `presented` is the token, in constant time (hashing first makes the lengths equal). */
export function isApiToken(presented: string, token: string): boolean {
  return timingSafeEqual(digest(presented), digest(token));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
