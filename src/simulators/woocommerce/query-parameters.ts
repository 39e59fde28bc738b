import type { FastifyRequest } from 'fastify';

/** The request's query parameters as PHP's `$_GET` holds them: decoded, a repeated name keeping its last value. */
export function queryParameters(request: FastifyRequest): Map<string, string> {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  return new Map(new URLSearchParams(query));
}
