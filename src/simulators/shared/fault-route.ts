/**
 * How fault rules name HTTP routes: `"METHOD /path"` relative to the API's base, no trailing slash, or `*`.
 * API: `faultRouteNames(relative, invalid)` → `{ normaliseRoute, routeKey }`.
 */
import type { FastifyRequest } from 'fastify';

/**
 * The two views of a route name for one API: `relative` strips the API's base from a path, `invalid` builds the API's
 * error for a route that is not `"METHOD /path"` or `*`.
 */
export function faultRouteNames(relative: (path: string) => string, invalid: (message: string) => Error) {
  const trimPath = (path: string): string => {
    const rest = relative(path);
    const withSlash = rest.startsWith('/') ? rest : `/${rest}`;
    return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') : withSlash;
  };

  return {
    /** `"post orders/"` → `"POST /orders"`: a rule's route as the control received it, in fault-rule form. */
    normaliseRoute(route: string): string {
      if (route.trim() === '*') return '*';
      const [method, path, ...rest] = route.trim().split(/\s+/);
      if (!method || !path || rest.length > 0) {
        throw invalid(`route: expected "METHOD /path" or "*", got "${route}"`);
      }
      return `${method.toUpperCase()} ${trimPath(path)}`;
    },

    /** The request's route in fault-rule form, e.g. `"GET /orders/:id"`; the raw path for unknown routes. */
    routeKey(request: FastifyRequest): string {
      const pattern = request.routeOptions.url ?? request.url.split('?')[0] ?? '/';
      return `${request.method} ${trimPath(pattern)}`;
    },
  };
}
