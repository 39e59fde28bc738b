import { faultRouteNames } from '../shared/fault-route';
import { WpError } from './errors';

/** Each simulated store lives under its own path, as a WordPress install in a subdirectory would. */
export const SITE_PREFIX = '/sites/:siteId/wp-json';
/** WooCommerce core's REST namespace. */
export const WC_NAMESPACE = '/wc/v3';
/** The Shipment Tracking extension's canonical namespace (docs/woocommerce-api.md §6). */
export const TRACKING_NAMESPACE = '/wc-shipment-tracking/v3';

const NAMESPACED = /^\/sites\/[^/]+\/wp-json\/(?:wc|wc-shipment-tracking)\/v3(?=\/|$)/;

/** Fault rules name routes relative to the namespace, for every site: `"PUT /orders/:id"`. */
export const { normaliseRoute, routeKey } = faultRouteNames(
  (path) => path.replace(NAMESPACED, ''),
  (message) => new WpError(400, 'sim_invalid_route', message),
);
