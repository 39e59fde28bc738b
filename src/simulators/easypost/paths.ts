import { faultRouteNames } from '../shared/fault-route';
import { SimApiError } from './errors';

/** Where the vendor API lives, as on api.easypost.com. */
export const API_PREFIX = '/fulfillment/vendor/v2';

/** Fault rules name routes relative to the API base: `"POST /orders"`. */
export const { normaliseRoute, routeKey } = faultRouteNames(
  (path) => (path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path),
  (message) => new SimApiError(400, 'REQUEST.BODY.INVALID', message, 'route'),
);
