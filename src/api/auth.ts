import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { logger } from '../logger';
import { OPENAPI_PATH } from './openapi';
import { SHOPIFY_NOTIFICATION_PATH } from './cart-webhooks/shopify';
import { EASYPOST_WEBHOOK_PATH } from './webhooks';

/**
 * Routes without the bearer token: `/healthz` for load balancers and compose health checks; `/openapi.json` so
 * clients can be generated before anyone holds a token; `/webhooks/easypost`
 * because EasyPost cannot send our token, so it verifies its own `X-Hmac-Signature` (webhooks.ts); the cart webhooks
 * likewise verify their cart's signature (cart-webhooks/).
 */
const PUBLIC_ROUTES = new Set(['/healthz', OPENAPI_PATH, EASYPOST_WEBHOOK_PATH, SHOPIFY_NOTIFICATION_PATH]);

/** Whether a route takes no bearer token (the OpenAPI document marks these `security: []`). */
export const isPublicRoute = (url: string): boolean => PUBLIC_ROUTES.has(url);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Calls from a loopback address need no token on this route (codec.ts, with CODEC_AUTH=loopback). */
    loopbackWithoutToken?: boolean;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A fastify `onRequest` hook: `Authorization: Bearer <API_TOKEN>` on every route but the public ones, compared in
 * constant time (hashing first makes the lengths equal, so the comparison leaks nothing about the token).
 */
export function bearerAuth(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (isPublicRoute(request.routeOptions.url ?? '')) return;
    // Browsers send CORS preflights without credentials; the route answers them (codec.ts) and exposes nothing.
    if (request.method === 'OPTIONS') return;
    if (request.routeOptions.config.loopbackWithoutToken && LOOPBACK.has(request.ip)) return;
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (presented && timingSafeEqual(digest(presented), expected)) return;
    logger.warn({ url: request.url, remote: request.ip }, 'Rejected an API call without a valid token');
    await reply.code(401).send({ error: 'missing or invalid bearer token' });
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
