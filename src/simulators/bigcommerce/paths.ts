import { faultRouteNames } from '../shared/fault-route';
import { BcError } from './errors';

/** Each simulated store lives under its hash, as on api.bigcommerce.com. */
export const STORE_PREFIX = '/stores/:storeHash';

/** A store's API base, `${baseUrl}/stores/<hash>`, under which its V2 and V3 APIs live. */
export const storeApiBase = (baseUrl: string, hash: string) => `${baseUrl}/stores/${hash}`;

const STORE = /^\/stores\/[^/]+(?=\/|$)/;

/** Fault rules name routes below the store, for every store: `"GET /v2/orders"`, `"POST /v2/orders/:order_id/shipments"`. */
export const { normaliseRoute, routeKey } = faultRouteNames(
  (path) => path.replace(STORE, ''),
  (message) => new BcError(422, message, 'v3'),
);
