import fc from 'fast-check';
import { SecretBox } from '../../src/crypto/secret-box';
import { createCartStore } from '../../src/db/carts';
import { createMerchantStore } from '../../src/db/merchants';
import { TEST_SECRET_KEY } from '../helpers/database';
import { cartOrder } from '../unit/domain/fixtures';
import { mutationsOf, nastyJson } from './json-mutations';
import { runningApi } from './running-api';
import { fuzzParams, fuzzTimeout } from './runs';
import { pullScheduleId } from '../../workflows/definitions';

// Boundary 4: the admin API's request bodies, queries and path parameters, through a running API with no worker.
// Every answer is a success, a 400 naming each bad field, a 404 or a 409: never a 500.

const api = runningApi();
const run = Date.now().toString(36);
const MERCHANT = `fuzz-${run}`;
const CART = `fuzz-shop-${run}`;

beforeAll(async () => {
  await createMerchantStore(api.pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: MERCHANT,
    name: 'Fuzz',
    testKey: 'EZTK-fuzz',
  });
  await createCartStore(api.pool).upsert({ id: CART, merchantId: MERCHANT, type: 'manual', name: 'Fuzz shop' });
});

interface RouteSpec {
  method: string;
  /** The path with `:name` parameters, each filled with a valid or a generated value. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** The answer to the valid request: what the route does with it (404: the order or schedule does not exist). */
  accepted: number;
  /** Body fields mutations leave alone, so no generated body writes outside this file's merchant, cart or orders. */
  keep?: string[];
}

const fix = { shipTo: { zip: '97201' }, skus: { '1': 'TEE' }, shipMethod: 'Express', note: 'n' };
// Write routes first; the reads with queries ride along because their queries are outside data too. Orders go to an
// unknown cart and schedules do not exist, so nothing starts: validation is what is under test.
const ROUTES: RouteSpec[] = [
  {
    method: 'PATCH',
    path: '/merchants/:id',
    params: { id: MERCHANT },
    body: { settings: { resendHour: 3, orderDelivery: { mode: 'grace', minutes: 10 } } },
    accepted: 200,
  },
  {
    method: 'PATCH',
    path: '/carts/:id',
    params: { id: CART },
    body: { name: 'Shop', settings: { minimumInventory: 2, earliestOrderAt: '2027-01-01T00:00:00Z' } },
    accepted: 200,
  },
  {
    method: 'PUT',
    path: '/aliases/:m/:sku',
    params: { m: MERCHANT, sku: 'TEE' },
    body: { barcode: '0123456789012' },
    accepted: 200,
  },
  {
    method: 'PUT',
    path: '/bundles/:m/:sku',
    params: { m: MERCHANT, sku: 'KIT' },
    body: { components: [{ barcode: 'B1', units: 2 }] },
    accepted: 200,
  },
  {
    method: 'PUT',
    path: '/ship-methods/:m/:method',
    params: { m: MERCHANT, method: 'Standard' },
    body: { service: 'ground' },
    accepted: 200,
  },
  // Creates of what exists: the body passes and the conflict is named, so nothing new is written.
  {
    method: 'POST',
    path: '/merchants',
    body: { id: MERCHANT, name: 'Fuzz', testKey: 'EZTK-x' },
    accepted: 409,
    keep: ['id'],
  },
  {
    method: 'POST',
    path: '/carts',
    body: { id: CART, merchantId: MERCHANT, type: 'manual', name: 'Fuzz shop', credentials: {} },
    accepted: 409,
    keep: ['id'],
  },
  // Orders of a cart that has none: nothing is retried, whatever else a mutation changes.
  {
    method: 'POST',
    path: '/orders/bulk/retry',
    body: { cart: `no-such-cart-${run}`, status: 'on_hold', dryRun: true },
    accepted: 200,
    keep: ['cart'],
  },
  // A valid order to an unknown cart: the body passes, the cart is named.
  { method: 'POST', path: '/orders', body: cartOrder({ cartId: 'no-such-cart' }), accepted: 400 },
  {
    method: 'POST',
    path: '/orders/:ref/cancel',
    params: { ref: '#1001' },
    query: { cart: CART },
    body: { reason: 'buyer asked' },
    accepted: 404,
  },
  { method: 'POST', path: '/orders/:ref/retry', params: { ref: '#1001' }, query: { cart: CART }, accepted: 404 },
  {
    method: 'POST',
    path: '/orders/:ref/fix',
    params: { ref: '#1001' },
    query: { cart: CART },
    body: fix,
    accepted: 404,
  },
  {
    method: 'POST',
    path: '/schedules/:id/pause',
    params: { id: pullScheduleId(`no-such-cart-${run}`) },
    body: { note: 'why' },
    accepted: 404,
  },
  {
    method: 'GET',
    path: '/orders',
    query: { merchant: MERCHANT, since: '2027-01-01T00:00:00Z', limit: '10', status: 'on_hold' },
    accepted: 200,
  },
  { method: 'GET', path: '/orders/skipped', query: { cart: CART, limit: '5' }, accepted: 200 },
  { method: 'GET', path: '/orders/:ref', params: { ref: '#1001' }, query: { cart: CART }, accepted: 404 },
  {
    method: 'GET',
    path: '/exceptions',
    query: { merchant: MERCHANT, holdDays: '2', stuckHours: '1', wmsDays: '3' },
    accepted: 200,
  },
  { method: 'GET', path: '/carts', query: { merchant: MERCHANT, limit: '2', cursor: 'a' }, accepted: 200 },
  // No stock snapshot yet.
  { method: 'GET', path: '/inventory/:m/carts/:cart', params: { m: MERCHANT, cart: CART }, accepted: 404 },
];

// Path parameters and query values are text: a generated one is any string, a JSON value's text, or a valid one.
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  nastyJson.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))),
);
const queryValue = fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 }));

const NONE: Record<string, unknown> = {};

// The valid value itself (the same object, so a case can tell it was left alone), or generated entries over it.
function generated(valid: Record<string, unknown> = NONE) {
  const keys = Object.keys(valid);
  const entries = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...keys, 'extra'), fc.string({ maxLength: 8 })), queryValue),
    { minLength: 1, maxLength: 4 },
  );
  return fc.oneof(
    fc.constant(valid),
    entries.map((pairs) => ({ ...valid, ...Object.fromEntries(pairs) })),
  );
}

const validBody = (route: RouteSpec) => (route.body === undefined ? undefined : JSON.stringify(route.body));

const request = fc.constantFrom(...ROUTES).chain((route) =>
  fc.record({
    route: fc.constant(route),
    params: generated(route.params),
    query: generated(route.query),
    body: fc.oneof(
      fc.constant(validBody(route)),
      mutationsOf(
        route.body ?? {},
        (route.keep ?? []).map((field) => [field]),
      ).map((body) => JSON.stringify(body)),
      nastyJson.map((body) => JSON.stringify(body)),
      fc.string({ maxLength: 40 }),
    ),
  }),
);

// Lone surrogates cannot be percent-encoded; UTF-8 turns them into U+FFFD, as a client's encoder would.
const encode = (value: unknown) => encodeURIComponent(Buffer.from(String(value)).toString());

function url(route: RouteSpec, params: Record<string, unknown>, query: Record<string, unknown>): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encode(params[name]));
  const search = Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => `${encode(key)}=${encode(item)}`),
  );
  return search.length > 0 ? `${path}?${search.join('&')}` : path;
}

describe('admin API input', () => {
  it(
    'answers every generated request with a success or a 4xx (400s naming each field), never a 500',
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async ({ route, params, query, body }) => {
          // fetch sends no body with a GET.
          const sent = route.method === 'GET' ? undefined : body;
          const headers: Record<string, string> = sent === undefined ? {} : { 'content-type': 'application/json' };
          const answer = await api.send(route.method, url(route, params, query), { body: sent, headers });
          // Besides the route's own answers, fastify's: 413 body too large, 415 not JSON, 431 URL too long.
          expect(answer.status).toBeLessThan(500);
          const valid =
            params === (route.params ?? NONE) && query === (route.query ?? NONE) && body === validBody(route);
          if (valid) expect(answer.status).toBe(route.accepted);
          for (const issue of answer.body?.issues ?? []) expect(issue.field).toMatch(/./);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(10),
  );
});
