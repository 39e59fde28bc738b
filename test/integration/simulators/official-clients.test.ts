import { createAdminApiClient } from '@shopify/admin-api-client';
import WooCommerceRestApi from '@woocommerce/woocommerce-rest-api';
import { ASSIGNED_FULFILLMENT_ORDERS } from '../../../src/carts/shopify/queries';
import {
  NEWEST_API_VERSION,
  startShopifySimulator,
  type RunningShopifySimulator,
} from '../../../src/simulators/shopify';
import { DEMO_ACCESS_TOKEN, seedShopifyDemo } from '../../../src/simulators/shopify/demo';
import {
  seedWooCommerceDemo,
  startWooCommerceSimulator,
  type RunningWooCommerceSimulator,
} from '../../../src/simulators/woocommerce';

// The official clients, unchanged, against our simulators as real HTTP servers with the demo credentials: whatever they
// send, the simulators must take as Shopify and WooCommerce do.

describe('@shopify/admin-api-client against the Shopify simulator', () => {
  let sim: RunningShopifySimulator;
  let shopUrl: string;
  const storeDomain = 'demo-outfitters.myshopify.com';

  beforeAll(async () => {
    sim = await startShopifySimulator();
    shopUrl = seedShopifyDemo(sim.control).shop_url;
  });
  afterAll(() => sim.close());

  /**
   * The client always calls `https://<storeDomain>/admin/api/<version>/graphql.json`; its `customFetchApi` is where a
   * test points it elsewhere, here at the shop's path on the plain-HTTP simulator.
   */
  const client = (apiVersion: string, accessToken = DEMO_ACCESS_TOKEN) =>
    createAdminApiClient({
      storeDomain,
      apiVersion,
      accessToken,
      logger: () => undefined,
      customFetchApi: (url, init) => fetch(String(url).replace(`https://${storeDomain}`, shopUrl), init),
    });

  it('reads the requested fulfillment orders with our own listing document', async () => {
    const { data, errors, extensions } = await client(NEWEST_API_VERSION).request(ASSIGNED_FULFILLMENT_ORDERS.query, {
      variables: { assignmentStatus: 'FULFILLMENT_REQUESTED', first: 10 },
    });
    expect(errors).toBeUndefined();
    const orders = (data as { assignedFulfillmentOrders: { nodes: { order: { name: string } }[] } })
      .assignedFulfillmentOrders.nodes;
    expect(orders.map((fulfillmentOrder) => fulfillmentOrder.order.name)).toEqual(['#1001', '#1002', '#1003', '#1004']);
    expect(extensions).toMatchObject({ cost: { requestedQueryCost: expect.any(Number) } });
  });

  it('sees the serving version, a fall-forward, and Shopify’s errors as the client reports them', async () => {
    const current = await client('2026-07').fetch('query { location { id } }');
    expect(current.headers.get('x-shopify-api-version')).toBe('2026-07');
    const expired = await client('2025-01').fetch('query { location { id } }');
    expect([expired.status, expired.headers.get('x-shopify-api-version')]).toEqual([200, '2026-01']);

    const wrongToken = await client(NEWEST_API_VERSION, 'shpat_wrong').request('query { location { id } }');
    expect(wrongToken.errors).toMatchObject({ networkStatusCode: 401 });
    const unknownField = await client(NEWEST_API_VERSION).request('query { location { id warehouseCode } }');
    expect(unknownField.errors?.graphQLErrors?.[0]).toMatchObject({ extensions: { code: 'undefinedField' } });
  });
});

describe('@woocommerce/woocommerce-rest-api against the WooCommerce simulator', () => {
  let sim: RunningWooCommerceSimulator;
  let keys: ReturnType<typeof seedWooCommerceDemo>;

  beforeAll(async () => {
    sim = await startWooCommerceSimulator();
    keys = seedWooCommerceDemo(sim.control);
  });
  afterAll(() => sim.close());

  // Over http:// the client signs each request with OAuth 1.0a (HMAC-SHA256) in the query string, as WooCommerce wants.
  const api = (consumerSecret = keys.consumer_secret) =>
    new WooCommerceRestApi({
      url: keys.site_url,
      consumerKey: keys.consumer_key,
      consumerSecret,
      version: 'wc/v3',
    });

  it('lists the processing orders and updates one, signed with OAuth 1.0a', async () => {
    const listed = await api().get('orders', { status: 'processing', per_page: 10, orderby: 'id', order: 'asc' });
    expect(listed.status).toBe(200);
    const orders = listed.data as { id: number; status: string; line_items: { sku: string }[] }[];
    expect(orders.map((order) => order.line_items.map((line) => line.sku))).toEqual([
      ['SOCK-CHAR-M'],
      ['TOTE-NAT', 'TEE-WHT-S'],
      ['GIFT-SET'],
    ]);
    expect(listed.headers['x-wp-total']).toBe('3');

    const updated = await api().put(`orders/${orders[0]!.id}`, { status: 'completed' });
    expect(updated.data).toMatchObject({ id: orders[0]!.id, status: 'completed' });
  });

  it('refuses a wrong secret and a replayed request as WooCommerce does', async () => {
    await expect(api('cs_wrong').get('orders')).rejects.toMatchObject({
      response: {
        status: 401,
        data: {
          code: 'woocommerce_rest_authentication_error',
          message: 'Invalid signature - provided signature does not match.',
        },
      },
    });

    const unsigned = await fetch(`${keys.site_url}/wp-json/wc/v3/orders?oauth_consumer_key=${keys.consumer_key}`);
    expect(await unsigned.json()).toMatchObject({
      code: 'woocommerce_rest_authentication_missing_parameter',
      message: 'Missing OAuth parameters oauth_timestamp, oauth_nonce, oauth_signature, oauth_signature_method',
    });

    sim.control.clearRequests();
    await api().get('products', { sku: 'TOTE-NAT' });
    const [signed] = sim.control.requests();
    const replayed = await fetch(`${new URL(keys.site_url).origin}${signed!.path}`);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ message: 'Invalid nonce - nonce has already been used.' });
  });
});
