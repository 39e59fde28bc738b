import type { FastifyRequest } from 'fastify';
import { SimApiError } from './errors';

/** Where the vendor API lives, as on api.easypost.com. */
export const API_PREFIX = '/fulfillment/vendor/v2';

function trimPath(path: string): string {
  const relative = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path;
  const withSlash = relative.startsWith('/') ? relative : `/${relative}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') : withSlash;
}

/** `"post orders/"` → `"POST /orders"`: how fault rules name routes, relative to the API base. */
export function normaliseRoute(route: string): string {
  if (route.trim() === '*') return '*';
  const [method, path, ...rest] = route.trim().split(/\s+/);
  if (!method || !path || rest.length > 0) {
    throw new SimApiError(
      400,
      'REQUEST.BODY.INVALID',
      `route: expected "METHOD /path" or "*", got "${route}"`,
      'route',
    );
  }
  return `${method.toUpperCase()} ${trimPath(path)}`;
}

/** The request's route in fault-rule form, e.g. `"GET /orders/:id"`; the raw path for unknown routes. */
export function routeKey(request: FastifyRequest): string {
  const pattern = request.routeOptions.url ?? request.url.split('?')[0] ?? '/';
  return `${request.method} ${trimPath(pattern)}`;
}
