import { seedShopifyDemo } from '../../../../src/simulators/shopify/demo';
import { LIST, ShopifyHarness } from './harness';

describe('Shopify simulator: control API and faults', () => {
  let h: ShopifyHarness;

  beforeAll(async () => {
    h = await ShopifyHarness.start();
  });
  beforeEach(() => h.reset());
  afterAll(() => h.close());

  it('creates shops and orders over HTTP, malformed ones included, and reports fulfillment orders', async () => {
    const shop = await h.simCall('POST', 'shops', { id: 'acme', access_token: 'shpat_acme' });
    expect(shop.status).toBe(201);
    expect(shop.body).toEqual({
      shop_id: 'acme',
      shop_url: `${h.sim.url}/shops/acme`,
      access_token: 'shpat_acme',
      location_id: expect.stringMatching(/^gid:\/\/shopify\/Location\/\d+$/),
      client_secret: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const order = await h.simCall('POST', 'orders', {
      shop: 'acme',
      order: { lines: [{ sku: 'TEE-WHT-S', quantity: 2 }] },
      malformed: 'no_sku',
    });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({
      status: 'OPEN',
      request_status: 'SUBMITTED',
      assignment_status: 'FULFILLMENT_REQUESTED',
      lines: [{ sku: null, total_quantity: 2 }],
    });
    const listed = await h.simCall('GET', 'fulfillment-orders?shop=acme');
    expect(listed.body.fulfillment_orders).toHaveLength(1);

    const cancelled = await h.simCall('POST', `orders/${encodeURIComponent(order.body.order_id)}/cancel`, {});
    // Not accepted yet: the request is withdrawn rather than turned into a cancellation request.
    expect(cancelled.body).toMatchObject({ status: 'CLOSED', assignment_status: null });
  });

  it('names bad control bodies and unknown shops', async () => {
    expect((await h.simCall('POST', 'orders', { shop: h.shop.shop_id, malformed: 'upside_down' })).status).toBe(400);
    expect((await h.simCall('GET', 'inventory?shop=nope')).status).toBe(404);
    expect((await h.simCall('POST', 'faults', { kind: 'explode' })).body.errors).toMatch(/kind/);
  });

  it('seeds the demo shop with the merchant’s SKUs', () => {
    h.control.reset();
    const demo = seedShopifyDemo(h.control);
    const skus = h.control.fulfillmentOrders(demo.shop_id).flatMap((fo) => fo.lines.map((line) => line.sku));
    expect(new Set(skus)).toEqual(new Set(['SOCK-CHAR-M', 'TOTE-NAT', 'TEE-WHT-S', 'GIFT-SET']));
  });

  it('server_error and rate_limit answer before the GraphQL runs; faults can target one operation', async () => {
    await h.simCall('POST', 'faults', { kind: 'server_error', operation: 'List', times: 1 });
    const failed = await h.graphql(LIST, { first: 1 });
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ errors: 'Service Unavailable' });
    expect((await h.graphql(LIST, { first: 1 })).status).toBe(200);

    h.control.addFault({ kind: 'rate_limit', retry_after_s: 2, times: 1 });
    const limited = await h.graphql('{ location { id } }');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(h.control.requests().map((entry) => [entry.status, entry.fault])).toEqual([
      [503, 'server_error'],
      [200, undefined],
      [429, 'rate_limit'],
    ]);
  });

  it('reset drops the connection; latency delays; throttle empties the bucket; DELETE clears faults', async () => {
    h.control.addFault({ kind: 'reset', times: 1 });
    await expect(h.graphql('{ location { id } }')).rejects.toThrow();

    h.control.addFault({ kind: 'latency', latency_ms: 200, times: 1 });
    const started = Date.now();
    expect((await h.graphql('{ location { id } }')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);

    // A point a second: on a loaded machine the request may take tens of ms from the drain to the cost check.
    h.reset({ maximum_available: 1000, restore_rate: 1 });
    h.control.addFault({ kind: 'throttle', times: 1 });
    const throttled = await h.graphql('{ location { id } }');
    expect(throttled.body.errors[0].extensions.code).toBe('THROTTLED');
    expect(throttled.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);

    h.control.addFault({ kind: 'server_error' });
    expect((await h.simCall('DELETE', 'faults')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await h.graphql('{ location { id } }')).status).toBe(200);
  });
});
