import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { logger } from '../logger';
import { EASYPOST_WEBHOOK_PATH } from './webhooks';

/**
 * Routes without the bearer token: `/healthz` for load balancers and compose health checks; `/webhooks/easypost`
 * because EasyPost cannot send our token, so it verifies its own `X-Hmac-Signature` (webhooks.ts).
 */
const PUBLIC_ROUTES = new Set(['/healthz', EASYPOST_WEBHOOK_PATH]);

/**
 * A fastify `onRequest` hook: `Authorization: Bearer <API_TOKEN>` on every route but the public ones, compared in
 * constant time (hashing first makes the lengths equal, so the comparison leaks nothing about the token).
 */
export function bearerAuth(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (PUBLIC_ROUTES.has(request.routeOptions.url ?? '')) return;
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (presented && timingSafeEqual(digest(presented), expected)) return;
    logger.warn({ url: request.url, remote: request.ip }, 'Rejected an API call without a valid token');
    await reply.code(401).send({ error: 'missing or invalid bearer token' });
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
