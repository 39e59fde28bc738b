import type { FastifyRequest } from 'fastify';
import { WpError } from './errors';

/** Each simulated store lives under its own path, as a WordPress install in a subdirectory would. */
export const SITE_PREFIX = '/sites/:siteId/wp-json';
/** WooCommerce core's REST namespace. */
export const WC_NAMESPACE = '/wc/v3';
/** The Shipment Tracking extension's canonical namespace (docs/woocommerce-api.md §6). */
export const TRACKING_NAMESPACE = '/wc-shipment-tracking/v3';

const NAMESPACED = /^\/sites\/[^/]+\/wp-json\/(?:wc|wc-shipment-tracking)\/v3(?=\/|$)/;

function trimPath(path: string): string {
  const relative = path.replace(NAMESPACED, '');
  const withSlash = relative.startsWith('/') ? relative : `/${relative}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') : withSlash;
}

/** `"get orders/"` → `"GET /orders"`: fault rules name routes relative to the namespace, for every site. */
export function normaliseRoute(route: string): string {
  if (route.trim() === '*') return '*';
  const [method, path, ...rest] = route.trim().split(/\s+/);
  if (!method || !path || rest.length > 0) {
    throw new WpError(400, 'sim_invalid_route', `route: expected "METHOD /path" or "*", got "${route}"`);
  }
  return `${method.toUpperCase()} ${trimPath(path)}`;
}

/** The request's route in fault-rule form, e.g. `"PUT /orders/:id"`; the raw path for unknown routes. */
export function routeKey(request: FastifyRequest): string {
  const pattern = request.routeOptions.url ?? request.url.split('?')[0] ?? '/';
  return `${request.method} ${trimPath(pattern)}`;
}
