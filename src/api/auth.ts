import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Routes anyone may call: load balancers and compose health checks. */
const PUBLIC_ROUTES = new Set(['/healthz']);

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
    request.log.warn({ url: request.url }, 'Rejected an API call without a valid token');
    await reply.code(401).send({ error: 'missing or invalid bearer token' });
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
