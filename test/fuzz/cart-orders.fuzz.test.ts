import fc from 'fast-check';
import type { CartAdapter, OrderPage } from '../../src/carts/adapter';
import { BigCommerceRefusal, BigCommerceUnavailable, createBigCommerceAdapter } from '../../src/carts/bigcommerce';
import { createShopifyAdapter } from '../../src/carts/shopify/adapter';
import { ShopifyApiError } from '../../src/carts/shopify/errors';
import { createWooCommerceAdapter, WooCommerceRefusal, WooCommerceUnavailable } from '../../src/carts/woocommerce';
import { parseCartOrder } from '../../src/domain/order';
import { bigCommerceOrder, shopifyFulfillmentOrder, wooCommerceOrder } from '../helpers/cart-payloads';
import { fakeFetch, json } from './fake-fetch';
import { mutationsOf, nastyJson } from './json-mutations';
import { fuzzParams, fuzzTimeout } from './runs';
import { collectUnhandledRejections } from './unhandled-rejections';

// Boundary 1: cart order payloads. Whatever the cart sends about one order, the page listing accounts for it (a
// valid order, or a malformed one naming its fields) and never fails the page, so one bad order cannot stop a
// poller. Only an answer that is not a page at all, or an order without its identity, fails the listing, and then
// with the adapter's documented error.

collectUnhandledRejections();

const CART = { merchantId: 'acme', cartId: 'acme-shop' };

function expectAccounted(page: OrderPage, listed: number | undefined): void {
  if (listed !== undefined) expect(page.orders).toHaveLength(listed);
  for (const pulled of page.orders) {
    if (pulled.kind === 'order') expect(parseCartOrder(pulled.order).ok).toBe(true);
    else if (pulled.kind === 'malformed') {
      expect(pulled.problems.length).toBeGreaterThan(0);
      for (const problem of pulled.problems) expect(problem.field).toMatch(/^[a-zA-Z]/);
    } else expect(pulled.kind).toBe('cancelled');
  }
}

/** Lists one page and checks the outcome: accounted for, or one of `errors` (none: the page must list). */
async function listPage(
  adapter: CartAdapter,
  listed: number | undefined,
  errors: (new (...args: never[]) => Error)[],
): Promise<void> {
  let page: OrderPage;
  try {
    page = await adapter.listOrders(undefined);
  } catch (err) {
    if (!errors.some((type) => err instanceof type)) throw err;
    return;
  }
  expectAccounted(page, listed);
}

const shopifyNode = shopifyFulfillmentOrder();
const SHOPIFY_IDENTITY = [['id'], ['order', 'name']];

function shopify(requested: unknown): CartAdapter {
  const empty = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
  return createShopifyAdapter({
    ...CART,
    credentials: { shopUrl: 'https://shop.example.test', accessToken: 'token', locationId: 'gid://shopify/Location/1' },
    fetch: fakeFetch((body) => {
      const { assignmentStatus } = (body as { variables: { assignmentStatus: string } }).variables;
      const connection = assignmentStatus === 'FULFILLMENT_REQUESTED' ? requested : empty;
      return json({ data: { assignedFulfillmentOrders: connection } });
    }),
  });
}

const wooOrder = wooCommerceOrder();
// What the listing and its cursor need: without these it is not an order, and the answer is broken.
const WOO_IDENTITY = [['id'], ['number'], ['status'], ['date_modified_gmt']];

function woocommerce(answer: unknown, status = 200): CartAdapter {
  return createWooCommerceAdapter({
    ...CART,
    credentials: { siteUrl: 'https://woo.example.test', consumerKey: 'ck', consumerSecret: 'cs' },
    fetch: fakeFetch(() => json(answer, { status, headers: { 'x-wp-totalpages': '1' } })),
  });
}

const bc = bigCommerceOrder();
const bcOrder = bc.order;
// What the listing and its cursor need: without these it is not an order, and the answer is broken.
const BC_IDENTITY = [['id'], ['status_id'], ['date_modified']];

/** A store whose listing answers `orders` (with `status`) and every order's products and addresses as given. */
function bigcommerce(orders: unknown, status = 200, details: { products?: unknown; addresses?: unknown } = {}) {
  return createBigCommerceAdapter({
    ...CART,
    credentials: { storeHash: 'abc123', accessToken: 'token' },
    fetch: fakeFetch((_body, url) => {
      const path = new URL(url).pathname;
      if (path.endsWith('/products')) return json(details.products ?? bc.products);
      if (path.endsWith('/shipping_addresses')) return json(details.addresses ?? bc.addresses);
      return json(orders, { status });
    }),
  });
}

// Orders numbered apart, so a page of several stays several orders.
const numbered = <T>(orders: fc.Arbitrary<unknown>, renumber: (order: unknown, index: number) => T) =>
  fc.array(orders, { minLength: 1, maxLength: 4 }).map((list) => list.map(renumber));

describe('valid cart orders', () => {
  it('list as orders, not as malformed ones', async () => {
    const connection = { nodes: [shopifyNode], pageInfo: { hasNextPage: false, endCursor: 'c1' } };
    for (const adapter of [shopify(connection), woocommerce([wooOrder]), bigcommerce([bcOrder])]) {
      expect((await adapter.listOrders(undefined)).orders.map((pulled) => pulled.kind)).toEqual(['order']);
    }
  });
});

describe('Shopify fulfillment orders → pulled orders', () => {
  const nodes = numbered(mutationsOf(shopifyNode, SHOPIFY_IDENTITY), (node, index) => ({
    ...(node as object),
    id: `gid://shopify/FulfillmentOrder/${index + 1}`,
  }));

  it(
    'accounts for every order of a page whatever its fields hold',
    async () => {
      await fc.assert(
        fc.asyncProperty(nodes, async (list) => {
          const connection = { nodes: list, pageInfo: { hasNextPage: false, endCursor: 'c1' } };
          await listPage(shopify(connection), list.length, []);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );

  it(
    'fails an answer that is not a page only with ShopifyApiError',
    async () => {
      const connection = { nodes: [shopifyNode], pageInfo: { hasNextPage: false, endCursor: null } };
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutationsOf(connection), nastyJson), async (answer) => {
          await listPage(shopify(answer), undefined, [ShopifyApiError]);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );
});

describe('WooCommerce orders → pulled orders', () => {
  const orders = numbered(mutationsOf(wooOrder, WOO_IDENTITY), (order, index) => ({
    ...(order as object),
    id: 1042 + index,
  }));

  it(
    'accounts for every order of a page whatever its fields hold',
    async () => {
      await fc.assert(
        fc.asyncProperty(orders, async (list) => {
          await listPage(woocommerce(list), list.length, []);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );

  it(
    'fails the page for an order whose modified date is unreadable, never drops the order silently',
    async () => {
      await fc.assert(
        fc.asyncProperty(nastyJson, async (modified) => {
          await listPage(woocommerce([{ ...wooOrder, date_modified_gmt: modified }]), 1, [WooCommerceUnavailable]);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );

  it(
    'fails a broken answer only with WooCommerceUnavailable or WooCommerceRefusal',
    async () => {
      const answer = fc.oneof(mutationsOf([wooOrder]), nastyJson);
      const status = fc.constantFrom(200, 200, 400, 404, 429, 500, 503);
      await fc.assert(
        fc.asyncProperty(answer, status, async (body, code) => {
          await listPage(woocommerce(body, code), undefined, [WooCommerceUnavailable, WooCommerceRefusal]);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );
});

describe('BigCommerce orders → pulled orders', () => {
  const orders = numbered(mutationsOf(bcOrder, BC_IDENTITY), (order, index) => ({
    ...(order as object),
    id: 120 + index,
  }));

  it(
    'accounts for every order of a page whatever its fields hold',
    async () => {
      await fc.assert(
        fc.asyncProperty(orders, async (list) => {
          await listPage(bigcommerce(list), list.length, []);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );

  it(
    "accounts for the order whatever its products' and addresses' items hold",
    async () => {
      const items = (list: unknown[]) => fc.array(fc.oneof(...list.map((item) => mutationsOf(item))), { maxLength: 3 });
      await fc.assert(
        fc.asyncProperty(items(bc.products), items(bc.addresses), async (products, addresses) => {
          await listPage(bigcommerce([bcOrder], 200, { products, addresses }), 1, []);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );

  it(
    'fails the page for an order whose modified date is unreadable, never drops the order silently',
    async () => {
      await fc.assert(
        fc.asyncProperty(nastyJson, async (modified) => {
          await listPage(bigcommerce([{ ...bcOrder, date_modified: modified }]), 1, [BigCommerceUnavailable]);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );

  it(
    'fails a broken answer only with BigCommerceUnavailable or BigCommerceRefusal',
    async () => {
      const answer = fc.oneof(mutationsOf([bcOrder]), nastyJson);
      const sub = fc.oneof(fc.constant(undefined), nastyJson);
      const status = fc.constantFrom(200, 200, 204, 400, 401, 404, 429, 500, 503);
      await fc.assert(
        fc.asyncProperty(answer, status, sub, sub, async (body, code, products, addresses) => {
          await listPage(bigcommerce(body, code, { products, addresses }), undefined, [
            BigCommerceUnavailable,
            BigCommerceRefusal,
          ]);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );
});
